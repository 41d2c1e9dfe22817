package org.runops.core.exec.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.runops.core.exec.CommandTemplate;
import org.runops.core.exec.batch.BatchJobState.Status;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LocalBatchSystemTest {
    @TempDir
    Path dir;

    private Path script(String name, String body) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n", StandardCharsets.UTF_8);
        return p;
    }

    private BatchSubmission submission(String name, String command, List<String> inputs) {
        return new BatchSubmission(name, CommandTemplate.parse(command), inputs, dir.resolve("logs"), 512, Map.of());
    }

    /** Polls until every job is final; the class @Timeout bounds the wait. */
    private static List<BatchJobState> awaitFinal(BatchSystem batch, BatchSubmitted s) throws InterruptedException {
        while (true) {
            List<BatchJobState> states = batch.states(s);
            if (states.stream().allMatch(st -> st.status().isFinal())) {
                return states;
            }
            Thread.sleep(20);
        }
    }

    @Test
    void runsOneJobPerInputWithTheInputSubstitutedAndLogsPerJob() throws Exception {
        Path echo = script("echo.sh", "echo \"out $1\"; echo \"err $1\" >&2");
        try (BatchSystem batch = BatchSystem.local(2)) {
            BatchSubmission sub = submission("genStatus", "sh " + echo + " {input}", List.of("a.list", "b.list", "c.list"));
            BatchSubmitted s = batch.submit(sub);

            assertThat(s.system()).isEqualTo("local");
            assertThat(s.jobIds()).hasSize(3).doesNotHaveDuplicates();
            List<BatchJobState> states = awaitFinal(batch, s);
            assertThat(states).extracting(BatchJobState::jobId).isEqualTo(s.jobIds());
            assertThat(states).allSatisfy(st -> {
                assertThat(st.status()).isEqualTo(Status.COMPLETED);
                assertThat(st.exitCode()).hasValue(0);
            });
            for (int i = 0; i < 3; i++) {
                String input = sub.inputs().get(i);
                String log = "logs/genStatus." + s.clusterId() + "." + i;
                assertThat(sub.stdoutOf(s.jobIds().get(i))).isEqualTo(dir.resolve(log + ".out"));
                assertThat(Files.readString(dir.resolve(log + ".out"))).contains("out " + input);
                assertThat(Files.readString(dir.resolve(log + ".err"))).isEqualTo("err " + input + "\n");
            }
        }
    }

    @Test
    void prepareWritesTheInputListIntoTheWorkDirectoryAndSubmitsNothing() throws Exception {
        Path marker = dir.resolve("ran");
        Path work = dir.resolve("work");
        BatchSubmission sub = new BatchSubmission("genStatus", CommandTemplate.parse("touch " + marker + ".{input}"),
                List.of("66457_new_newcdbtag_v008.list", "66458_new_newcdbtag_v008.list"), dir.resolve("logs"), work,
                512, Map.of());
        try (BatchSystem batch = BatchSystem.local(1)) {
            PreparedSubmission prepared = batch.prepare(sub);

            assertThat(prepared.files()).containsExactly(work.resolve("jobs.list"));
            assertThat(Files.readString(work.resolve("jobs.list")))
                    .isEqualTo("66457_new_newcdbtag_v008.list\n66458_new_newcdbtag_v008.list\n");
            assertThat(prepared.command()).isEmpty();
            assertThat(Files.isDirectory(dir.resolve("logs"))).isTrue();
            assertThat(dir).isDirectoryNotContaining(p -> p.getFileName().toString().startsWith("ran"));

            List<BatchJobState> states = awaitFinal(batch, batch.submit(prepared));
            assertThat(states).extracting(BatchJobState::status).containsOnly(Status.COMPLETED);
            assertThat(dir.resolve("ran.66457_new_newcdbtag_v008.list")).exists();
        }
    }

    @Test
    void aSubmissionWithoutAWorkDirectoryWritesItsFilesBesideTheLogs() {
        BatchSubmission sub = submission("x", "true {input}", List.of("1"));
        assertThat(sub.workDirectory()).isEqualTo(sub.logDirectory());
        assertThat(sub.jobsList()).isEqualTo(dir.resolve("logs/jobs.list"));
    }

    @Test
    void theCommandLineQuotesWordsAShellWouldSplit() {
        PreparedSubmission p = new PreparedSubmission(submission("x", "true {input}", List.of("1")),
                List.of(dir.resolve("jobs.list")),
                List.of("condor_submit", "x.sub", "-queue", "input_run from jobs.list", "it's"));
        assertThat(p.commandLine()).isEqualTo("condor_submit x.sub -queue 'input_run from jobs.list' 'it'\\''s'");
    }

    @Test
    void neverRunsMoreThanParallelismJobsAtOnce() throws Exception {
        Path marks = Files.createDirectory(dir.resolve("marks"));
        // each job marks itself running, counts the running marks, works a little, unmarks itself
        Path job = script("count.sh", "touch " + marks + "/run.$1; ls " + marks + " | grep -c '^run\\.' > " + marks
                + "/count.$1; sleep 0.1; rm " + marks + "/run.$1");
        List<String> inputs = List.of("1", "2", "3", "4", "5", "6", "7", "8");
        try (BatchSystem batch = BatchSystem.local(2)) {
            BatchSubmitted s = batch.submit(submission("count", "sh " + job + " {input}", inputs));
            assertThat(awaitFinal(batch, s)).extracting(BatchJobState::status).containsOnly(Status.COMPLETED);
        }
        for (String input : inputs) {
            int running = Integer.parseInt(Files.readString(marks.resolve("count." + input)).trim());
            assertThat(running).as("jobs running when job %s started", input).isBetween(1, 2);
        }
    }

    @Test
    void aJobExitingNonZeroFailsWithItsExitCode() throws Exception {
        Path job = script("fail.sh", "if [ \"$1\" = bad ]; then echo broken >&2; exit 3; fi");
        try (BatchSystem batch = BatchSystem.local(1)) {
            BatchSubmitted s = batch.submit(submission("mixed", "sh " + job + " {input}", List.of("good", "bad")));
            List<BatchJobState> states = awaitFinal(batch, s);
            assertThat(states.get(0).status()).isEqualTo(Status.COMPLETED);
            assertThat(states.get(1).status()).isEqualTo(Status.FAILED);
            assertThat(states.get(1).exitCode()).isEqualTo(OptionalInt.of(3));
            assertThat(Files.readString(dir.resolve("logs/mixed." + s.jobIds().get(1) + ".err"))).contains("broken");
        }
    }

    @Test
    void aCommandThatCannotStartFailsWithTheReason() throws Exception {
        Path missing = dir.resolve("no-such-program");
        try (BatchSystem batch = BatchSystem.local(1)) {
            BatchSubmitted s = batch.submit(submission("missing", missing + " {input}", List.of("x")));
            BatchJobState st = awaitFinal(batch, s).get(0);
            assertThat(st.status()).isEqualTo(Status.FAILED);
            assertThat(st.exitCode()).isEmpty();
            assertThat(st.detail()).contains("cannot start").contains(missing.toString());
        }
    }

    @Test
    void closeStopsARunningJobAndItsChildrenAndCancelsQueuedOnes() throws Exception {
        Path started = dir.resolve("started");
        Path job = script("sleep.sh", "echo $$ > " + dir + "/sh.pid; sleep 600 & echo $! > " + dir
                + "/sleep.pid; touch " + started + "; wait");
        BatchSystem batch = BatchSystem.local(1);
        BatchSubmitted s = batch.submit(submission("sleepy", "sh " + job + " {input}", List.of("1", "2")));
        while (!Files.exists(started)) {
            Thread.sleep(20);
        }
        batch.close();

        List<BatchJobState> states = batch.states(s);
        assertThat(states).extracting(BatchJobState::status).containsExactly(Status.CANCELLED, Status.CANCELLED);
        for (String pidFile : List.of("sh.pid", "sleep.pid")) {
            long pid = Long.parseLong(Files.readString(dir.resolve(pidFile)).trim());
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as(pidFile).isFalse();
        }
        assertThatThrownBy(() -> batch.submit(submission("late", "true {input}", List.of("1"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    /** A submission store keys attempts by local:<clusterId>; a new instance or process must not reuse an id. */
    @Test
    void clusterIdsAreUniqueAcrossInstancesAndNameThisProcess() throws Exception {
        BatchSubmission sub = submission("ids", "true", List.of("a"));
        String first;
        try (BatchSystem batch = BatchSystem.local(1)) {
            first = batch.submit(sub).clusterId();
        }
        try (BatchSystem batch = BatchSystem.local(1)) {
            BatchSubmitted second = batch.submit(sub);
            assertThat(second.clusterId()).isNotEqualTo(first)
                    .startsWith(ProcessHandle.current().pid() + "-").matches("\\d+-\\d+-\\d+");
            assertThat(second.jobIds()).containsExactly(second.clusterId() + ".0");
            awaitFinal(batch, second);
            assertThat(sub.stdoutOf(second.jobIds().get(0))).hasFileName("ids." + second.clusterId() + ".0.out").exists();
        }
    }

    @Test
    void statesOfAnotherSystemsOrAnUnknownSubmission() {
        try (BatchSystem batch = BatchSystem.local(1)) {
            assertThat(batch.states(new BatchSubmitted("local", "99", List.of("99.0"))))
                    .extracting(BatchJobState::status).containsExactly(Status.UNKNOWN);
            assertThatThrownBy(() -> batch.states(new BatchSubmitted("htcondor", "7", List.of("7.0"))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("htcondor:7");
        }
    }

    @Test
    void aJobIdThatCannotNameALogFileIsRefused() {
        BatchSubmission sub = submission("ids", "true", List.of("a"));
        assertThatThrownBy(() -> sub.stdoutOf("../x")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'../x'");
    }

    @Test
    void submissionsAreValidatedWhenMade() {
        assertThatThrownBy(() -> submission("bad name", "true {input}", List.of("1")))
                .hasMessageContaining("bad name");
        assertThatThrownBy(() -> submission("x", "true {run}", List.of("1"))).hasMessageContaining("{run}");
        assertThatThrownBy(() -> submission("x", "true {input}", List.of())).hasMessageContaining("no inputs");
        assertThatThrownBy(() -> submission("x", "true {input}", List.of("a\nb"))).hasMessageContaining("input 0");
        assertThatThrownBy(() -> new BatchSubmission("x", CommandTemplate.parse("true"), List.of("1"), dir, 0, Map.of()))
                .hasMessageContaining("memoryMegabytes");
        assertThatThrownBy(() -> BatchSystem.local(0)).hasMessageContaining("parallelism");
    }
}
