package org.runops.dqm.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.runops.core.http.HtmlPages;
import org.runops.core.http.Redaction;
import org.runops.dqm.DqmException;
import org.runops.dqm.DqmSample;

/**
 * The samples of a run from the two GUI answers that list them (spec §3; no real answer of either exists, so
 * both shapes come from the GUI's code): the stateless {@code data/json/samples}
 * ({@code {"samples":[{"type":…,"items":[{"type","run","dataset","version","importversion"}…]}]}}) and the
 * session API's {@code modify} answer, a Python tuple ({@code ([{'kind':'AutoUpdate',…},{'kind':'DQMSample',
 * 'items':[<same groups>]}])}). {@code run} is a string in both.
 */
public final class SamplesParser {
    private static final ObjectMapper JSON = JsonBodies.mapper(32, JsonReadFeature.ALLOW_TRAILING_COMMA);
    private static final String LIVE = "live";

    private SamplesParser() {}

    /** The samples of {@code run} in a {@code data/json/samples} answer (the run is matched as a regex there, so others may come too). */
    public static List<DqmSample> samples(byte[] body, long run, String source) {
        JsonNode root = read(body, source);
        JsonNode groups = root.get("samples");
        if (groups == null || !groups.isArray()) {
            throw new DqmException(source + ": expected {\"samples\": [...]}, got " + JsonBodies.excerpt(body));
        }
        return collect(groups, run, source);
    }

    /** The samples of {@code run} in a session {@code modify} answer (a Python tuple holding a {@code DQMSample} part). */
    public static List<DqmSample> session(byte[] body, long run, String source) {
        JsonNode root = read(pythonToJson(new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8), source);
        if (!root.isArray()) {
            throw new DqmException(source + ": expected the session's tuple of parts, got " + JsonBodies.excerpt(body));
        }
        for (JsonNode part : root) {
            if (part.isObject() && "DQMSample".equals(part.path("kind").asText())) {
                JsonNode groups = part.get("items");
                if (groups == null || !groups.isArray()) {
                    throw new DqmException(source + ": the DQMSample part has no items list");
                }
                return collect(groups, run, source);
            }
        }
        throw new DqmException(source + ": no {'kind': 'DQMSample'} part in the session answer " + JsonBodies.excerpt(body));
    }

    /** The session id in the GUI's landing page ({@code location.replace('/dqm/offline/session/ABMTY3')}): the path, or null. */
    public static String sessionPath(String page) {
        int at = page.indexOf("/session/");
        if (at < 0) {
            return null;
        }
        int start = page.lastIndexOf('\'', at);
        int end = page.indexOf('\'', at);
        if (start < 0 || end < 0) {
            return null;
        }
        String path = page.substring(start + 1, end);
        String id = page.substring(at + "/session/".length(), end);
        boolean plain = !id.isEmpty() && id.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
        return path.startsWith("/") && plain && path.chars().noneMatch(Character::isWhitespace) ? path : null;
    }

    private static List<DqmSample> collect(JsonNode groups, long run, String source) {
        List<DqmSample> out = new ArrayList<>();
        for (JsonNode group : groups) {
            JsonNode items = group.get("items");
            if (items == null || !items.isArray() || LIVE.equals(group.path("type").asText())) {
                continue; // the online GUI's "live" group: the run being taken, which has no jsonfairy yet
            }
            for (JsonNode item : items) {
                String type = item.path("type").asText(group.path("type").asText(""));
                if (LIVE.equals(type)) {
                    continue;
                }
                JsonNode dataset = item.get("dataset");
                if (dataset == null || !dataset.isTextual() || dataset.asText().isEmpty()) {
                    throw new DqmException(source + ": a sample without a dataset name: " + Redaction.excerpt(item.toString()));
                }
                if (runOf(item, source) != run) {
                    continue; // the GUI matches the run as a regex: 3210120 comes with 321012
                }
                out.add(new DqmSample(type, run, dataset.asText(), item.path("version").asText(""), item.path("importversion").asInt(0)));
            }
        }
        return out;
    }

    /** The item's run: an integer, or an integral number or string (the GUI writes a string). */
    private static long runOf(JsonNode item, String source) {
        JsonNode run = item.get("run");
        if (run != null && run.isNumber() && run.canConvertToExactIntegral() && run.canConvertToLong()) {
            return run.asLong();
        }
        if (run != null && run.isTextual()) {
            String text = run.asText().strip();
            if (!text.isEmpty() && text.length() <= 18 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Long.parseLong(text);
            }
        }
        throw new DqmException(source + ": a sample without an integral run number: " + Redaction.excerpt(item.toString()));
    }

    /**
     * The Python literal as JSON: the tuple's parentheses dropped, {@code '} turned into {@code "} (the GUI writes
     * no quote inside its strings), {@code True}/{@code False}/{@code None} outside strings into JSON words.
     */
    static String pythonToJson(String text) {
        String t = text.strip();
        if (t.startsWith("(") && t.endsWith(")")) {
            t = t.substring(1, t.length() - 1).strip();
            if (t.endsWith(",")) {
                t = t.substring(0, t.length() - 1); // a one-element tuple
            }
        }
        StringBuilder b = new StringBuilder(t.length());
        boolean inString = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\'' || c == '"') {
                inString = !inString;
                b.append('"');
            } else if (!inString && Character.isLetter(c)) {
                int end = i;
                while (end < t.length() && Character.isLetterOrDigit(t.charAt(end))) {
                    end++;
                }
                String word = t.substring(i, end);
                b.append(switch (word) {
                    case "True" -> "true";
                    case "False" -> "false";
                    case "None" -> "null";
                    default -> word;
                });
                i = end - 1;
            } else {
                if (inString && c == '\\' && i + 1 < t.length()) {
                    c = t.charAt(++i);
                    if (c != '\'') {
                        b.append('\\'); // Python's \' is a plain ' in JSON; other escapes are the same
                    }
                }
                b.append(c);
            }
        }
        return b.toString();
    }

    private static JsonNode read(byte[] body, String source) {
        if (HtmlPages.looksLikeHtml(body)) {
            throw new DqmException(source + ": expected the GUI's samples, got " + HtmlPages.describe(body));
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new DqmException(source + ": malformed samples answer (" + e.getOriginalMessage() + "): " + JsonBodies.excerpt(body), e);
        } catch (java.io.IOException e) {
            throw new DqmException(source + ": cannot read the samples answer: " + e.getMessage(), e);
        }
    }
}
