package org.runops.datalogger.internal;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.runops.core.RegularFiles;
import org.runops.core.csv.CsvFormatException;
import org.runops.core.csv.CsvReader;
import org.runops.core.csv.CsvWriter;
import org.runops.datalogger.DataFileHeader;
import org.runops.datalogger.DataFileReader;
import org.runops.datalogger.DataFiles;
import org.runops.datalogger.DataLoggerException;
import org.runops.datalogger.SampleBlockConsumer;
import org.runops.datalogger.StoredSeries;

/**
 * runops' CSV data files: {@code # name=value} file attributes, {@code # series KEY name=value} series
 * attributes, then {@code key,utc_seconds,value} rows (see {@link DataFiles}). Keys never hold spaces
 * (device names, DRF strings, {@code Event0c}), so a series line splits at its first two spaces.
 */
public final class CsvDataFiles {
    static final String COMMENT = "# ";
    static final String SERIES = "series ";
    static final List<String> HEADER = List.of("key", "utc_seconds", "value");

    private CsvDataFiles() {}

    public static void write(Path tmp, DataFileHeader header, List<StoredSeries> series) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            out.write("# runops DataLogger data file; columns: key, utc_seconds (UTC epoch seconds), value\n");
            for (Map.Entry<String, String> a : header.attributes().entrySet()) {
                out.write(COMMENT + a.getKey() + "=" + oneLine(a.getValue()) + "\n");
            }
            for (StoredSeries s : series) {
                Map<String, String> attrs = new LinkedHashMap<>(s.attributes());
                attrs.put(DataFiles.ATTR_SAMPLES, Integer.toString(s.size()));
                for (Map.Entry<String, String> a : attrs.entrySet()) {
                    out.write(COMMENT + SERIES + s.key() + " " + a.getKey() + "=" + oneLine(a.getValue()) + "\n");
                }
            }
            CsvWriter csv = new CsvWriter(out, tmp.toString());
            HEADER.forEach(csv::field);
            csv.endRecord();
            for (StoredSeries s : series) {
                for (int i = 0; i < s.size(); i++) {
                    csv.field(s.key()).field(plain(s.utcSeconds()[i])).number(s.values()[i]).endRecord();
                }
            }
        }
    }

    /** Epoch seconds as a plain decimal ({@code 1583816400.048}, not {@code 1.583816400048E9}), still exact. */
    private static String plain(double seconds) {
        return Double.isFinite(seconds) ? new BigDecimal(Double.toString(seconds)).toPlainString() : "";
    }

    private static String oneLine(String value) {
        return value.replace('\n', ' ').replace('\r', ' ');
    }

    public static DataFileReader open(Path file) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Map<String, Map<String, String>> seriesAttributes = new LinkedHashMap<>();
        try (BufferedReader in = RegularFiles.newBufferedReader(file)) {
            int lineNo = 0;
            for (String line = in.readLine(); line != null && line.startsWith("#"); line = in.readLine()) {
                lineNo++;
                if (!line.startsWith(COMMENT) || !line.contains("=")) {
                    continue; // free text, like the first line
                }
                String body = line.substring(COMMENT.length());
                if (body.startsWith(SERIES)) {
                    String[] parts = body.substring(SERIES.length()).split(" ", 2);
                    if (parts.length < 2 || !parts[1].contains("=")) {
                        throw new DataLoggerException(file + ":" + lineNo + ": expected '# series KEY name=value', found: " + CsvReader.excerpt(line));
                    }
                    String[] nv = parts[1].split("=", 2);
                    seriesAttributes.computeIfAbsent(parts[0], k -> new LinkedHashMap<>()).put(nv[0], nv[1]);
                } else {
                    String[] nv = body.split("=", 2);
                    attributes.put(nv[0], nv[1]);
                }
            }
        } catch (IOException e) {
            throw new DataLoggerException("cannot read CSV data file " + file + ": " + RegularFiles.reason(e), e);
        }
        Set<String> keys = new LinkedHashSet<>(seriesAttributes.keySet());
        if (keys.isEmpty()) { // written by hand or by another tool: find the keys in one pass
            Rows.forEach(file, csv -> keys.add(csv.field(0)));
        }
        return new Reader(file, List.copyOf(keys), Map.copyOf(attributes), seriesAttributes);
    }

    /** Rows after the {@code #} lines, checked against the header. */
    private static final class Rows {
        interface RowConsumer {
            void accept(String key, double utcSeconds, double value);
        }

        static void scan(Path file, RowConsumer consumer) {
            forEach(file, csv -> consumer.accept(csv.field(0), number(csv, 1), number(csv, 2)));
        }

        static void forEach(Path file, java.util.function.Consumer<CsvReader> consumer) {
            try (BufferedReader in = RegularFiles.newBufferedReader(file)) {
                in.mark(1 << 16);
                for (String line = in.readLine(); line != null && line.startsWith("#"); line = in.readLine()) {
                    in.mark(1 << 16);
                }
                in.reset();
                try (CsvReader csv = new CsvReader(in, file.toString())) {
                    if (!csv.header().equals(HEADER)) {
                        throw new DataLoggerException(file + ": expected the CSV header " + String.join(",", HEADER)
                                + ", found " + String.join(",", csv.header()));
                    }
                    while (csv.next()) {
                        consumer.accept(csv);
                    }
                }
            } catch (IOException e) {
                throw new DataLoggerException("cannot read CSV data file " + file + ": " + RegularFiles.reason(e), e);
            } catch (CsvFormatException | UncheckedIOException e) {
                throw new DataLoggerException("damaged CSV data file " + e.getMessage(), e);
            }
        }

        private static double number(CsvReader csv, int i) {
            String text = csv.field(i);
            if (CsvReader.isMissing(text)) {
                return Double.NaN;
            }
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new DataLoggerException(csv.source() + ":" + csv.line() + ": " + HEADER.get(i) + " is not a number: " + CsvReader.excerpt(text));
            }
        }
    }

    private record Reader(Path path, List<String> keys, Map<String, String> attributes,
            Map<String, Map<String, String>> seriesAttributes) implements DataFileReader {

        @Override
        public Map<String, String> keyAttributes(String key) {
            requireKey(key);
            return Map.copyOf(seriesAttributes.getOrDefault(key, Map.of()));
        }

        @Override
        public void scan(String key, SampleBlockConsumer consumer) {
            requireKey(key);
            double[] times = new double[DataFiles.BLOCK_SIZE];
            double[] values = new double[DataFiles.BLOCK_SIZE];
            int[] n = {0};
            Rows.scan(path, (k, t, v) -> {
                if (k.equals(key)) {
                    times[n[0]] = t;
                    values[n[0]++] = v;
                    if (n[0] == times.length) {
                        consumer.accept(times, values, n[0]);
                        n[0] = 0;
                    }
                }
            });
            if (n[0] > 0) {
                consumer.accept(times, values, n[0]);
            }
        }

        private void requireKey(String key) {
            if (!keys.contains(key)) {
                throw new DataLoggerException("no series \"" + key + "\" in " + path + "; it has " + RunopsHdf5Reader.keysForMessage(keys));
            }
        }

        @Override
        public void close() {
            // every scan opens and closes the file itself
        }
    }
}
