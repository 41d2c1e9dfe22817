package org.runops.core.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.runops.core.RunopsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes requests and returns whole bodies, so a body cut off mid-way is retried like any other
 * transient failure instead of reaching a parser. Retries connect errors, timeouts, truncated bodies,
 * 429 and 5xx by the {@link RetryPolicy}; sends {@code Authorization: Bearer} when the
 * {@link TokenProvider} has tokens and, after a 401, fetches one new token and tries once more.
 * Redirects are never followed: a 3xx is an authentication error (SSO login pages answer that way).
 * 4xx answers other than 401 and 429 are not retried. One fetch, attempts and waits together, ends
 * by the policy's {@code giveUpAfter} or a caller's tighter deadline: each attempt's call timeout is
 * cut to the time left, and no retry is started that could not finish in time. Every method is retried alike by the
 * policy: a request that must not be repeated (one that creates something) goes through {@link #withRetry}
 * {@code (RetryPolicy.none())}, with a one-shot body so OkHttp does not resend it either. {@link #fetch} returns the body of
 * any 2xx; {@link #fetchAnswer} keeps the status too, for services whose 2xx codes differ in meaning (200, 202, 203).
 * Thread-safe; share one per service.
 */
public final class HttpFetcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpFetcher.class);
    /** Largest body read into memory. */
    public static final long MAX_BODY_BYTES = 256L << 20;
    private static final long EXCERPT_BYTES = 4096;
    /** Largest announced body read into an array of its size before any byte arrived; bigger ones grow as they come. */
    private static final long PRESIZE_MAX_BYTES = 16L << 20;

    private final OkHttpClient client;
    private final TokenProvider tokens;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final LongSupplier nanoTime;

    /** A fetcher over {@link HttpClients#create(HttpSettings)} with the settings' retry policy. */
    public static HttpFetcher create(HttpSettings settings, TokenProvider tokens) {
        return new HttpFetcher(HttpClients.create(settings), tokens, settings.retry(), Sleeper.system(), jitter());
    }

    /**
     * The jitter source the built-in clients pass: {@link ThreadLocalRandom} at each call, so one fetcher shared by
     * page threads never shares a generator's state. {@code RandomGenerator.getDefault()} would look its algorithm
     * up by ServiceLoader over {@code jdk.random}: 22–32 ms of cold start, measured.
     */
    public static RandomGenerator jitter() {
        return ThreadLocalJitter.INSTANCE;
    }

    private enum ThreadLocalJitter implements RandomGenerator {
        INSTANCE;

        @Override
        public long nextLong() {
            return ThreadLocalRandom.current().nextLong();
        }

        @Override
        public long nextLong(long bound) {
            return ThreadLocalRandom.current().nextLong(bound);
        }
    }

    public HttpFetcher(OkHttpClient client, TokenProvider tokens, RetryPolicy retry, Sleeper sleeper,
            RandomGenerator random) {
        this(client, tokens, retry, sleeper, random, System::nanoTime);
    }

    /** As above, reading elapsed time from {@code nanoTime} (a test advances it with its sleeper). */
    public HttpFetcher(OkHttpClient client, TokenProvider tokens, RetryPolicy retry, Sleeper sleeper,
            RandomGenerator random, LongSupplier nanoTime) {
        this.client = Objects.requireNonNull(client, "client");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /** GET {@code url}. */
    public byte[] fetch(HttpUrl url) {
        return fetch(new Request.Builder().url(url).get().build());
    }

    /** GET {@code url}, giving up after {@code within} at the latest (or the policy's tighter bound). */
    public byte[] fetch(HttpUrl url, Duration within) {
        return fetch(new Request.Builder().url(url).get().build(), within);
    }

    /** {@link #fetch(HttpUrl, Duration)}, stopped at once, live request included, by {@code cancellation}. */
    public byte[] fetch(HttpUrl url, Duration within, Cancellation cancellation) {
        return fetchAnswer(new Request.Builder().url(url).get().build(), within, Objects.requireNonNull(cancellation, "cancellation"))
                .body();
    }

    /**
     * The body of a 2xx answer to {@code request}; an {@link HttpException} naming method, URL, status and
     * a body excerpt otherwise (after the retries). A request that carries its own Authorization header
     * is sent as it is.
     */
    public byte[] fetch(Request request) {
        return fetch(request, Duration.ZERO);
    }

    /** {@link #fetch(Request)} within {@code within} at the latest (zero: the policy's bound alone). */
    public byte[] fetch(Request request, Duration within) {
        return fetchAnswer(request, within).body();
    }

    /** A 2xx answer's status and whole body, for services whose 2xx codes differ in meaning (200 done, 202 running). */
    public record Answer(int status, byte[] body) {
        public Answer {
            Objects.requireNonNull(body, "body");
        }

        /** Equal status and equal bytes (a record would compare the array by identity). */
        @Override
        public boolean equals(Object o) {
            return o instanceof Answer a && a.status == status && Arrays.equals(a.body, body);
        }

        @Override
        public int hashCode() {
            return 31 * status + Arrays.hashCode(body);
        }

        @Override
        public String toString() {
            return "Answer[status=" + status + ", " + body.length + " bytes]";
        }
    }

    /** {@link #fetch(Request, Duration)}, keeping the 2xx status. */
    public Answer fetchAnswer(Request request, Duration within) {
        return fetchAnswer(request, within, null);
    }

    private Answer fetchAnswer(Request request, Duration within, Cancellation cancellation) {
        Objects.requireNonNull(request, "request");
        if (request.url().isHttps() && !HttpClients.speaksTls(client)) {
            // once per fetch, not per attempt; OkHttp would throw a bare IllegalStateException("CLEARTEXT-only client")
            throw new HttpException(request.method(), request.url(), 0, "",
                    "an https URL on a client set up for http:// only (HttpClients.cleartext)", false, null);
        }
        long started = nanoTime.getAsLong();
        long budget = budgetNanos(Objects.requireNonNull(within, "within"));
        boolean renewedToken = false;
        Failure failure = null;
        for (int attempt = 1; ; attempt++) {
            stopIfInterrupted(request, attempt, cancellation);
            long left = budget == Long.MAX_VALUE ? Long.MAX_VALUE : budget - (nanoTime.getAsLong() - started);
            if (left <= 0) {
                throw outOfTime(request, attempt - 1, budget, failure);
            }
            try {
                Outcome outcome = exchange(request, renewedToken, left, cancellation);
                if (outcome.answer != null) {
                    return outcome.answer;
                }
                if (outcome.refusedToken != null) {
                    tokens.invalidate(outcome.refusedToken);
                    renewedToken = true;
                    attempt--; // the retry with a fresh token is not one of the policy's attempts
                    continue;
                }
                failure = outcome.failure;
            } catch (IOException e) {
                stopIfInterrupted(request, attempt, cancellation);
                failure = new Failure(0, "", describe(e), null, e);
            }
            if (attempt >= retry.maxAttempts()) {
                throw new HttpException(request.method(), request.url(), failure.status, failure.body,
                        failure.detail + (retry.maxAttempts() > 1 ? " (after " + attempt + " attempts)" : ""),
                        false, failure.cause);
            }
            Duration wait = failure.retryAfter != null ? retry.capRetryAfter(failure.retryAfter)
                    : retry.backoff(attempt, random);
            if (nanoTime.getAsLong() - started + wait.toNanos() >= budget) {
                throw outOfTime(request, attempt, budget, failure);
            }
            LOG.debug("{} {}: {}; retry {} of {} in {} ms", request.method(), Redaction.url(request.url()),
                    failure.status == 0 ? failure.detail : failure.status + " " + failure.detail, attempt,
                    retry.maxAttempts() - 1, wait.toMillis());
            pause(request, wait, attempt);
        }
    }

    /** The same client, retries and sleeper, sending no tokens (for a token endpoint). */
    public HttpFetcher withoutTokens() {
        return new HttpFetcher(client, TokenProvider.none(), retry, sleeper, random, nanoTime);
    }

    /**
     * The same client, tokens and sleeper with another retry policy: {@link RetryPolicy#none()} for a request
     * that must not be sent twice (one that creates something). Closing either closes the shared client.
     */
    public HttpFetcher withRetry(RetryPolicy policy) {
        return new HttpFetcher(client, tokens, policy, sleeper, random, nanoTime);
    }

    /** The time one fetch may take: the tighter of the policy's bound and the caller's; MAX_VALUE for none. */
    private long budgetNanos(Duration within) {
        long policy = retry.giveUpAfter().isZero() ? Long.MAX_VALUE : retry.giveUpAfter().toNanos();
        long caller = within.isZero() || within.isNegative() ? Long.MAX_VALUE : within.toNanos();
        return Math.min(policy, caller);
    }

    private HttpException outOfTime(Request request, int attempts, long budget, Failure last) {
        String limit = String.format(Locale.ROOT, "%.1f s", budget / 1e9);
        String detail = last == null ? "no time left for an attempt within " + limit
                : last.detail + " (after " + attempts + " attempt" + (attempts == 1 ? "" : "s") + "; no time left for another within " + limit + ")";
        return new HttpException(request.method(), request.url(), last == null ? 0 : last.status, last == null ? "" : last.body,
                detail, false, last == null ? null : last.cause);
    }

    public OkHttpClient client() {
        return client;
    }

    /** Shuts the client's dispatcher and connection pool down. */
    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    /** A whole answer, a retryable failure, or "renew this refused token and try again". */
    private record Outcome(Answer answer, Failure failure, String refusedToken) {}

    /** A retryable failure: status (0 = none), body, words, the server's Retry-After if any, the I/O error if any. */
    private record Failure(int status, String body, String detail, Duration retryAfter, IOException cause) {}

    private Outcome exchange(Request original, boolean renewedToken, long leftNanos, Cancellation cancellation) throws IOException {
        Request request = authorize(original);
        Call call = client.newCall(request);
        long callTimeout = call.timeout().timeoutNanos();
        if (leftNanos != Long.MAX_VALUE && (callTimeout == 0 || leftNanos < callTimeout)) {
            call.timeout().timeout(leftNanos, TimeUnit.NANOSECONDS); // the attempt ends when the fetch's time does
        }
        if (cancellation != null) {
            cancellation.add(call);
        }
        try (Response response = call.execute()) {
            int code = response.code();
            if (code >= 200 && code < 300) {
                try {
                    return new Outcome(new Answer(code, readBody(request, response)), null, null);
                } catch (IOException e) {
                    // a connection dropped mid-body: retryable, like a failed connect
                    return new Outcome(null, new Failure(code, "", "body cut off: " + describe(e), null, e), null);
                }
            }
            String body = excerpt(response);
            if (code >= 300 && code < 400) {
                String location = response.header("Location");
                HttpUrl to = location == null ? null : request.url().resolve(location);
                // an SSO redirect carries code=, state=, session_state=: never in a message
                throw new HttpException(request.method(), request.url(), code, body,
                        "redirected to " + (location == null ? "(no Location)" : to == null ? "(unparsable Location)" : Redaction.url(to))
                                + ": the token or cookie was not accepted, or http/https is wrong", true, null);
            }
            if (code == 401) {
                if (tokens.sendsToken() && !renewedToken && original.header("Authorization") == null) {
                    return new Outcome(null, null, request.header("Authorization").substring("Bearer ".length()));
                }
                throw new HttpException(request.method(), request.url(), code, body,
                        tokens.sendsToken() ? "token refused" + (renewedToken ? " (also a freshly fetched one)" : "")
                                : "authentication required, but no token provider is configured", true, null);
            }
            if (code == 429 || code >= 500) {
                return new Outcome(null, new Failure(code, body, reason(response),
                        code == 429 || code == 503 ? RetryAfter.parse(response) : null, null), null);
            }
            throw new HttpException(request.method(), request.url(), code, body, reason(response),
                    code == 403, null);
        } finally {
            if (cancellation != null) {
                cancellation.remove(call);
            }
        }
    }

    private Request authorize(Request request) {
        if (!tokens.sendsToken() || request.header("Authorization") != null) {
            return request;
        }
        return request.newBuilder().header("Authorization", "Bearer " + tokens.token()).build();
    }

    private static byte[] readBody(Request request, Response response) throws IOException {
        long length = response.body().contentLength();
        if (length > MAX_BODY_BYTES) {
            throw tooLarge(request, response.code(), length + " bytes announced");
        }
        if (length >= 0 && length <= PRESIZE_MAX_BYTES) {
            // read straight into the body's own array: no second copy of every body (for the 20-page, 3.3 MB-a-page
            // OMS pull, 66 MB less copying and garbage; not timed alone). Never taken when OkHttp gunzips (length -1),
            // so a gzipping server gains nothing; capped, so a header alone cannot make every page thread allocate 256 MiB
            byte[] body = new byte[(int) length];
            try (InputStream in = response.body().byteStream()) {
                int got = in.readNBytes(body, 0, body.length);
                if (got != length || in.read() != -1) { // short, or longer than announced (OkHttp checks HTTP/1.1 only)
                    throw new IOException("got " + (got != length ? got : "more than " + length) + " of " + length + " bytes announced");
                }
            }
            return body;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (InputStream in = response.body().byteStream()) {
            for (int n; (n = in.read(buffer)) != -1; ) {
                total += n;
                if (total > MAX_BODY_BYTES) {
                    throw tooLarge(request, response.code(), "more than that sent");
                }
                out.write(buffer, 0, n);
            }
        }
        if (length >= 0 && total != length) {
            throw new IOException("got " + total + " of " + length + " bytes announced");
        }
        return out.toByteArray();
    }

    private static HttpException tooLarge(Request request, int code, String what) {
        return new HttpException(request.method(), request.url(), code, "",
                "body larger than " + (MAX_BODY_BYTES >> 20) + " MiB (" + what + ")", false, null);
    }

    private static String excerpt(Response response) {
        try {
            return response.peekBody(EXCERPT_BYTES).string();
        } catch (IOException e) {
            return "";
        }
    }

    private static String reason(Response response) {
        String message = response.message();
        return message == null || message.isBlank() ? "HTTP " + response.code() : message;
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " " + message);
    }

    private void pause(Request request, Duration wait, int attempt) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted(request, attempt, e);
        }
    }

    private static void stopIfInterrupted(Request request, int attempt, Cancellation cancellation) {
        if (Thread.currentThread().isInterrupted()) {
            throw interrupted(request, attempt, null);
        }
        if (cancellation != null && cancellation.isCancelled()) {
            throw new HttpException(request.method(), request.url(), 0, "", "cancelled at attempt " + attempt, false, null);
        }
    }

    private static RunopsException interrupted(Request request, int attempt, Throwable cause) {
        return new HttpException(request.method(), request.url(), 0, "", "interrupted at attempt " + attempt, false, cause);
    }
}
