package org.runops.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Locale;
import org.runops.core.RunopsException;
import org.runops.core.csv.CsvReader;

/**
 * Checks a pulled runs table (CSV with a {@code run_number} column, or a JSON array of objects with a
 * {@code run_number} field) against the runs served: exactly {@code first..last}, each once. The answer is a
 * description ("20000 runs, 9.74 MB") or a failure naming the first problem; a variant whose output fails is not timed.
 */
final class PulledRuns {
    private static final JsonFactory JSON = new JsonFactory();

    private PulledRuns() {}

    /** The check of one output file; {@code failure} is null when it holds exactly the runs {@code first..last}. */
    record Result(String failure, String description) {
        boolean ok() {
            return failure == null;
        }
    }

    static Result check(Path file, String format, long first, long last) {
        BitSet seen = new BitSet();
        try {
            long rows = format.equals("json") ? json(file, first, last, seen) : csv(file, first, last, seen);
            long expected = last - first + 1;
            if (rows != expected || seen.cardinality() != expected) {
                return new Result(file.getFileName() + ": " + rows + " rows, " + seen.cardinality() + " distinct runs of "
                        + first + ".." + last + ", expected " + expected, null);
            }
            return new Result(null, String.format(Locale.ROOT, "%d runs, %.2f MB %s", rows, Files.size(file) / 1e6, format));
        } catch (IOException | RunopsException | IllegalStateException | NumberFormatException e) {
            return new Result(file.getFileName() + ": " + e.getMessage(), null);
        }
    }

    private static long csv(Path file, long first, long last, BitSet seen) {
        long rows = 0;
        try (CsvReader csv = CsvReader.open(file)) {
            int column = csv.columnIndex("run_number"); // an error naming the columns when absent
            while (csv.next()) {
                mark(Long.parseLong(csv.field(column).strip()), first, last, seen);
                rows++;
            }
        }
        return rows;
    }

    private static long json(Path file, long first, long last, BitSet seen) throws IOException {
        long rows = 0;
        try (JsonParser p = JSON.createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new IllegalStateException("expected a JSON array of runs");
            }
            while (p.nextToken() == JsonToken.START_OBJECT) {
                long run = -1;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    if (name.equals("run_number")) {
                        run = p.getValueAsLong(-1);
                    }
                    p.skipChildren();
                }
                if (run < 0) {
                    throw new IllegalStateException("row " + (rows + 1) + " has no numeric run_number");
                }
                mark(run, first, last, seen);
                rows++;
            }
            if (p.currentToken() != JsonToken.END_ARRAY || p.nextToken() != null) {
                throw new IllegalStateException("expected only objects in one JSON array, got " + p.currentToken());
            }
        }
        return rows;
    }

    private static void mark(long run, long first, long last, BitSet seen) {
        if (run < first || run > last) {
            throw new IllegalStateException("run " + run + " is outside " + first + ".." + last);
        }
        seen.set((int) (run - first));
    }
}
