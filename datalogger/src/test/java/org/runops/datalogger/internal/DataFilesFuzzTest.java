package org.runops.datalogger.internal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.runops.datalogger.DataFileReader;
import org.runops.datalogger.DataFiles;
import org.runops.datalogger.DataLoggerException;

/**
 * Any bytes opened as a data file give a reader whose every series scans, or a {@link DataLoggerException}
 * naming the file — never another exception; any text parsed as PyTables' pickled column names gives
 * names or "not a name list".
 *
 * <p>{@code ./mvnw verify} runs the seeds in {@code src/test/resources/org/runops/datalogger/internal/DataFilesFuzzTestInputs/}.
 * A longer run: {@code JAZZER_FUZZ=1 ./mvnw -pl datalogger test -Dtest='DataFilesFuzzTest#open' -Djazzer.max_duration=10m}
 */
class DataFilesFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void open(byte[] data) throws IOException {
        Path file = Files.createTempFile("runops-fuzz-", ".h5");
        try {
            Files.write(file, data);
            try (DataFileReader r = DataFiles.open(file)) {
                for (String key : r.keys()) {
                    r.keyAttributes(key);
                    r.scan(key, (t, v, n) -> {});
                }
            } catch (DataLoggerException expected) {
                // damaged or foreign, named
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void pickledNames(byte[] data) {
        PickledNames.parse(new String(data, StandardCharsets.ISO_8859_1));
    }
}
