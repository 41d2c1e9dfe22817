package org.runops.datalogger.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The text of an ACL answer as BeautifulSoup's {@code get_text()} gave it to the original scripts:
 * tags removed ({@code <br>} and the ends of paragraphs, divisions, rows and list items become line breaks; {@code head}, {@code script},
 * {@code style} and comments are dropped with their content), the common entities unescaped. Linear
 * in the body's length whatever it holds: a day of 15 Hz samples is some 30 MB of plain text, which
 * passes through untouched.
 */
final class AclText {
    private static final List<String> DROPPED = List.of("head", "script", "style");
    private static final List<String> LINE_BREAKS = List.of("br", "/p", "/div", "/tr", "/li");

    private AclText() {}

    /** The body as lines of text (UTF-8; malformed bytes become U+FFFD and fail parsing where they matter). */
    static String[] lines(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.indexOf('<') >= 0) {
            text = stripTags(text);
        }
        if (text.indexOf('&') >= 0) {
            text = unescape(text);
        }
        return text.split("\r\n|\r|\n", -1);
    }

    static String stripTags(String text) {
        String lower = asciiLower(text); // same length as text, so indices carry over
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf('<', i);
            if (open < 0) {
                out.append(text, i, text.length());
                break;
            }
            out.append(text, i, open);
            char next = open + 1 < text.length() ? lower.charAt(open + 1) : ' ';
            if (!(next >= 'a' && next <= 'z' || next == '/' || next == '!' || next == '?')) {
                out.append('<'); // "a < b": not a tag, as in a browser
                i = open + 1;
                continue;
            }
            if (lower.startsWith("<!--", open)) {
                int end = lower.indexOf("-->", open + 4);
                i = end < 0 ? text.length() : end + 3;
                continue;
            }
            int close = text.indexOf('>', open);
            if (close < 0) {
                out.append(text, open, text.length()); // a lone '<' is text, as in a browser
                break;
            }
            String name = tagName(lower, open + 1, close);
            i = close + 1;
            if (DROPPED.contains(name)) {
                int end = lower.indexOf("</" + name, i);
                int endClose = end < 0 ? -1 : text.indexOf('>', end);
                i = endClose < 0 ? text.length() : endClose + 1;
            } else if (LINE_BREAKS.contains(name)) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static String asciiLower(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'A' && chars[i] <= 'Z') {
                chars[i] += 'a' - 'A';
            }
        }
        return new String(chars);
    }

    private static String tagName(String lower, int from, int to) {
        int end = from;
        if (end < to && lower.charAt(end) == '/') {
            end++;
        }
        while (end < to && Character.isLetterOrDigit(lower.charAt(end))) {
            end++;
        }
        return lower.substring(from, end);
    }

    static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int semi = c == '&' ? text.indexOf(';', i) : -1;
            String replacement = semi > i && semi - i <= 10 ? entity(text.substring(i + 1, semi)) : null;
            if (replacement == null) {
                out.append(c);
                i++;
            } else {
                out.append(replacement);
                i = semi + 1;
            }
        }
        return out.toString();
    }

    /** The text of entity {@code name} (between {@code &} and {@code ;}), or null when it is not one we know. */
    private static String entity(String name) {
        switch (name) {
            case "amp": return "&";
            case "lt": return "<";
            case "gt": return ">";
            case "quot": return "\"";
            case "apos": return "'";
            case "nbsp": return " ";
            default: break;
        }
        if (name.length() < 2 || name.charAt(0) != '#') {
            return null;
        }
        boolean hex = name.charAt(1) == 'x' || name.charAt(1) == 'X';
        String digits = name.substring(hex ? 2 : 1);
        if (digits.isEmpty() || digits.length() > 6 || !digits.chars().allMatch(ch -> Character.digit(ch, hex ? 16 : 10) >= 0)) {
            return null;
        }
        int code = Integer.parseInt(digits, hex ? 16 : 10);
        return Character.isValidCodePoint(code) ? new String(Character.toChars(code)) : null;
    }
}
