package org.runops.core.exec.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.runops.core.exec.batch.BatchJobState.Status;

/**
 * What {@link BatchSystem#slurm} reports once the controller has forgotten an array (MinJobAge after it
 * ended, too long to wait for in a test): stand-in squeue, scontrol and sacct print what Slurm 22.05 printed
 * here for a forgotten job, with and without an accounting database.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SlurmForgottenJobsTest {
    @TempDir
    Path dir;

    /** squeue and scontrol no longer know any job; sacct answers as {@code sacct} says. */
    private BatchSystem slurmWhere(String sacct) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        String forgotten = "#!/bin/sh\necho 'slurm_load_jobs error: Invalid job id specified' >&2\nexit 1\n";
        tool(bin, "squeue", forgotten);
        tool(bin, "scontrol", forgotten);
        tool(bin, "sacct", "#!/bin/sh\necho \"$@\" >> " + dir.resolve("sacct.calls") + "\n" + sacct);
        return BatchSystem.slurm(BatchTools.onPath().inDirectory(bin).withTimeout(Duration.ofSeconds(20)));
    }

    private static void tool(Path bin, String name, String body) throws IOException {
        Path p = bin.resolve(name);
        Files.writeString(p, body, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static final String NO_DBD = """
            if [ "$1" != -c ]; then echo 'Slurm accounting storage is disabled' >&2; exit 1; fi
            echo 'sacct: error: Unknown type ArrayJobId: 3' >&2
            echo 'sacct: error: Unknown type ArrayTaskId: 0' >&2
            printf '2|COMPLETED|0:0\\n1|FAILED|1:0\\n5|FAILED|3:0\\n4|COMPLETED|0:0\\n3|COMPLETED|0:0\\n'
            """;

    @Test
    void withAccountingSacctNamesEachTask() throws Exception {
        BatchSystem slurm = slurmWhere("printf '12_0|COMPLETED|0:0\\n12_0.batch|COMPLETED|0:0\\n12_1|FAILED|3:0\\n'\n");
        List<BatchJobState> states = slurm.states(new BatchSubmitted("slurm", "12", List.of("12_0", "12_1", "12_2")));

        assertThat(states).extracting(BatchJobState::status).containsExactly(Status.COMPLETED, Status.FAILED, Status.UNKNOWN);
        assertThat(states.get(1).exitCode()).isEqualTo(OptionalInt.of(3));
        assertThat(states.get(2).detail()).contains("sacct has no record of it");
        assertThat(Files.readString(dir.resolve("sacct.calls"))).isEqualTo("-j 12 -P -n --format=JobID,State,ExitCode\n");
    }

    @Test
    void withoutAccountingOnlyAOneTaskArrayCanBeReadFromTheCompletionFile() throws Exception {
        BatchSystem slurm = slurmWhere(NO_DBD);

        assertThat(slurm.states(new BatchSubmitted("slurm", "1", List.of("1_0"))))
                .containsExactly(new BatchJobState("1_0", Status.FAILED, OptionalInt.of(1), "FAILED, exit code 1"));
        List<BatchJobState> array = slurm.states(new BatchSubmitted("slurm", "3", List.of("3_0", "3_1", "3_2")));
        assertThat(array).extracting(BatchJobState::status).containsOnly(Status.UNKNOWN);
        assertThat(array.get(0).detail()).contains("sacct -c cannot tell array tasks apart");
        assertThat(Files.readAllLines(dir.resolve("sacct.calls"))).contains("-c -j 3 -P -n --format=JobID,State,ExitCode");
    }

    @Test
    void aControllerThatDoesNotAnswerIsAnErrorNotAnUnknownJob() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        tool(bin, "squeue", "#!/bin/sh\necho 'squeue: error: Unable to contact slurm controller (connect failure)' >&2\nexit 1\n");
        BatchSystem slurm = BatchSystem.slurm(BatchTools.onPath().inDirectory(bin));
        assertThatThrownBy(() -> slurm.states(new BatchSubmitted("slurm", "12", List.of("12_0"))))
                .isInstanceOf(BatchException.class).hasMessageContaining("Unable to contact slurm controller")
                .hasMessageContaining("squeue -h -j 12 -r -o '%i|%T|%r'");
    }
}
