package org.runops.datalogger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Instant;
import java.util.function.Supplier;
import org.runops.datalogger.DataLoggerClient;
import org.runops.datalogger.DataLoggerException;
import org.runops.datalogger.DeviceName;
import org.runops.datalogger.DeviceRequest;
import org.runops.datalogger.TimeSeries;
import org.runops.datalogger.TimeWindow;

/**
 * Any bytes read as an ACL answer ({@code logger_get}, {@code event_log}, {@code tlg_info}, {@code read})
 * give a result or a {@link DataLoggerException}, never another exception.
 *
 * <p>{@code ./mvnw verify} runs the seeds in {@code src/test/resources/org/runops/datalogger/internal/AclParserFuzzTestInputs/answer/}.
 * A longer run: {@code JAZZER_FUZZ=1 ./mvnw -pl datalogger test -Dtest='AclParserFuzzTest#answer' -Djazzer.max_duration=10m}
 */
class AclParserFuzzTest {
    private static final DeviceRequest DEVICE = DeviceRequest.of("MLrn", "B:VIMIN");
    private static final TimeWindow WINDOW = new TimeWindow(Instant.parse("2020-03-10T05:00:00Z"), Instant.parse("2020-03-11T05:00:00Z"));

    @FuzzTest(maxDuration = "60s")
    void answer(byte[] data) {
        parsed(() -> {
            TimeSeries s = AclParser.series(data, "fuzz", DEVICE, WINDOW, DataLoggerClient.FERMILAB_ZONE);
            assertThat(s.utcSecondsArray()).hasSameSizeAs(s.valuesArray());
            return s;
        });
        parsed(() -> AclParser.events(data, "fuzz", 0x0c, DataLoggerClient.FERMILAB_ZONE));
        parsed(() -> AclParser.timeline(data, "fuzz"));
        parsed(() -> AclParser.scalar(data, "fuzz", DeviceName.of("G:SCTIME")));
    }

    private static void parsed(Supplier<Object> parse) {
        try {
            assertThat(parse.get()).isNotNull();
        } catch (DataLoggerException expected) {
            assertThat(expected.getMessage()).contains("fuzz");
        }
    }
}
