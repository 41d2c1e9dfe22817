package org.runops.core.exec.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.runops.core.exec.CommandTemplate;
import org.runops.core.exec.batch.BatchJobState.Status;
import org.runops.core.exec.batch.internal.SlurmBatchSystem;

/**
 * {@link BatchSystem#slurm} against the real single-node Slurm that {@code .ci/run} starts: runs when
 * {@code RUNOPS_TEST_SLURM=1}, skips otherwise.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SlurmBatchSystemTest {
    @TempDir
    Path dir;
    BatchSystem slurm;

    @BeforeEach
    void requireSlurm() {
        assumeTrue("1".equals(System.getenv("RUNOPS_TEST_SLURM")),
                "skipped: RUNOPS_TEST_SLURM is not 1 (.ci/run starts a single-node Slurm and sets it)");
        slurm = BatchSystem.slurm(BatchTools.onPath().withTimeout(Duration.ofSeconds(30)));
    }

    /** A stand-in map job: writes {@code <out>/<input>.done}, says so on stdout; input {@code bad} exits 3 instead. */
    private Path standIn() throws IOException {
        Path out = Files.createDirectories(dir.resolve("output"));
        Path p = dir.resolve("standin.sh");
        Files.writeString(p, "#!/bin/sh\n"
                + "if [ \"$1\" = bad ]; then echo \"cannot read $1\" >&2; exit 3; fi\n"
                + "echo \"made $1 in $(pwd)\" > " + out + "/\"$1\".done\n"
                + "echo \"done $1\"\n", StandardCharsets.UTF_8);
        return p;
    }

    private BatchSubmission submission(String name, String command, List<String> inputs) {
        return new BatchSubmission(name, CommandTemplate.parse(command), inputs, dir.resolve("logs"), dir.resolve("work"),
                64, Map.of());
    }

    /** Polls until every task is final; the class timeout bounds the wait (a task takes about 3 s here). */
    private List<BatchJobState> awaitFinal(BatchSubmitted s) throws InterruptedException {
        while (true) {
            List<BatchJobState> states = slurm.states(s);
            if (states.stream().allMatch(st -> st.status().isFinal())) {
                return states;
            }
            Thread.sleep(500);
        }
    }

    @Test
    void anArrayOfStandInJobsEndsWithItsExitCodesAndOutputs() throws Exception {
        BatchSubmission s = submission("maps", "sh " + standIn() + " {input}", List.of("66457", "bad", "66458"));
        BatchSubmitted submitted = slurm.submit(s);

        assertThat(submitted.system()).isEqualTo("slurm");
        assertThat(submitted.jobIds()).containsExactly(submitted.clusterId() + "_0", submitted.clusterId() + "_1",
                submitted.clusterId() + "_2");
        List<BatchJobState> states = awaitFinal(submitted);

        assertThat(states).extracting(BatchJobState::status).containsExactly(Status.COMPLETED, Status.FAILED, Status.COMPLETED);
        assertThat(states.get(0).exitCode()).isEqualTo(OptionalInt.of(0));
        assertThat(states.get(1).exitCode()).isEqualTo(OptionalInt.of(3));
        assertThat(Files.readString(s.stdoutOf(submitted.jobIds().get(0)))).isEqualTo("done 66457\n");
        assertThat(Files.readString(s.stdoutOf(submitted.jobIds().get(2)))).isEqualTo("done 66458\n");
        assertThat(Files.readString(s.stderrOf(submitted.jobIds().get(1)))).contains("cannot read bad");
        assertThat(Files.readString(dir.resolve("output/66457.done"))).isEqualTo("made 66457 in " + s.workDirectory().toAbsolutePath() + "\n");
    }

    @Test
    void aCancelledArrayIsReportedCancelled() throws Exception {
        Path started = dir.resolve("started");
        Path script = dir.resolve("sleepy.sh");
        Files.writeString(script, "#!/bin/sh\ntouch " + started + ".$1\nsleep 300\n");
        BatchSubmitted submitted = slurm.submit(submission("sleepy", "sh " + script + " {input}", List.of("1", "2")));
        while (!Files.exists(Path.of(started + ".1")) && !Files.exists(Path.of(started + ".2"))) {
            Thread.sleep(200);
        }
        assertThat(slurm.states(submitted)).extracting(BatchJobState::status).contains(Status.RUNNING);

        Process scancel = new ProcessBuilder("scancel", submitted.clusterId()).inheritIO().start();
        assertThat(scancel.waitFor(30, TimeUnit.SECONDS)).isTrue();
        List<BatchJobState> states = awaitFinal(submitted);

        assertThat(states).extracting(BatchJobState::status).containsOnly(Status.CANCELLED);
    }

    @Test
    void prepareWritesTheWrapperAndTheListAndTheCommandSubmitsThemAsIs() throws Exception {
        BatchSubmission s = submission("maps", "sh " + standIn() + " {input}", List.of("66457", "66458"));
        PreparedSubmission p = slurm.prepare(s);

        assertThat(p.files()).containsExactly(s.jobsList(), s.workDirectory().resolve("maps.sbatch"));
        assertThat(Files.readString(s.jobsList())).isEqualTo("66457\n66458\n");
        assertThat(p.command()).startsWith("sbatch", "--parsable", "--array=0-1", "--job-name=maps").endsWith("maps.sbatch");

        // a dry run changes nothing in Slurm; submitting later what was prepared runs exactly that
        BatchSubmitted submitted = slurm.submit(p);
        List<BatchJobState> states = awaitFinal(submitted);
        assertThat(states).extracting(BatchJobState::status).containsOnly(Status.COMPLETED);
    }

    @Test
    void aResubmissionKeepsTheLogsOfTheEarlierAttempt() throws Exception {
        BatchSubmission s = submission("again", "sh " + standIn() + " {input}", List.of("66457"));
        BatchSubmitted first = slurm.submit(s);
        awaitFinal(first);
        BatchSubmitted second = slurm.submit(s);
        awaitFinal(second);

        assertThat(s.stdoutOf(first.jobIds().get(0))).isNotEqualTo(s.stdoutOf(second.jobIds().get(0)))
                .hasFileName("again." + first.clusterId() + "_0.out");
        assertThat(Files.readString(s.stdoutOf(first.jobIds().get(0)))).isEqualTo("done 66457\n");
        assertThat(Files.readString(s.stdoutOf(second.jobIds().get(0)))).isEqualTo("done 66457\n");
    }

    /** sbatch refuses an array larger than MaxArraySize; it is refused before anything is written or submitted. */
    @Test
    void moreInputsThanMaxArraySizeAreRefusedBeforeAnythingIsWritten() throws Exception {
        BatchSystem small = new SlurmBatchSystem(BatchTools.onPath().withTimeout(Duration.ofSeconds(30)),
                OptionalInt.empty(), OptionalInt.of(2));
        BatchSubmission s = submission("big", "sh " + standIn() + " {input}", List.of("1", "2", "3", "4", "5"));

        assertThatThrownBy(() -> small.submit(s)).isInstanceOf(BatchException.class)
                .hasMessageContaining("'big' has 5 inputs").hasMessageContaining("MaxArraySize = 2");
        assertThat(s.jobsList()).doesNotExist();
        assertThat(small.prepare(submission("fits", "sh " + standIn() + " {input}", List.of("1", "2"))).command())
                .contains("--array=0-1");
    }

    @Test
    void aTaskWhoseLineIsMissingFailsWithTheWrappersReason() throws Exception {
        BatchSubmission s = submission("short", "sh " + standIn() + " {input}", List.of("66457", "66458"));
        PreparedSubmission p = slurm.prepare(s);
        Files.writeString(s.jobsList(), "66457\n"); // the list lost a line after prepare

        BatchSubmitted submitted = slurm.submit(p);
        List<BatchJobState> states = awaitFinal(submitted);

        assertThat(states.get(0).status()).isEqualTo(Status.COMPLETED);
        assertThat(states.get(1).status()).isEqualTo(Status.FAILED);
        assertThat(states.get(1).exitCode()).isEqualTo(OptionalInt.of(2));
        assertThat(Files.readString(s.stderrOf(submitted.jobIds().get(1)))).contains("has no line 2");
    }

    @Test
    void sbatchRefusingTheSubmissionIsABatchExceptionWithItsErrorLine() throws Exception {
        BatchSubmission s = new BatchSubmission("nowhere", CommandTemplate.parse("sh " + standIn() + " {input}"),
                List.of("1"), dir.resolve("logs"), dir.resolve("work"), 64, Map.of("--partition", "nosuchpartition"));
        assertThatThrownBy(() -> slurm.submit(s)).isInstanceOf(BatchException.class)
                .hasMessageContaining("--partition=nosuchpartition")
                .hasMessageContaining("in " + dir.resolve("work"))
                .hasMessageContaining("sbatch: error:");
    }

    @Test
    void aJobSlurmNeverHadIsUnknown() {
        BatchSubmitted never = new BatchSubmitted("slurm", "999999", List.of("999999_0", "999999_1"));
        assertThat(slurm.states(never)).allSatisfy(st -> {
            assertThat(st.status()).isEqualTo(Status.UNKNOWN);
            assertThat(st.detail()).contains("squeue and scontrol no longer know it");
        });
    }
}
