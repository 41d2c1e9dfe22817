package org.runops.core.exec.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.runops.core.exec.CommandTemplate;
import org.runops.core.exec.batch.BatchJobState.Status;
import org.runops.core.exec.batch.SubmissionOutcome.Kind;
import org.runops.core.exec.batch.SubmissionPolicy.Action;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SubmissionStoreTest {
    private static final Instant T0 = Instant.parse("2026-12-03T00:00:00Z");
    private static final OutputCheck.Result COMPLETE = new OutputCheck.Result(OutputCheck.Kind.COMPLETE, "all 7 maps present");
    private static final OutputCheck.Result INCOMPLETE = new OutputCheck.Result(OutputCheck.Kind.INCOMPLETE, "missing CEMC_meanTime");
    private static final OutputCheck.Result UNDECIDED = new OutputCheck.Result(OutputCheck.Kind.UNDECIDED, "I/O error");

    @TempDir
    Path dir;

    private static SubmissionAttempt attempt(int n, String fingerprint, Kind kind) {
        return new SubmissionAttempt("68006", n, fingerprint, "plan", "local", "1", "1.0", "/out", List.of(), T0,
                new SubmissionOutcome(kind, "why"), T0);
    }

    @Test
    void judgeInFlightWhileQueuedOrRunningWhateverTheFiles() {
        assertThat(SubmissionOutcome.judge(BatchJobState.of("1.0", Status.RUNNING), COMPLETE, Duration.ZERO).kind()).isEqualTo(Kind.IN_FLIGHT);
        assertThat(SubmissionOutcome.judge(BatchJobState.of("1.0", Status.QUEUED), INCOMPLETE, Duration.ZERO).kind()).isEqualTo(Kind.IN_FLIGHT);
    }

    @Test
    void judgeEndedJobsByTheirFilesNotTheirExitCode() {
        BatchJobState exit0 = new BatchJobState("1.0", Status.COMPLETED, OptionalInt.of(0), "");
        assertThat(SubmissionOutcome.judge(exit0, COMPLETE, Duration.ZERO).kind()).isEqualTo(Kind.SUCCEEDED);
        SubmissionOutcome failed = SubmissionOutcome.judge(exit0, INCOMPLETE, Duration.ZERO);
        assertThat(failed.kind()).isEqualTo(Kind.FAILED);
        assertThat(failed.reason()).contains("job 1.0 COMPLETED (exit 0)", "missing CEMC_meanTime");
        // a job the system lost sight of: undecided for a while, then failed
        SubmissionOutcome lost = SubmissionOutcome.judge(BatchJobState.of("1.0", Status.UNKNOWN), INCOMPLETE, Duration.ofMinutes(59));
        assertThat(lost.kind()).isEqualTo(Kind.UNDECIDED);
        assertThat(lost.reason()).contains("failed if still so 1h 0m after submission");
        assertThat(SubmissionOutcome.judge(BatchJobState.of("1.0", Status.UNKNOWN), INCOMPLETE, SubmissionOutcome.UNKNOWN_GRACE).kind())
                .isEqualTo(Kind.FAILED);
        assertThat(SubmissionOutcome.judge(BatchJobState.of("1.0", Status.FAILED), COMPLETE, Duration.ZERO).kind()).isEqualTo(Kind.SUCCEEDED);
        assertThat(SubmissionOutcome.judge(exit0, UNDECIDED, Duration.ZERO).kind()).isEqualTo(Kind.UNDECIDED);
    }

    @Test
    void policySubmitsWaitsRetriesAndGivesUp() {
        SubmissionPolicy policy = new SubmissionPolicy(2);
        assertThat(policy.decide(List.of(), "f").action()).isEqualTo(Action.SUBMIT);
        assertThat(policy.decide(List.of(), "f").attempt()).isEqualTo(1);
        assertThat(policy.decide(List.of(attempt(1, "f", Kind.IN_FLIGHT)), "f").action()).isEqualTo(Action.WAIT);
        assertThat(policy.decide(List.of(attempt(1, "f", Kind.UNDECIDED)), "f").action()).isEqualTo(Action.WAIT);
        assertThat(policy.decide(List.of(attempt(1, "f", Kind.SUCCEEDED)), "f").action()).isEqualTo(Action.DONE);
        SubmissionPolicy.Decision retry = policy.decide(List.of(attempt(1, "f", Kind.FAILED)), "f");
        assertThat(retry.action()).isEqualTo(Action.SUBMIT);
        assertThat(retry.attempt()).isEqualTo(2);
        SubmissionPolicy.Decision giveUp = policy.decide(List.of(attempt(1, "f", Kind.FAILED), attempt(2, "f", Kind.FAILED)), "f");
        assertThat(giveUp.action()).isEqualTo(Action.GIVE_UP);
        assertThat(giveUp.reason()).contains("failed 2 of at most 2");
        // new work (another tag, other files): counted afresh
        assertThat(policy.decide(List.of(attempt(1, "f", Kind.FAILED), attempt(2, "f", Kind.FAILED)), "g").attempt()).isEqualTo(1);
        assertThat(policy.decide(List.of(attempt(1, "f", Kind.SUCCEEDED)), "g").action()).isEqualTo(Action.SUBMIT);
        assertThat(SubmissionPolicy.DEFAULT.maxAttempts()).isEqualTo(3);
        assertThatThrownBy(() -> new SubmissionPolicy(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void secondOpenIsRefusedNamingTheHolder() {
        Path file = dir.resolve("submissions.json");
        try (SubmissionStore first = SubmissionStore.open(file, "runops calo plan run3auau")) {
            assertThatThrownBy(() -> SubmissionStore.open(file, "second"))
                    .isInstanceOf(SubmissionLockedException.class)
                    .hasMessageContaining("runops calo plan run3auau")
                    .hasMessageContaining(file + ".lock");
        }
        SubmissionStore.open(file, "third").close(); // released
    }

    @Test
    void corruptStoreIsReportedNotOverwritten() throws IOException {
        Path file = dir.resolve("submissions.json");
        Files.writeString(file, "{\"format\": 1, \"units\": [", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SubmissionStore.open(file, "t")).isInstanceOf(BatchException.class).hasMessageContaining(file.toString());
        assertThat(Files.readString(file)).isEqualTo("{\"format\": 1, \"units\": [");
        SubmissionStore.open(file.resolveSibling("other.json"), "t").close(); // the failed open released its lock
    }

    @Test
    void realJobsAreJudgedByTheirFilesAndTheStoreSurvivesReopening() throws Exception {
        Path file = dir.resolve("submissions.json");
        Path out = Files.createDirectories(dir.resolve("out"));
        // a job that exits 0 whether or not it made its file: "good" makes it, "bad" does not
        Path job = dir.resolve("job.sh");
        Files.writeString(job, "#!/bin/sh\n[ \"$1\" = good ] && echo made > " + out + "/$1.txt\nexit 0\n");
        try (BatchSystem batch = BatchSystem.local(2)) {
            BatchSubmitted s = batch.submit(new BatchSubmission("t", CommandTemplate.parse("sh " + job + " {input}"),
                    List.of("good", "bad"), dir.resolve("logs"), 64, Map.of()));
            try (SubmissionStore store = SubmissionStore.open(file, "test")) {
                store.recordSubmitted(s, List.of(new SubmissionStore.Submitted("good", 1, "f", List.of(out.resolve("good.txt").toString())), new SubmissionStore.Submitted("bad", 1, "f", List.of(out.resolve("bad.txt").toString()))),
                        "plan-1", out, T0);
                assertThat(store.history("good")).singleElement().extracting(a -> a.outcome().kind()).isEqualTo(Kind.IN_FLIGHT);
                while (batch.states(s).stream().anyMatch(st -> !st.status().isFinal())) {
                    Thread.sleep(20);
                }
                store.refresh(batch, OutputCheck.expectedFiles(), T0.plusSeconds(60));
            }
        }
        try (SubmissionStore store = SubmissionStore.open(file, "test")) {
            SubmissionAttempt good = store.history("good").get(0);
            assertThat(good.outcome().kind()).isEqualTo(Kind.SUCCEEDED);
            assertThat(good.planId()).isEqualTo("plan-1");
            assertThat(good.workDirectory()).isEqualTo(out.toString());
            assertThat(good.judged()).isEqualTo(T0.plusSeconds(60));
            SubmissionAttempt bad = store.history("bad").get(0);
            assertThat(bad.outcome().kind()).isEqualTo(Kind.FAILED);
            assertThat(bad.outcome().reason()).contains("exit 0", "1 of 1 expected files missing, first " + out.resolve("bad.txt"));
            assertThat(good.expectedOutputs()).containsExactly(out.resolve("good.txt").toString());
            assertThat(SubmissionPolicy.DEFAULT.decide(store.history("bad"), "f").attempt()).isEqualTo(2);
            assertThat(store.latest()).extracting(SubmissionAttempt::unit).containsExactly("bad", "good");
        }
    }

    @Test
    void expectedFilesMustExistAndNotBeEmpty() throws IOException {
        Path full = Files.writeString(dir.resolve("full.root"), "x");
        Path empty = Files.createFile(dir.resolve("empty.root"));
        OutputCheck check = OutputCheck.expectedFiles();
        SubmissionAttempt a = attempt(1, "f", Kind.IN_FLIGHT);
        assertThat(check.check(with(a, List.of(full.toString()))).kind()).isEqualTo(OutputCheck.Kind.COMPLETE);
        OutputCheck.Result r = check.check(with(a, List.of(full.toString(), empty.toString(), dir.resolve("none.root").toString())));
        assertThat(r.kind()).isEqualTo(OutputCheck.Kind.INCOMPLETE);
        assertThat(r.detail()).isEqualTo("2 of 3 expected files missing, first " + empty + " (empty)");
        assertThat(check.check(a).kind()).isEqualTo(OutputCheck.Kind.UNDECIDED);
    }

    private static SubmissionAttempt with(SubmissionAttempt a, List<String> outputs) {
        return new SubmissionAttempt(a.unit(), a.attempt(), a.fingerprint(), a.planId(), a.system(), a.clusterId(), a.jobId(),
                a.workDirectory(), outputs, a.submitted(), a.outcome(), a.judged());
    }

    @Test
    void aBatchSystemThatCannotAnswerLeavesAttemptsUndecided() throws Exception {
        Path file = dir.resolve("submissions.json");
        BatchSubmitted s = new BatchSubmitted("flaky", "7", List.of("7.0"));
        BatchSystem flaky = new BatchSystem() {
            @Override
            public String name() {
                return "flaky";
            }

            @Override
            public PreparedSubmission prepare(BatchSubmission submission) {
                throw new UnsupportedOperationException();
            }

            @Override
            public BatchSubmitted submit(PreparedSubmission prepared) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<BatchJobState> states(BatchSubmitted submitted) {
                throw new BatchException("squeue timed out after 30 s");
            }

            @Override
            public void close() {}
        };
        try (SubmissionStore store = SubmissionStore.open(file, "test")) {
            store.recordSubmitted(s, List.of(new SubmissionStore.Submitted("68006", 1, "f", List.of())), "p", dir, T0);
            store.refresh(flaky, a -> INCOMPLETE, T0);
            SubmissionOutcome o = store.history("68006").get(0).outcome();
            assertThat(o.kind()).isEqualTo(Kind.UNDECIDED);
            assertThat(o.reason()).contains("squeue timed out");
            assertThat(SubmissionPolicy.DEFAULT.decide(store.history("68006"), "f").action()).isEqualTo(Action.WAIT);
            // asked through another system: complete outputs still count, anything else stays undecided
            try (BatchSystem local = BatchSystem.local(1)) {
                store.refresh(local, a -> INCOMPLETE, T0);
                assertThat(store.history("68006").get(0).outcome().kind()).isEqualTo(Kind.UNDECIDED);
                store.refresh(local, a -> COMPLETE, T0);
                assertThat(store.history("68006").get(0).outcome().kind()).isEqualTo(Kind.SUCCEEDED);
            }
        }
    }
}
