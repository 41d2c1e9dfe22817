package org.runops.dqm.internal;

import java.nio.charset.StandardCharsets;

/**
 * Byte-level repairs and unwrapping of jsonfairy bodies before they reach the JSON parser: the JSON
 * inside the {@code ?formatted=true} HTML page, and the GUI's unclosed {@code 'NaN} string.
 */
public final class FairyText {
    private static final String DTO_MARK = "id=\"dto\"";
    private static final String SCRIPT_END = "</script>";
    private static final byte[] OPEN_NAN = {'"', 'N', 'a', 'N'};

    private FairyText() {}

    /**
     * The JSON text inside {@code <script id="dto" type="text/json">…</script>} (the GUI's
     * {@code formatted=true} page), or null when the page holds no such element.
     */
    public static byte[] dtoScript(byte[] html) {
        String text = new String(html, StandardCharsets.UTF_8);
        int mark = text.indexOf(DTO_MARK);
        if (mark < 0) {
            return null;
        }
        int open = text.indexOf('>', mark);
        int close = open < 0 ? -1 : text.indexOf(SCRIPT_END, open);
        if (close < 0) {
            return null;
        }
        String json = text.substring(open + 1, close).strip();
        if (json.indexOf('&') >= 0) {
            // a template that escaped the JSON for HTML
            json = json.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                    .replace("&amp;", "&");
        }
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * {@code body} with a closing quote after every {@code "NaN} followed by {@code , } ]} or a blank (one branch of the GUI
     * writes {@code 'NaN} for a finite mean with a non-finite error, and the {@code '}→{@code "} pass
     * turns it into an unclosed string), or null when there is none. Only called after a body failed
     * to parse, so a valid body is never altered.
     */
    public static byte[] closeNanStrings(byte[] body) {
        int count = 0;
        for (int i = indexOfOpenNan(body, 0); i >= 0; i = indexOfOpenNan(body, i + OPEN_NAN.length)) {
            count++;
        }
        if (count == 0) {
            return null;
        }
        byte[] out = new byte[body.length + count];
        int from = 0;
        int to = 0;
        for (int i = indexOfOpenNan(body, 0); i >= 0; i = indexOfOpenNan(body, i + OPEN_NAN.length)) {
            int end = i + OPEN_NAN.length;
            System.arraycopy(body, from, out, to, end - from);
            to += end - from;
            out[to++] = '"';
            from = end;
        }
        System.arraycopy(body, from, out, to, body.length - from);
        return out;
    }

    /** Next {@code "NaN} at or after {@code from} followed by a delimiter instead of {@code "}, or -1. */
    private static int indexOfOpenNan(byte[] b, int from) {
        outer:
        for (int i = from; i + OPEN_NAN.length <= b.length; i++) {
            for (int k = 0; k < OPEN_NAN.length; k++) {
                if (b[i + k] != OPEN_NAN[k]) {
                    continue outer;
                }
            }
            int next = i + OPEN_NAN.length;
            if (next == b.length || b[next] == ',' || b[next] == '}' || b[next] == ']' || b[next] <= ' ') {
                return i;
            }
        }
        return -1;
    }
}
