package org.runops.runregistry.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.BufferedSink;
import org.runops.core.RunopsException;
import org.runops.core.http.HtmlPages;
import org.runops.core.http.HttpException;
import org.runops.core.http.HttpFetcher;
import org.runops.core.http.Redaction;
import org.runops.core.http.RetryPolicy;
import org.runops.runregistry.RunRegistryException;

/**
 * One Run Registry exchange over the shared {@link HttpFetcher} (retries, timeouts, the bearer token and its one
 * renewal after a 401 are the fetcher's), with every failure turned into a {@link RunRegistryException} that names
 * the endpoint: the server's {@code {"err": ...}} text, a refusal with what to check, an HTML page where JSON belongs.
 */
public final class RrHttp {
    private static final MediaType JSON = MediaType.get("application/json");
    private static final Pattern ERR = Pattern.compile("\"err\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)");

    private final HttpUrl baseUrl;
    private final HttpFetcher fetcher;
    private final String audience;

    /** @param audience the token audience, named in refusals (null when no token is sent) */
    public RrHttp(HttpUrl baseUrl, HttpFetcher fetcher, String audience) {
        this.baseUrl = baseUrl;
        this.fetcher = fetcher;
        this.audience = audience;
    }

    public HttpUrl url(String path) {
        return baseUrl.newBuilder().addPathSegments(path).build();
    }

    /** POSTs {@code body} as JSON to {@code path}; the 2xx answer with its status. */
    public HttpFetcher.Answer post(String path, JsonNode body, Duration within) {
        return send(fetcher, post(path, body), within);
    }

    /**
     * As {@link #post}, sent once only: for a request that creates something on the server. Neither the fetcher
     * retries it nor OkHttp, which silently resends a body that is not one-shot after a pooled connection fails.
     */
    public HttpFetcher.Answer postOnce(String path, JsonNode body, Duration within) {
        RequestBody once = new OneShot(body.toString().getBytes(StandardCharsets.UTF_8));
        return send(fetcher.withRetry(RetryPolicy.none()), new Request.Builder().url(url(path)).post(once).build(), within);
    }

    /** A JSON body OkHttp may write once only. */
    private static final class OneShot extends RequestBody {
        private final byte[] bytes;

        OneShot(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public MediaType contentType() {
            return JSON;
        }

        @Override
        public long contentLength() {
            return bytes.length;
        }

        @Override
        public boolean isOneShot() {
            return true;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            sink.write(bytes);
        }
    }

    /** As {@link #post}, one attempt only: for a poll that is repeated anyway and whose 500 means failure, not load. */
    public HttpFetcher.Answer postNoRetry(String path, JsonNode body, Duration within) {
        return send(fetcher.withRetry(RetryPolicy.none()), post(path, body), within);
    }

    public HttpFetcher.Answer get(String path, Duration within) {
        return send(fetcher, new Request.Builder().url(url(path)).get().build(), within);
    }

    /** The answer as JSON; an HTML page (an SSO login) or anything else that is not JSON is a clear error. */
    public JsonNode json(HttpFetcher.Answer answer, String path) {
        String where = "Run Registry " + Redaction.url(url(path));
        if (HtmlPages.looksLikeHtml(answer.body())) {
            throw new RunRegistryException(where + " answered " + HtmlPages.describe(answer.body())
                    + " where JSON was expected (an SSO login page means the token was not accepted)");
        }
        JsonNode tree = RrJson.tree(answer.body(), where);
        if (tree.isObject() && tree.has("err")) {
            throw new RunRegistryException(where + " answered an error: " + tree.get("err").asText(), tree.get("err").asText(), null);
        }
        return tree;
    }

    private Request post(String path, JsonNode body) {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        return new Request.Builder().url(url(path)).post(RequestBody.create(bytes, JSON)).build();
    }

    private HttpFetcher.Answer send(HttpFetcher via, Request request, Duration within) {
        try {
            return via.fetchAnswer(request, within);
        } catch (HttpException e) {
            throw translate(e);
        } catch (RunRegistryException e) {
            throw e;
        } catch (RunopsException e) {
            throw new RunRegistryException("Run Registry " + request.method() + " " + Redaction.url(request.url()) + " failed: "
                    + e.getMessage(), e);
        }
    }

    /** An HTTP failure in Run Registry's words: the server's err text, or what to check for a refusal. */
    private RunRegistryException translate(HttpException e) {
        String err = serverError(e.bodyExcerpt());
        if (err != null) {
            return new RunRegistryException("Run Registry " + e.url() + " → " + e.status() + ": " + err, err, e);
        }
        if (e.status() == 403) {
            return new RunRegistryException(e.getMessage() + " — Run Registry refused access: the SSO application must be"
                    + " granted access to Run Registry and its token issued for audience " + (audience == null ? "(none sent)" : audience)
                    + " (before 2024-07 the audience was cmsrunregistry-sso-proxy)", e);
        }
        if (e.isAuthentication()) {
            return new RunRegistryException(e.getMessage() + " — check the client id and secret and the token audience "
                    + (audience == null ? "(no token is sent: configure credentials)" : audience), e);
        }
        return new RunRegistryException(e.getMessage(), e);
    }

    /** The {@code err} text of an {@code {"err": ...}} body (whole or cut to an excerpt), or null. */
    static String serverError(String body) {
        if (body == null || body.isEmpty()) {
            return null;
        }
        try {
            JsonNode tree = RrJson.MAPPER.readTree(body);
            if (tree != null && tree.isObject() && tree.has("err")) {
                JsonNode err = tree.get("err");
                return err.isTextual() ? err.asText() : err.toString();
            }
            return null;
        } catch (java.io.IOException cut) {
            Matcher m = ERR.matcher(body); // the excerpt may end inside the message
            return m.find() ? m.group(1).replace("\\\"", "\"") : null;
        }
    }
}
