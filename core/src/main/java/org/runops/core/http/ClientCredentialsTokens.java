package org.runops.core.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link TokenProvider#clientCredentials}: one token at a time, fetched under the monitor (so concurrent
 * callers wait for one fetch rather than each asking the SSO), reused until {@value #MARGIN_SECONDS} s
 * before {@code expires_in} runs out. Tokens and secrets never reach a log or a message.
 */
final class ClientCredentialsTokens implements TokenProvider {
    private static final Logger LOG = LoggerFactory.getLogger(ClientCredentialsTokens.class);
    static final long MARGIN_SECONDS = 30;

    private final OAuthClientCredentials credentials;
    private final HttpFetcher fetcher;
    private final Clock clock;
    private String token;
    /** When to fetch again; null = keep until invalidated (the endpoint gave no expires_in). */
    private Instant refreshAt;

    ClientCredentialsTokens(OAuthClientCredentials credentials, HttpFetcher fetcher, Clock clock) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized String token() {
        if (token == null || (refreshAt != null && !clock.instant().isBefore(refreshAt))) {
            fetch();
        }
        return token;
    }

    @Override
    public synchronized void invalidate() {
        token = null;
        refreshAt = null;
    }

    @Override
    public synchronized void invalidate(String refused) {
        if (Objects.equals(token, refused)) {
            invalidate();
        }
    }

    @Override
    public boolean sendsToken() {
        return true;
    }

    @Override
    public String toString() {
        return "TokenProvider.clientCredentials(" + credentials + ")";
    }

    private void fetch() {
        Instant asked = clock.instant();
        byte[] answer;
        try {
            answer = fetcher.fetch(request());
        } catch (HttpException e) {
            // a 429 left after the retries is the endpoint being busy, not the client being refused
            if (e.isAuthentication() || (e.status() >= 400 && e.status() < 500 && e.status() != 429)) {
                throw refused(e.status(), e.bodyExcerpt(), "the token endpoint refused client " + credentials.clientId()
                        + " (check the client id and secret, and that the application may get tokens for audience "
                        + credentials.audience() + ")", e);
            }
            throw new HttpException("POST", credentials.tokenEndpoint(), e.status(), e.bodyExcerpt(),
                    "no token for client " + credentials.clientId() + ": " + e.detail(), e.isAuthentication(), e);
        }
        TokenResponse a;
        try {
            a = TokenResponse.parse(answer);
        } catch (TokenResponse.Invalid e) {
            throw refused(200, "", e.getMessage(), null);
        }
        token = a.accessToken();
        // refresh MARGIN_SECONDS before expiry, but keep a short-lived token for half its life at least
        refreshAt = a.expiresIn() < 0 ? null
                : asked.plus(Duration.ofSeconds(Math.max(a.expiresIn() / 2, a.expiresIn() - MARGIN_SECONDS)));
        LOG.debug("token for client {} (audience {}) obtained, expires in {} s", credentials.clientId(),
                credentials.audience(), a.expiresIn() < 0 ? "?" : a.expiresIn());
    }

    private Request request() {
        FormBody.Builder form = new FormBody.Builder()
                .add("grant_type", "client_credentials")
                .add("audience", credentials.audience());
        Request.Builder b = new Request.Builder().url(credentials.tokenEndpoint());
        if (credentials.basicAuth()) {
            b.header("Authorization", Credentials.basic(credentials.clientId(), credentials.clientSecret()));
        } else {
            form.add("client_id", credentials.clientId()).add("client_secret", credentials.clientSecret());
        }
        return b.header("Accept", "application/json").post(form.build()).build();
    }

    private HttpException refused(int status, String body, String detail, Throwable cause) {
        return new HttpException("POST", credentials.tokenEndpoint(), status, body,
                detail + " [client " + credentials.clientId() + "]", true, cause);
    }
}
