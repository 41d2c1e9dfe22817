package org.runops.examples.cli;

/** CSV output helpers shared by the commands with {@code --format csv}. */
final class Csv {
    private Csv() {}

    /** RFC 4180: quote fields with commas, quotes or line breaks. */
    static String field(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
