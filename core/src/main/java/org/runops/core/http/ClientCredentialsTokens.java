package org.runops.core.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
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
    private static final JsonFactory JSON = new JsonFactory();

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
            if (e.status() >= 400 && e.status() < 500) {
                throw refused(e.status(), e.bodyExcerpt(), "the token endpoint refused client " + credentials.clientId()
                        + " (check the client id and secret, and that the application may get tokens for audience "
                        + credentials.audience() + ")", e);
            }
            throw new HttpException("POST", credentials.tokenEndpoint(), e.status(), e.bodyExcerpt(),
                    "no token for client " + credentials.clientId() + ": " + e.getMessage(), false, e);
        }
        Answer a = parse(answer);
        token = a.accessToken;
        refreshAt = a.expiresIn < 0 ? null : asked.plus(Duration.ofSeconds(a.expiresIn - MARGIN_SECONDS));
        LOG.debug("token for client {} (audience {}) obtained, expires in {} s", credentials.clientId(),
                credentials.audience(), a.expiresIn < 0 ? "?" : a.expiresIn);
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

    private record Answer(String accessToken, long expiresIn) {}

    private Answer parse(byte[] body) {
        String accessToken = null;
        String tokenType = null;
        long expiresIn = -1;
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw refused(200, "", "the token endpoint's answer is not a JSON object", null);
            }
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "access_token" -> accessToken = value == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "token_type" -> tokenType = value == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "expires_in" -> expiresIn = value.isNumeric() ? p.getLongValue()
                            : value == JsonToken.VALUE_STRING ? parseLong(p.getText()) : -1;
                    default -> p.skipChildren();
                }
            }
        } catch (IOException e) {
            // the body may hold a token: name the problem, never the content
            throw refused(200, "", "the token endpoint's answer is not valid JSON", e);
        }
        if (accessToken == null || accessToken.isBlank()) {
            throw refused(200, "", "the token endpoint's answer has no access_token", null);
        }
        if (tokenType != null && !tokenType.equalsIgnoreCase("bearer")) {
            throw refused(200, "", "the token endpoint issued a " + tokenType + " token, not a Bearer token", null);
        }
        return new Answer(accessToken, expiresIn);
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private HttpException refused(int status, String body, String detail, Throwable cause) {
        return new HttpException("POST", credentials.tokenEndpoint(), status, body,
                detail + " [client " + credentials.clientId() + "]", true, cause);
    }
}
