package org.runops.oms;

import org.runops.core.RunopsException;
import org.runops.core.http.HttpException;

/**
 * OMS could not answer as expected: HTTP failure, malformed page, short or inconsistent paging,
 * a value of the wrong kind. The message names the query URL (never a token) and what was expected;
 * {@link #status()} and {@link #bodyExcerpt()} carry the server's answer when there was one, and a
 * wrapped {@link HttpException} stays the cause.
 */
public class OmsException extends RunopsException {
    private static final long serialVersionUID = 1L;

    private final String url;
    private final int status;
    private final String bodyExcerpt;

    public OmsException(String message) {
        this(message, null, 0, "", null);
    }

    public OmsException(String message, Throwable cause) {
        this(message, null, 0, "", cause);
    }

    public OmsException(String message, String url, int status, String bodyExcerpt, Throwable cause) {
        super(message, cause);
        this.url = url;
        this.status = status;
        this.bodyExcerpt = bodyExcerpt == null ? "" : bodyExcerpt;
    }

    /** Wraps an HTTP failure of {@code url}, keeping it as the cause. */
    static OmsException http(String what, HttpException e) {
        return new OmsException(what + ": " + e.getMessage(), e.url(), e.status(), e.bodyExcerpt(), e);
    }

    /** The URL that failed, or null when the failure is not about one request. */
    public String url() {
        return url;
    }

    /** The HTTP status, or 0 when there was no HTTP answer (connection failure, bad page, ...). */
    public int status() {
        return status;
    }

    /** The start of the server's answer, "" when none. */
    public String bodyExcerpt() {
        return bodyExcerpt;
    }

    /** True when the server refused the credentials (401, 403, or a redirect to a login page). */
    public boolean isAuthentication() {
        return getCause() instanceof HttpException h && h.isAuthentication();
    }
}
