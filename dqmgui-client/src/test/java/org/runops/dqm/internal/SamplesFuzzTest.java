package org.runops.dqm.internal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.runops.dqm.DqmException;

/**
 * Any bytes read as a samples answer or a session tuple give samples or a {@link DqmException}, never another
 * exception. Seeds (from the spec) in {@code src/test/resources/org/runops/dqm/internal/SamplesFuzzTestInputs/}.
 * A longer run: {@code JAZZER_FUZZ=1 ./mvnw -pl dqmgui-client test -Dtest='SamplesFuzzTest#session' -Djazzer.max_duration=10m}
 */
class SamplesFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void samples(byte[] data) {
        try {
            SamplesParser.samples(data, 321012, "fuzz");
        } catch (DqmException expected) {
            // named
        }
    }

    @FuzzTest(maxDuration = "30s")
    void session(byte[] data) {
        try {
            SamplesParser.session(data, 321012, "fuzz");
        } catch (DqmException expected) {
            // named
        }
        SamplesParser.sessionPath(new String(data, java.nio.charset.StandardCharsets.UTF_8));
    }
}
