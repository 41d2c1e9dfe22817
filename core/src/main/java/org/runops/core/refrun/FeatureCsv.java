package org.runops.core.refrun;

import java.io.Reader;
import java.io.Writer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.runops.core.csv.CsvFormatException;
import org.runops.core.csv.CsvReader;
import org.runops.core.csv.CsvWriter;

/** A {@link FeatureTable} as a CSV file: one row per run, a run-number column and one column per feature. */
public final class FeatureCsv {
    private FeatureCsv() {}

    /**
     * Reads {@code columns} of a CSV file with a header row; {@code runColumn} holds the run numbers.
     * Empty, {@code nan}, {@code NaN}, {@code None}, {@code null} and {@code NA} are missing (NaN);
     * {@code true}/{@code false} are 1/0. A value that is not a number, a missing column or a
     * repeated run is a {@link CsvFormatException} naming file, line and column.
     */
    public static FeatureTable read(Path csv, String runColumn, List<String> columns) {
        try (CsvReader reader = CsvReader.open(csv)) {
            return read(reader, runColumn, columns);
        }
    }

    /** As {@link #read(Path, String, List)}, from {@code csv}; {@code source} names it in errors. */
    public static FeatureTable read(Reader csv, String source, String runColumn, List<String> columns) {
        try (CsvReader reader = new CsvReader(csv, source)) {
            return read(reader, runColumn, columns);
        }
    }

    /** The rows of {@code reader} (positioned after its header), as {@link #read(Path, String, List)} reads them. */
    static FeatureTable read(CsvReader reader, String runColumn, List<String> columns) {
        int runIndex = reader.columnIndex(runColumn);
        int[] index = columns.stream().mapToInt(reader::columnIndex).toArray();
        FeatureTable.Builder builder = FeatureTable.builder(columns);
        Map<Long, Long> lineByRun = new HashMap<>();
        while (reader.next()) {
            long run = run(reader, runIndex, runColumn);
            Long earlier = lineByRun.putIfAbsent(run, reader.line());
            if (earlier != null) {
                throw reader.error("run " + run + " repeats the row of line " + earlier);
            }
            double[] values = new double[index.length];
            for (int j = 0; j < index.length; j++) {
                values[j] = number(reader, index[j], columns.get(j));
            }
            builder.add(run, values);
        }
        return builder.build();
    }

    private static long run(CsvReader reader, int index, String column) {
        double v = number(reader, index, column);
        if (Double.isNaN(v) || v != Math.rint(v) || v < 1 || v > 1L << 53) {
            throw reader.error("column " + column + ": expected a run number (a positive integer), found \""
                    + CsvReader.excerpt(reader.field(index)) + "\"");
        }
        return (long) v;
    }

    private static double number(CsvReader reader, int index, String column) {
        String text = reader.field(index).trim();
        if (CsvReader.isMissing(text)) {
            return Double.NaN;
        }
        switch (text.toLowerCase(Locale.ROOT)) {
            case "true":
                return 1;
            case "false":
                return 0;
            default:
                break;
        }
        try {
            double v = Double.parseDouble(text);
            if (Double.isInfinite(v)) {
                throw reader.error("column " + column + ": not a finite number: \"" + CsvReader.excerpt(reader.field(index)) + "\"");
            }
            return v;
        } catch (NumberFormatException e) {
            throw reader.error("column " + column + ": not a number: \"" + CsvReader.excerpt(reader.field(index)) + "\"");
        }
    }

    /**
     * Writes {@code table} as CSV in the form {@link #read} reads back: a header of {@code runColumn}
     * and the column names, then one record per row in table order, a missing value as an empty
     * field, numbers in Java's locale-independent shortest form. {@code target} names the output in
     * errors; the caller closes {@code out}.
     */
    public static void write(FeatureTable table, Writer out, String target, String runColumn) {
        CsvWriter csv = new CsvWriter(out, target);
        csv.field(runColumn);
        table.columns().forEach(csv::field);
        csv.endRecord();
        for (int row = 0; row < table.size(); row++) {
            csv.number(table.run(row));
            for (int column = 0; column < table.dimensions(); column++) {
                csv.number(table.value(row, column));
            }
            csv.endRecord();
        }
        csv.flush();
    }
}
