package org.runops.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.runops.examples.Launcher.runops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code runops datalogger backfill --batch slurm} against the real single-node Slurm that {@code .ci/run}
 * starts (its jobs run on this machine and can start {@code java}): runs when {@code RUNOPS_TEST_SLURM=1},
 * skips otherwise.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DataloggerBackfillSlurmCliTest {
    @TempDir
    Path tmp;

    @Test
    void aTwoDayBackfillRunsAsASlurmArrayOfNannyDayJobsAndARerunSubmitsNothing() throws IOException {
        assumeTrue("1".equals(System.getenv("RUNOPS_TEST_SLURM")),
                "skipped: RUNOPS_TEST_SLURM is not 1 (.ci/run starts a single-node Slurm and sets it)");
        Path params = Files.writeString(tmp.resolve("list.txt"), "MLrn B:VIMIN\n");
        Path archive = tmp.resolve("archive");
        String[] args = {"datalogger", "backfill", "--from", "2024-03-01", "--to", "2024-03-02", "--backend", "simulated", "--paramfile",
            params.toString(), "--duration", "12h", "--outdir", archive.toString(), "--batch", "slurm", "--memory", "1024", "--submit", "--wait",
            "--poll", "1s", "--wait-timeout", "4m"};

        Launcher.Run r = runops(args);
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).containsPattern("submit command: \\(cd \\S+ && sbatch --parsable --array=0-1 ")
                .containsPattern("submitted 2 day jobs to slurm as \\d+")
                .containsPattern("2024-03-01\\s+2/2\\s+1\\s+slurm:\\d+_0\\s+SUCCEEDED\\s+job \\S+ COMPLETED \\(exit 0\\); all 2 expected files present")
                .containsPattern("2024-03-02\\s+2/2\\s+1\\s+slurm:\\d+_1\\s+SUCCEEDED");
        try (Stream<Path> s = Files.walk(archive.resolve("202403"))) {
            assertThat(s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted()).containsExactly(
                    "20240301T000000PT12H-1_0_0_SIMULATED.h5", "20240301T120000PT12H-1_0_0_SIMULATED.h5",
                    "20240302T000000PT12H-1_0_0_SIMULATED.h5", "20240302T120000PT12H-1_0_0_SIMULATED.h5");
        }

        Launcher.Run again = runops(args);
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).containsPattern("2024-03-02\\s+2/2\\s+ON_DISK").contains("nothing to submit");
    }
}
