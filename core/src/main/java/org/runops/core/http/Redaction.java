package org.runops.core.http;

import java.util.Locale;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/** Keeps secrets out of messages and logs: query values of secret-looking names, passwords in URLs, tokens in bodies. */
public final class Redaction {
    /** Longest body excerpt in a message. */
    public static final int MAX_EXCERPT = 300;

    private static final String HIDDEN = "***";
    private static final Pattern SECRET_NAME = Pattern.compile(
            "secret|token|passw|pwd|apikey|api_key|api-key|signature|credential|session|cookie|auth");
    private static final Pattern SECRET_IN_BODY = Pattern.compile(
            "(?i)(\"?(?:access_token|refresh_token|id_token|client_secret|password)\"?\\s*[:=]\\s*\"?)[^\"&,\\s}]+");

    private Redaction() {}

    /** {@code url} with the values of secret-looking query parameters and any password replaced by {@code ***}. */
    public static String url(HttpUrl url) {
        if (url == null) {
            return "(no URL)";
        }
        HttpUrl.Builder b = url.newBuilder();
        if (!url.password().isEmpty()) {
            b.password(HIDDEN);
        }
        for (String name : url.queryParameterNames()) {
            if (isSecretName(name)) {
                b.setQueryParameter(name, HIDDEN);
            }
        }
        return b.build().toString();
    }

    /** Whether a parameter called {@code name} probably carries a secret. */
    public static boolean isSecretName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return SECRET_NAME.matcher(n).find() || n.equals("key") || n.equals("sig") || n.equals("code") || n.equals("state");
    }

    /** One line of at most {@link #MAX_EXCERPT} characters of {@code body}, token values hidden; "" for none. */
    public static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String line = SECRET_IN_BODY.matcher(body).replaceAll("$1" + HIDDEN).replaceAll("\\s+", " ").strip();
        return line.length() <= MAX_EXCERPT ? line : line.substring(0, MAX_EXCERPT - 1) + "…";
    }
}
