package org.runops.core.csv;

import java.io.IOException;
import java.io.Writer;
import java.util.Objects;
import org.runops.core.RunopsException;

/**
 * Writes RFC 4180 records that {@link CsvReader} reads back unchanged: fields separated by commas,
 * records ended by LF, a field in double quotes (inner quotes doubled) when it must be ({@link #escape})
 * — or always, with {@link #quoted}, so that a reader keeps it as text rather
 * than a number or a missing value. A missing value is an empty field. Numbers are written the same
 * in every locale. Not thread-safe; the caller closes the underlying writer.
 *
 * <pre>{@code
 * CsvWriter csv = new CsvWriter(out, "runs.csv");
 * csv.field("run_number").field("init_lumi").endRecord();
 * csv.number(316201).number(1.93).endRecord().flush();
 * }</pre>
 */
public final class CsvWriter {
    private final Writer out;
    private final String target;
    private boolean firstField = true;

    /** Writes to {@code out}; {@code target} names it in errors (a file, or "standard output"). */
    public CsvWriter(Writer out, String target) {
        this.out = Objects.requireNonNull(out, "out");
        this.target = Objects.requireNonNull(target, "target");
    }

    /**
     * {@code text} as one field: unchanged, or in quotes when it holds a comma, a quote or a line break
     * (or starts with U+FEFF, which a reader would take for a byte-order mark at the start of a file).
     */
    public static String escape(String text) {
        if (text.startsWith("\uFEFF")) {
            return quote(text);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return quote(text);
            }
        }
        return text;
    }

    private static String quote(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    /** A text field, quoted only when it must be; null is a missing (empty) field. */
    public CsvWriter field(String text) {
        return write(text == null ? "" : escape(text));
    }

    /** A text field always in quotes, so that "123" or "" read back as text; null is a missing (empty) field. */
    public CsvWriter quoted(String text) {
        return write(text == null ? "" : quote(text));
    }

    /** A whole number. */
    public CsvWriter number(long value) {
        return write(Long.toString(value));
    }

    /** A number in Java's shortest round-trip form ({@code 3.8}, {@code 1.0E-5}); NaN is a missing (empty) field. */
    public CsvWriter number(double value) {
        return write(Double.isNaN(value) ? "" : Double.toString(value));
    }

    /**
     * A typed table value as the shared OMS and study tables write it (pandas {@code QUOTE_NONNUMERIC}):
     * a string always quoted, so it reads back as text; a number or boolean bare; null (or NaN) missing.
     */
    public CsvWriter value(Object v) {
        if (v instanceof String text) {
            return quoted(text);
        }
        if (v instanceof Double d) {
            return number(d);
        }
        if (v instanceof Float f) {
            return number(f.doubleValue());
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte || v instanceof Boolean) {
            return write(v.toString());
        }
        return v == null ? field(null) : quoted(v.toString());
    }

    /** Ends the current record. */
    public CsvWriter endRecord() {
        try {
            out.write('\n');
        } catch (IOException e) {
            throw failed(e);
        }
        firstField = true;
        return this;
    }

    /** Flushes the underlying writer. */
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private CsvWriter write(String field) {
        try {
            if (!firstField) {
                out.write(',');
            }
            out.write(field);
        } catch (IOException e) {
            throw failed(e);
        }
        firstField = false;
        return this;
    }

    private RunopsException failed(IOException e) {
        return new RunopsException("cannot write " + target + ": " + e.getMessage(), e);
    }
}
