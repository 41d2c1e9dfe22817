package org.runops.core.http;

import java.time.Clock;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * Where a service's bearer tokens come from. Implementations are thread-safe. {@link HttpFetcher}
 * asks for {@link #token()} before each request and calls {@link #invalidate(String)} after a 401.
 */
public interface TokenProvider {
    /** A valid access token, fetched or refreshed when needed; an authentication {@link HttpException} when refused. */
    String token();

    /** Forgets the cached token (the server answered 401) so the next {@link #token()} fetches anew. */
    void invalidate();

    /**
     * Forgets the cached token if it is still {@code refused}, the one a 401 answered. Threads sharing a
     * provider then fetch one new token after an expiry, not one each.
     */
    default void invalidate(String refused) {
        invalidate();
    }

    /** False for {@link #none()}: no Authorization header at all. */
    boolean sendsToken();

    /** No authentication: the P5 network ({@code cmsoms.cms}) and open services such as Certhelper. */
    static TokenProvider none() {
        return NoToken.INSTANCE;
    }

    /** A token obtained elsewhere (e.g. read from a file); invalidating it changes nothing. */
    static TokenProvider fixed(String token) {
        return new FixedToken(token);
    }

    /**
     * CERN SSO api-access tokens by the client-credentials grant, cached until 30 s before they expire.
     * The token endpoint is asked with {@code http}, with {@link RetryPolicy#defaults()} for its 5xx and
     * connection failures (a refusal, 4xx, is never retried).
     */
    static TokenProvider clientCredentials(OAuthClientCredentials credentials, OkHttpClient http, Clock clock) {
        Objects.requireNonNull(http, "http");
        HttpFetcher fetcher = new HttpFetcher(http, none(), RetryPolicy.defaults(), Sleeper.system(),
                HttpFetcher.jitter());
        return new ClientCredentialsTokens(credentials, fetcher, clock);
    }

    /**
     * As above, asking the token endpoint through {@code tokenEndpoint}'s client, retries and sleeper,
     * never with its tokens (they belong to another service, or would be asked of this very provider).
     */
    static TokenProvider clientCredentials(OAuthClientCredentials credentials, HttpFetcher tokenEndpoint, Clock clock) {
        return new ClientCredentialsTokens(credentials, tokenEndpoint.withoutTokens(), clock);
    }
}

/** {@link TokenProvider#none()}. */
enum NoToken implements TokenProvider {
    INSTANCE;

    @Override
    public String token() {
        throw new IllegalStateException("TokenProvider.none() has no token");
    }

    @Override
    public void invalidate() {
        // nothing cached
    }

    @Override
    public boolean sendsToken() {
        return false;
    }

    @Override
    public String toString() {
        return "TokenProvider.none()";
    }
}

/** {@link TokenProvider#fixed(String)}; toString never shows the token. */
record FixedToken(String value) implements TokenProvider {
    FixedToken {
        Objects.requireNonNull(value, "token");
        if (value.isBlank()) {
            throw new IllegalArgumentException("token must not be blank");
        }
    }

    @Override
    public String token() {
        return value;
    }

    @Override
    public void invalidate() {
        // a fixed token cannot be renewed; a second 401 becomes an authentication error
    }

    @Override
    public boolean sendsToken() {
        return true;
    }

    @Override
    public String toString() {
        return "TokenProvider.fixed(***)";
    }
}
