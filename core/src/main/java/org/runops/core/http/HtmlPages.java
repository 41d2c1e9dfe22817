package org.runops.core.http;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises an HTML page where JSON was expected. SSO login pages, maintenance pages and proxy
 * errors often come with status 200; reported as "malformed JSON" they send people looking in the
 * wrong place, so clients check for one first and say what it is.
 */
public final class HtmlPages {
    private static final Pattern TITLE = Pattern.compile("(?is)<title[^>]*>([^<]{0,200})</title>");

    private HtmlPages() {}

    /** True when the first non-blank byte (after a UTF-8 byte-order mark) is {@code <}: no JSON starts so. */
    public static boolean looksLikeHtml(byte[] body) {
        int start = body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF ? 3 : 0;
        for (int i = start; i < body.length; i++) {
            if (!Character.isWhitespace(body[i])) {
                return body[i] == '<';
            }
        }
        return false;
    }

    /** "an HTML page, not JSON (a login, maintenance or error page?): title or excerpt", secrets hidden. */
    public static String describe(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 16 * 1024), StandardCharsets.UTF_8);
        Matcher m = TITLE.matcher(text);
        String what = m.find() && !m.group(1).isBlank() ? "titled \"" + Redaction.excerpt(m.group(1)) + "\"" : Redaction.excerpt(text);
        return "an HTML page, not JSON (a login, maintenance or error page?): " + what;
    }
}
