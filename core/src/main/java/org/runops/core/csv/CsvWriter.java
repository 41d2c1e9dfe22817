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
 * in every locale. A record reaches the underlying writer in one write when it ends ({@link #endRecord},
 * or {@link #flush} for an unfinished one). Not thread-safe; the caller closes the underlying writer.
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
    // The record is built here (numbers appended as digits) and written in one call: no String and no writer
    // call per field, which were most of the CSV cost of `oms runs` (OmsOutputBenchmark, benchmarks/README.md).
    private final StringBuilder record = new StringBuilder(256);
    private char[] chunk = new char[256];
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
        return mustQuote(text) ? quote(text) : text;
    }

    private static boolean mustQuote(String text) {
        if (text.length() > 0 && text.charAt(0) == '\uFEFF') {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    private static String quote(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    /** A text field, quoted only when it must be; null is a missing (empty) field. */
    public CsvWriter field(String text) {
        separate();
        if (text != null) {
            if (mustQuote(text)) {
                appendQuoted(text);
            } else {
                record.append(text);
            }
        }
        return this;
    }

    /** A text field always in quotes, so that "123" or "" read back as text; null is a missing (empty) field. */
    public CsvWriter quoted(CharSequence text) {
        separate();
        if (text != null) {
            appendQuoted(text);
        }
        return this;
    }

    /** A whole number. */
    public CsvWriter number(long value) {
        separate();
        record.append(value);
        return this;
    }

    /** A number in Java's shortest round-trip form ({@code 3.8}, {@code 1.0E-5}); NaN is a missing (empty) field. */
    public CsvWriter number(double value) {
        separate();
        if (!Double.isNaN(value)) {
            record.append(value); // the digits of Double.toString, without the String
        }
        return this;
    }

    /**
     * A typed table value as the shared OMS and study tables write it (pandas {@code QUOTE_NONNUMERIC}):
     * a string always quoted, so it reads back as text; a number or boolean bare; null (or NaN) missing.
     */
    public CsvWriter value(Object v) {
        if (v instanceof String text) {
            return quoted(text);
        }
        if (v instanceof Long l) {
            return number(l.longValue());
        }
        if (v instanceof Double d) {
            return number(d.doubleValue());
        }
        if (v instanceof Float f) {
            return number(f.doubleValue());
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return number(((Number) v).longValue());
        }
        if (v instanceof Boolean b) {
            separate();
            record.append(b.booleanValue());
            return this;
        }
        return v == null ? field(null) : quoted(v.toString());
    }

    /** Ends the current record and writes it. */
    public CsvWriter endRecord() {
        record.append('\n');
        writeRecord();
        firstField = true;
        return this;
    }

    /** Writes what there is of an unfinished record and flushes the underlying writer. */
    public void flush() {
        writeRecord();
        try {
            out.flush();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private void separate() {
        if (!firstField) {
            record.append(',');
        }
        firstField = false;
    }

    private void appendQuoted(CharSequence text) {
        if (text instanceof String s && s.indexOf('"') < 0) {
            record.append('"').append(s).append('"'); // the common case, copied whole
            return;
        }
        record.append('"');
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '"') {
                record.append(text, from, i + 1).append('"');
                from = i + 1;
            }
        }
        record.append(text, from, text.length()).append('"');
    }

    private void writeRecord() {
        int n = record.length();
        if (n == 0) {
            return;
        }
        if (chunk.length < n) {
            chunk = new char[Math.max(n, 2 * chunk.length)];
        }
        record.getChars(0, n, chunk, 0);
        record.setLength(0);
        try {
            out.write(chunk, 0, n);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private RunopsException failed(IOException e) {
        return new RunopsException("cannot write " + target + ": " + e.getMessage(), e);
    }
}
