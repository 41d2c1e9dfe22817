package org.runops.dqm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import org.runops.core.http.HtmlPages;
import org.runops.core.http.Redaction;
import org.runops.dqm.internal.FairyText;
import org.runops.dqm.internal.JsonBodies;

/**
 * Reads the DQM GUI's {@code jsonfairy} answer ({@code {"hist":{"type","stats","xaxis","bins",…}}},
 * built by the GUI's {@code render.cc getJson}) into a typed {@link Histogram}. Tolerates what the GUI
 * really sends: NaN and infinities as strings ({@code "nan"}, {@code "inf"}, {@code "NaN"}), the
 * unclosed {@code 'NaN} string of one of its branches, the HTML page of {@code ?formatted=true} with
 * the JSON in {@code <script id="dto">}, and no Content-Type (the body decides). Thread-safe.
 */
public final class JsonFairy {
    /** The GUI's answer for a missing monitor element or a directory (HTTP 200). */
    static final String UNSUPPORTED_TYPE = "unsupported type";

    private static final ObjectMapper JSON = JsonBodies.mapper(16,
            JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS, JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS);

    private JsonFairy() {}

    /**
     * The histogram in {@code body}, or empty when the GUI said {@code {"hist": "unsupported type"}}
     * (no such monitor element, or a directory).
     *
     * @param source what the body is (URL or file), named in every error
     * @throws DqmException for a render failure ({@code {"error": …}}), a plain-text exception, an
     *                      HTML page without the JSON, malformed JSON, or a shape that is not a histogram
     */
    public static Optional<Histogram> parse(byte[] body, String source) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(source, "source");
        byte[] json = body;
        if (HtmlPages.looksLikeHtml(body)) {
            json = FairyText.dtoScript(body);
            if (json == null) {
                throw new DqmException(source + ": expected a jsonfairy answer, got " + HtmlPages.describe(body));
            }
        }
        JsonNode root = read(json, source);
        if (!root.isObject()) {
            throw new DqmException(source + ": expected a jsonfairy object {\"hist\": …}, got " + JsonBodies.excerpt(json));
        }
        JsonNode error = root.get("error");
        if (error != null) {
            throw new DqmException(source + ": the DQM GUI could not render the histogram: "
                    + Redaction.excerpt(error.isTextual() ? error.textValue() : error.toString()));
        }
        JsonNode hist = root.get("hist");
        if (hist == null) {
            throw new DqmException(source + ": expected a jsonfairy object with \"hist\", got " + JsonBodies.excerpt(json));
        }
        if (hist.isTextual()) {
            if (UNSUPPORTED_TYPE.equals(hist.textValue())) {
                return Optional.empty();
            }
            throw new DqmException(source + ": the DQM GUI answered \"hist\": \"" + Redaction.excerpt(hist.textValue())
                    + "\" (expected a histogram or \"" + UNSUPPORTED_TYPE + "\")");
        }
        return Optional.of(new FairyTree(source).histogram(hist));
    }

    private static JsonNode read(byte[] json, String source) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            byte[] repaired = FairyText.closeNanStrings(json);
            if (repaired != null) {
                try {
                    return JSON.readTree(repaired);
                } catch (IOException ignored) {
                    // not that quirk: report the original error
                }
            }
            if (!startsLikeJson(json)) {
                throw new DqmException(source + ": the DQM GUI answered text, not JSON: " + JsonBodies.excerpt(json));
            }
            String at = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new DqmException(source + ": malformed jsonfairy JSON (" + e.getOriginalMessage() + at + ")", e);
        } catch (IOException e) {
            throw new DqmException(source + ": cannot read the jsonfairy body: " + e.getMessage(), e);
        }
    }

    private static boolean startsLikeJson(byte[] b) {
        for (byte c : b) {
            if (c > ' ') {
                return c == '{' || c == '[';
            }
        }
        return false;
    }
}
