package org.runops.certhelper;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.runops.core.RunopsException;
import org.runops.core.refrun.RunReferencePair;

/**
 * Any bytes from the network parse to complete rows or a {@link RunopsException} naming the source —
 * never a bare NumberFormatException or NullPointerException. {@code ./mvnw verify} runs the seeds in
 * {@code src/test/resources/org/runops/certhelper/CertHelperHistoryFuzzTestInputs/parse/}. Longer runs:
 * <pre>
 * JAZZER_FUZZ=1 ./mvnw -pl certhelper-client test -Dtest='CertHelperHistoryFuzzTest' -Djazzer.max_duration=10m
 * </pre>
 */
class CertHelperHistoryFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void parse(byte[] data) {
        try {
            List<RunReferencePair> pairs = CertHelperHistory.parse(new ByteArrayInputStream(data), "fuzz");
            assertThat(pairs).allSatisfy(p -> assertThat(p.run()).isPositive());
        } catch (RunopsException expected) {
            assertThat(expected.getMessage()).contains("fuzz");
        }
    }
}
