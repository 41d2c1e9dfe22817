package org.runops.core.csv;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import org.runops.core.RegularFiles;

/**
 * Streams the records of an RFC 4180 CSV file: comma separated, fields optionally in double quotes
 * (commas, line breaks and doubled quotes {@code ""} inside them), CRLF or LF line ends, an optional
 * UTF-8 byte-order mark. The first record is the header. Each record remembers the line it starts on
 * and which of its fields were quoted, so a reader can tell an empty field (missing) from {@code ""}.
 * A record with another number of fields than the header is an error naming file and line.
 */
public final class CsvReader implements Closeable {
    private final BufferedReader in;
    private final String source;
    private final List<String> header;
    private final List<String> fields = new ArrayList<>();
    private final BitSet quoted = new BitSet();
    private final StringBuilder field = new StringBuilder();
    private long line = 1; // line the reader is on
    private long recordLine; // line the current record started on
    private boolean eof;

    /** The spellings of a missing value in the CSVs of pandas, ROOT and OMS exports. */
    private static final List<String> MISSING = List.of("", "nan", "NaN", "None", "null", "NA");
    private static final int MAX_NAMES_IN_MESSAGE = 40;
    private static final int MAX_TEXT_IN_MESSAGE = 60;

    /** Whether {@code text} (an unquoted cell) means "no value". */
    public static boolean isMissing(String text) {
        return MISSING.contains(text);
    }

    /** Reads from {@code reader}; {@code source} names it in errors (usually the file). */
    public CsvReader(Reader reader, String source) {
        this.in = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
        this.source = source;
        try {
            skipByteOrderMark();
            if (!readRecord()) {
                throw new CsvFormatException(source + ": empty file, expected a header row");
            }
        } catch (IOException e) {
            throw new CsvFormatException(source + ": " + RegularFiles.reason(e), e);
        }
        this.header = List.copyOf(fields);
    }

    /** Opens {@code csv} (UTF-8). */
    public static CsvReader open(Path csv) {
        BufferedReader reader;
        try {
            reader = RegularFiles.newBufferedReader(csv);
        } catch (IOException e) {
            throw new CsvFormatException(csv + ": " + RegularFiles.reason(e), e);
        }
        try {
            return new CsvReader(reader, csv.toString());
        } catch (RuntimeException e) { // no header: nobody else will close the file
            try {
                reader.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** The column names of the header row, in file order. */
    public List<String> header() {
        return header;
    }

    /** The position of {@code column} in the header, or an error listing the available columns. */
    public int columnIndex(String column) {
        int i = header.indexOf(column);
        if (i < 0) {
            throw new CsvFormatException(source + ": no column \"" + column + "\"; available: " + abbreviate(header));
        }
        return i;
    }

    /** {@code text} cut to a length a message can carry ("..." marks the cut): a cell can be megabytes. */
    public static String excerpt(String text) {
        return text.length() > MAX_TEXT_IN_MESSAGE ? text.substring(0, MAX_TEXT_IN_MESSAGE) + "..." : text;
    }

    /** Column names for a message: a wide file has hundreds of thousands, and one error line must stay readable. */
    static String abbreviate(List<String> names) {
        StringBuilder out = new StringBuilder();
        int shown = 0;
        for (String name : names) {
            if (shown == MAX_NAMES_IN_MESSAGE) {
                break;
            }
            out.append(shown++ == 0 ? "" : ", ").append(excerpt(name));
        }
        if (names.size() > shown) {
            out.append(String.format(Locale.ROOT, " ... and %d more", names.size() - shown));
        }
        return out.toString();
    }

    /** Advances to the next record; false at the end of the file. Blank lines are skipped. */
    public boolean next() {
        try {
            while (readRecord()) {
                if (fields.size() == 1 && fields.get(0).isEmpty() && !quoted.get(0)) {
                    continue; // a blank line, e.g. the file's trailing newline doubled
                }
                if (fields.size() != header.size()) {
                    throw error("expected " + header.size() + " fields as in the header, found " + fields.size());
                }
                return true;
            }
            return false;
        } catch (IOException e) {
            throw new CsvFormatException(source + " near line " + line + ": " + RegularFiles.reason(e), e);
        }
    }

    /** Field {@code i} of the current record, unquoted ("" for an empty field). */
    public String field(int i) {
        return fields.get(i);
    }

    /** Whether field {@code i} of the current record was written in quotes. */
    public boolean quoted(int i) {
        return quoted.get(i);
    }

    /** The line the current record starts on (1 = the header). */
    public long line() {
        return recordLine;
    }

    /** The name of the input, for messages. */
    public String source() {
        return source;
    }

    /** An error about the current record: {@code file:line: message}. */
    public CsvFormatException error(String message) {
        return new CsvFormatException(source + ":" + recordLine + ": " + message);
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new CsvFormatException("cannot close " + source + ": " + e.getMessage(), e);
        }
    }

    private void skipByteOrderMark() throws IOException {
        in.mark(1);
        if (in.read() != '\uFEFF') {
            in.reset();
        }
    }

    /** Reads one record into {@link #fields}; false when the input is exhausted before any character. */
    private boolean readRecord() throws IOException {
        fields.clear();
        quoted.clear();
        field.setLength(0);
        if (eof) {
            return false;
        }
        recordLine = line;
        int c = in.read();
        if (c < 0) {
            eof = true;
            return false;
        }
        boolean fieldQuoted = false;
        while (true) {
            if (c == '"' && field.length() == 0 && !fieldQuoted) {
                fieldQuoted = true;
                readQuoted();
                c = in.read();
                if (c != ',' && c != '\n' && c != '\r' && c >= 0) {
                    throw error("text after the closing quote of field " + (fields.size() + 1));
                }
                continue;
            }
            if (c == ',' || c == '\n' || c == '\r' || c < 0) {
                if (fieldQuoted) {
                    quoted.set(fields.size());
                }
                fields.add(field.toString());
                field.setLength(0);
                fieldQuoted = false;
                if (c == ',') {
                    c = in.read();
                    continue;
                }
                if (c < 0) {
                    eof = true;
                } else {
                    endOfLine(c);
                }
                return true;
            }
            field.append((char) c);
            c = in.read();
        }
    }

    /** Reads a quoted field's content up to its closing quote. */
    private void readQuoted() throws IOException {
        long opened = line;
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new CsvFormatException(source + ":" + opened + ": quoted field never closed");
            }
            if (c == '"') {
                in.mark(1);
                if (in.read() == '"') {
                    field.append('"');
                    continue;
                }
                in.reset();
                return;
            }
            if (c == '\n') {
                line++;
            } else if (c == '\r') {
                in.mark(1);
                if (in.read() != '\n') {
                    in.reset();
                }
                field.append('\n');
                line++;
                continue;
            }
            field.append((char) c);
        }
    }

    private void endOfLine(int c) throws IOException {
        line++;
        if (c == '\r') {
            in.mark(1);
            if (in.read() != '\n') {
                in.reset();
            }
        }
    }
}
