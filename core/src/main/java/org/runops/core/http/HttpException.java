package org.runops.core.http;

import okhttp3.HttpUrl;
import org.runops.core.RunopsException;

/**
 * A failed HTTP exchange. The message reads {@code METHOD URL → status: what happened; body: "…"}
 * with the values of secret-looking query parameters redacted and at most {@value Redaction#MAX_EXCERPT}
 * characters of the answer.
 */
public class HttpException extends RunopsException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String url;
    private final String bodyExcerpt;
    private final String detail;
    private final boolean authentication;

    /**
     * @param method         the request method
     * @param url            the request URL (redacted here)
     * @param status         the HTTP status, or 0 when there was no answer
     * @param body           the answer's body (cut and cleaned here), or "" / null
     * @param detail         what went wrong, in words
     * @param authentication whether credentials were refused (see {@link #isAuthentication()})
     * @param cause          the I/O error, or null
     */
    public HttpException(String method, HttpUrl url, int status, String body, String detail, boolean authentication,
            Throwable cause) {
        this(method, Redaction.url(url), status, body, detail, authentication, cause);
    }

    /** As above; {@link #isAuthentication()} follows from the status (401, 403 or 3xx). */
    public HttpException(String method, HttpUrl url, int status, String body, String detail) {
        this(method, url, status, body, detail, isAuthenticationStatus(status), null);
    }

    private HttpException(String method, String redactedUrl, int status, String body, String detail,
            boolean authentication, Throwable cause) {
        super(message(method, redactedUrl, status, Redaction.excerpt(body), detail), cause);
        this.status = status;
        this.url = redactedUrl;
        this.bodyExcerpt = Redaction.excerpt(body);
        this.detail = detail == null ? "" : detail;
        this.authentication = authentication;
    }

    /** The HTTP status, 0 when no answer came (I/O error, timeout, interrupt). */
    public int status() {
        return status;
    }

    /** The request URL with secret-looking query values redacted. */
    public String url() {
        return url;
    }

    /** At most {@value Redaction#MAX_EXCERPT} characters of the answer's body, "" when none. */
    public String bodyExcerpt() {
        return bodyExcerpt;
    }

    /** What went wrong, in words, without method, URL, status and body ("" when nothing more was said). */
    public String detail() {
        return detail;
    }

    /** Credentials were refused: 401, 403, a redirect (usually to the SSO login page) or a token endpoint's refusal. */
    public boolean isAuthentication() {
        return authentication;
    }

    /** 401, 403 and every 3xx mean "not let in". */
    public static boolean isAuthenticationStatus(int status) {
        return status == 401 || status == 403 || (status >= 300 && status < 400);
    }

    private static String message(String method, String url, int status, String excerpt, String detail) {
        StringBuilder b = new StringBuilder().append(method).append(' ').append(url).append(" → ");
        b.append(status == 0 ? "no answer" : Integer.toString(status));
        if (detail != null && !detail.isEmpty()) {
            b.append(": ").append(detail);
        }
        if (!excerpt.isEmpty()) {
            b.append("; body: \"").append(excerpt).append('"');
        }
        return b.toString();
    }
}
