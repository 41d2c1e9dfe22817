package org.runops.core.http;

import java.util.Objects;
import java.util.function.Function;
import okhttp3.HttpUrl;
import org.runops.core.RunopsException;

/**
 * An OAuth2 client-credentials grant as CERN SSO api-access takes it (POST
 * {@code grant_type=client_credentials&client_id&client_secret&audience}; with {@code basicAuth} the id
 * and secret go in an HTTP Basic header instead). {@link #toString()} never shows the secret.
 *
 * @param tokenEndpoint e.g. {@link #CERN_TOKEN_ENDPOINT}
 * @param clientId      the registered application's client id
 * @param clientSecret  its secret
 * @param audience      the target service's audience, e.g. {@code cmsoms-prod}
 * @param basicAuth     send id and secret as HTTP Basic rather than form fields
 */
public record OAuthClientCredentials(HttpUrl tokenEndpoint, String clientId, String clientSecret, String audience,
        boolean basicAuth) {
    /** CERN SSO api-access token endpoint. */
    public static final HttpUrl CERN_TOKEN_ENDPOINT = HttpUrl.get("https://auth.cern.ch/auth/realms/cern/api-access/token");

    public OAuthClientCredentials {
        Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
        requireText(clientId, "clientId");
        requireText(clientSecret, "clientSecret");
        requireText(audience, "audience");
    }

    /**
     * Id and secret from the environment variables {@code idVariable} and {@code secretVariable}
     * (looked up with {@code env}, e.g. {@code System::getenv}), for {@link #CERN_TOKEN_ENDPOINT}.
     */
    public static OAuthClientCredentials fromEnvironment(Function<String, String> env, String idVariable,
            String secretVariable, String audience) {
        return new OAuthClientCredentials(CERN_TOKEN_ENDPOINT, variable(env, idVariable, "client id"),
                variable(env, secretVariable, "client secret"), audience, false);
    }

    /** The same grant against another endpoint (a test server, another SSO realm). */
    public OAuthClientCredentials withTokenEndpoint(HttpUrl endpoint) {
        return new OAuthClientCredentials(endpoint, clientId, clientSecret, audience, basicAuth);
    }

    /** The same grant with id and secret as HTTP Basic ({@code true}) or form fields. */
    public OAuthClientCredentials withBasicAuth(boolean basic) {
        return new OAuthClientCredentials(tokenEndpoint, clientId, clientSecret, audience, basic);
    }

    @Override
    public String toString() {
        return "OAuthClientCredentials[tokenEndpoint=" + tokenEndpoint + ", clientId=" + clientId
                + ", clientSecret=***, audience=" + audience + ", basicAuth=" + basicAuth + "]";
    }

    private static String variable(Function<String, String> env, String name, String what) {
        Objects.requireNonNull(name, "variable name");
        String value = env.apply(name);
        if (value == null || value.isBlank()) {
            throw new RunopsException("environment variable " + name + " (the " + what + ") is not set");
        }
        return value.strip();
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
