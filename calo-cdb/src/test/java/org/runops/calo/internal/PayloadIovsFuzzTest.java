package org.runops.calo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Map;
import org.runops.calo.CaloException;
import org.runops.calo.PayloadRef;

/**
 * Any bytes a CDB server sends parse to complete payloads or a {@link CaloException} naming the source —
 * never a bare ClassCastException, NumberFormatException or NullPointerException. {@code ./mvnw verify}
 * runs the seeds in {@code src/test/resources/org/runops/calo/internal/PayloadIovsFuzzTestInputs/parse/}.
 * Longer runs:
 * <pre>
 * JAZZER_FUZZ=1 ./mvnw -pl calo-cdb test -Dtest='PayloadIovsFuzzTest' -Djazzer.max_duration=10m
 * </pre>
 */
class PayloadIovsFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void parse(byte[] data) {
        try {
            Map<String, PayloadRef> payloads = PayloadIovs.parse(data, "fuzz");
            assertThat(payloads).allSatisfy((type, ref) -> {
                assertThat(ref.payloadType()).isEqualTo(type).isNotEmpty();
                assertThat(ref.url()).isNotEmpty();
            });
        } catch (CaloException expected) {
            assertThat(expected.getMessage()).contains("fuzz");
        }
    }
}
