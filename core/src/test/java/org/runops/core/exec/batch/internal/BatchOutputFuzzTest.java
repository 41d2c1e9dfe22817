package org.runops.core.exec.batch.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.runops.core.exec.batch.BatchException;
import org.runops.core.exec.batch.BatchJobState;

/**
 * Whatever the batch tools print, reading it gives states of the submission's own jobs or a {@link
 * BatchException} (naming the command, or the job whose state word is unknown), never another exception or an unbounded allocation. {@code ./mvnw verify} runs the seeds
 * in {@code src/test/resources/org/runops/core/exec/batch/internal/BatchOutputFuzzTestInputs/}. Longer runs:
 * <pre>
 * JAZZER_FUZZ=1 ./mvnw -pl core test -Dtest='BatchOutputFuzzTest' -Djazzer.max_duration=10m
 * </pre>
 */
class BatchOutputFuzzTest {
    private static final SlurmOutput.Array ARRAY = new SlurmOutput.Array("12", 4);

    @FuzzTest(maxDuration = "60s")
    void condorJobAds(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        try {
            Map<String, BatchJobState> states = HtCondorOutput.jobStates(
                    new ToolRunner.Output(List.of("condor_q", "-json", "12"), Path.of("/tmp"), 0, text, ""));
            assertThat(states).allSatisfy((id, st) -> {
                assertThat(id).matches("-?\\d+\\.-?\\d+");
                assertThat(st.jobId()).isEqualTo(id);
            });
        } catch (BatchException expected) {
            assertThat(expected.getMessage()).contains("condor_q -json 12");
        }
    }

    @FuzzTest(maxDuration = "60s")
    void slurmListings(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        List<Supplier<Map<String, BatchJobState>>> readers = List.of(() -> SlurmOutput.squeue(text, ARRAY),
                () -> SlurmOutput.scontrol(text, ARRAY), () -> SlurmOutput.sacct(text, ARRAY),
                () -> SlurmOutput.sacctCompletions(text, new SlurmOutput.Array("12", 1)));
        for (var reader : readers) {
            try {
                assertThat(reader.get().keySet()).allSatisfy(id -> assertThat(id).isIn("12_0", "12_1", "12_2", "12_3"));
            } catch (BatchException expected) { // a state word Slurm does not print
                assertThat(expected.getMessage()).contains("Slurm job 12_");
            }
        }
    }
}
