package org.runops.calo.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.runops.calo.CaloException;
import org.runops.core.RegularFiles;

/**
 * The parts of a nopayloadclient configuration ({@code NOPAYLOADCLIENT_CONF}, JSON) that say where the CDB
 * is and how patiently to ask it: {@code base_url} (host and port, no scheme: the client prepends
 * {@code http://}), {@code api_res} (default {@code /api/cdb_rest/}), {@code n_retries} and
 * {@code retry_sleep_mean} (seconds). Every other key (read directories, cache, logger) is ignored.
 *
 * @param baseUrl        the API root, e.g. {@code http://nopayloaddb.apps.rcf.bnl.gov/api/cdb_rest/}
 * @param retries        {@code n_retries}: attempts after a 504 in the client
 * @param retrySleepMean {@code retry_sleep_mean}: the client sleeps uniformly 1–2× this between attempts
 */
public record ClientConfig(URI baseUrl, int retries, Duration retrySleepMean) {
    private static final JsonFactory JSON = new JsonFactory();

    /** Reads {@code file}; a {@link CaloException} naming it when it is unreadable or lacks {@code base_url}. */
    public static ClientConfig read(Path file) {
        String base = null;
        String api = "/api/cdb_rest/";
        long retries = 5;
        double sleepMean = 30;
        try (InputStream in = RegularFiles.newInputStream(file); JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new CaloException(file + ": expected a JSON object (a nopayloadclient configuration)");
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                String key = p.currentName();
                JsonToken v = p.nextToken();
                switch (key) {
                    case "base_url" -> base = text(p, v, file, key);
                    case "api_res" -> api = text(p, v, file, key);
                    case "n_retries" -> retries = (long) number(p, v, file, key);
                    case "retry_sleep_mean" -> sleepMean = number(p, v, file, key);
                    default -> p.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            throw new CaloException(file + ": malformed JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new CaloException("cannot read nopayloadclient configuration " + file + ": " + RegularFiles.reason(e), e);
        }
        if (base == null || base.isBlank()) {
            throw new CaloException(file + ": no base_url (host[:port] of the CDB)");
        }
        if (retries < 0 || retries > 1000 || sleepMean < 0 || sleepMean > 3600) {
            throw new CaloException(file + ": n_retries must be 0..1000 and retry_sleep_mean 0..3600 s, got "
                    + retries + " and " + sleepMean);
        }
        String root = (base.contains("://") ? base : "http://" + base).replaceAll("/+$", "")
                + "/" + api.replaceAll("^/+", "");
        URI uri;
        try {
            uri = URI.create(root.endsWith("/") ? root : root + "/");
        } catch (IllegalArgumentException e) {
            throw new CaloException(file + ": base_url and api_res do not make a URL: " + root, e);
        }
        return new ClientConfig(uri, (int) retries, Duration.ofMillis(Math.round(sleepMean * 1000)));
    }

    private static String text(JsonParser p, JsonToken v, Path file, String key) throws IOException {
        if (v != JsonToken.VALUE_STRING) {
            throw new CaloException(file + ": " + key + " must be a string");
        }
        return p.getText().trim();
    }

    private static double number(JsonParser p, JsonToken v, Path file, String key) throws IOException {
        if (v != JsonToken.VALUE_NUMBER_INT && v != JsonToken.VALUE_NUMBER_FLOAT) {
            throw new CaloException(file + ": " + key + " must be a number");
        }
        return p.getDoubleValue();
    }
}
