package org.runops.calo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.runops.calo.CaloException;

/**
 * Any bytes a CDB server sends for {@code globalTags} give names or a {@link CaloException} naming the source.
 * Seeds: {@code src/test/resources/org/runops/calo/internal/GlobalTagNamesFuzzTestInputs/parse/}. Longer runs:
 * <pre>
 * JAZZER_FUZZ=1 ./mvnw -pl calo-cdb test -Dtest='GlobalTagNamesFuzzTest' -Djazzer.max_duration=10m
 * </pre>
 */
class GlobalTagNamesFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void parse(byte[] data) {
        try {
            assertThat(GlobalTagNames.parse(data, "fuzz")).doesNotContainNull();
        } catch (CaloException expected) {
            assertThat(expected.getMessage()).contains("fuzz");
        }
    }
}
