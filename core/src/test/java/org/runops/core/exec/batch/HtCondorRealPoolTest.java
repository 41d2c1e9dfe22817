package org.runops.core.exec.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.runops.core.exec.CommandTemplate;
import org.runops.core.exec.batch.BatchJobState.Status;

/**
 * {@link BatchSystem#htcondor} against a real pool: runs only where a real {@code condor_submit} is on the
 * {@code PATH} (never on the project's CI, where HTCondor cannot be installed) and the pool runs vanilla
 * jobs within the class timeout.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class HtCondorRealPoolTest {
    @TempDir
    Path dir;

    @Test
    void anArrayOfTwoJobsEndsWithTheirExitCodesAndOutputs() throws Exception {
        assumeTrue(onPath("condor_submit"), "skipped: no condor_submit on the PATH (no HTCondor pool here)");
        Path script = dir.resolve("job.sh");
        Files.writeString(script, "#!/bin/sh\necho \"input $1\"\n[ \"$1\" = bad ] && exit 3\nexit 0\n");
        script.toFile().setExecutable(true);
        BatchSubmission s = new BatchSubmission("realpool", CommandTemplate.parse(script + " {input}"),
                List.of("good", "bad"), dir.resolve("logs"), dir.resolve("work"), 128, Map.of());
        try (BatchSystem batch = BatchSystem.htcondor(BatchTools.onPath())) {
            BatchSubmitted submitted = batch.submit(s);
            List<BatchJobState> states = batch.states(submitted);
            while (!states.stream().allMatch(st -> st.status().isFinal())) {
                Thread.sleep(5000);
                states = batch.states(submitted);
            }
            assertThat(states).extracting(BatchJobState::status).containsExactly(Status.COMPLETED, Status.FAILED);
            assertThat(states.get(1).exitCode()).hasValue(3);
            assertThat(Files.readString(s.stdoutOf(submitted.jobIds().get(0)))).contains("input good");
        }
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(File.pathSeparator)).anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }
}
