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
        assertThat(policy.decide(List.of(), "f", T0).action()).isEqualTo(Action.SUBMIT);
        assertThat(policy.decide(List.of(), "f", T0).attempt()).isEqualTo(1);
        assertThat(policy.decide(List.of(attempt(1, "f", Kind.IN_FLIGHT)), "f", T0).action()).isEqualTo(Action.WAIT);
        assertThat(policy.decide(List.of(attempt(1, "f", Kind.UNDECIDED)), "f", T0).action()).isEqualTo(Action.WAIT);
        assertThat(policy.decide(List.of(attempt(1, "f", Kind.SUCCEEDED)), "f", T0).action()).isEqualTo(Action.DONE);
        SubmissionPolicy.Decision retry = policy.decide(List.of(attempt(1, "f", Kind.FAILED)), "f", T0);
        assertThat(retry.action()).isEqualTo(Action.SUBMIT);
        assertThat(retry.attempt()).isEqualTo(2);
        SubmissionPolicy.Decision giveUp = policy.decide(List.of(attempt(1, "f", Kind.FAILED), attempt(2, "f", Kind.FAILED)), "f", T0);
        assertThat(giveUp.action()).isEqualTo(Action.GIVE_UP);
        assertThat(giveUp.reason()).contains("failed 2 of at most 2");
        // new work (another tag, other files): counted afresh
        assertThat(policy.decide(List.of(attempt(1, "f", Kind.FAILED), attempt(2, "f", Kind.FAILED)), "g", T0).attempt()).isEqualTo(1);
        assertThat(policy.decide(List.of(attempt(1, "f", Kind.SUCCEEDED)), "g", T0).action()).isEqualTo(Action.SUBMIT);
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
        // the failed open released its lock: opening the same file again fails on the content, not the lock
        assertThatThrownBy(() -> SubmissionStore.open(file, "t")).isInstanceOf(BatchException.class)
                .isNotInstanceOf(SubmissionLockedException.class).hasMessageContaining("cannot read submission store " + file);
        Files.delete(file);
        SubmissionStore.open(file, "t").close();
    }

    @Test
    void malformedStoresAreRefusedNamingUnitAttemptAndField() throws IOException {
        Path file = dir.resolve("submissions.json");
        String good = "{\"attempt\":1,\"fingerprint\":\"f\",\"planId\":\"p\",\"system\":\"local\",\"clusterId\":\"1\",\"jobId\":\"1.0\","
                + "\"workDirectory\":\"/out\",\"expectedOutputs\":[],\"submitted\":\"2026-12-03T00:00:00Z\",\"outcome\":\"IN_FLIGHT\","
                + "\"reason\":\"submitted\",\"judged\":\"2026-12-03T00:00:00Z\"}";
        Map<String, List<String>> cases = Map.of(
                "{\"format\":1,\"units\":{\"68006\":[]}}", List.of("unit 68006", "non-empty list of attempts"),
                "{\"format\":1,\"units\":{\"68006\":[" + good + ",{\"attempt\":2}]}}", List.of("unit 68006", "attempt index 1", "field fingerprint"),
                "{\"format\":1,\"units\":{\"68006\":[" + good.replace("\"jobId\":\"1.0\",", "") + "]}}",
                        List.of("unit 68006", "attempt index 0", "field jobId"),
                "{\"format\":1,\"units\":{\"68006\":[" + good.replace("IN_FLIGHT", "LOST") + "]}}", List.of("attempt index 0", "field outcome", "LOST"),
                "{\"format\":1,\"units\":{\"68006\":[" + good.replace("\"2026-12-03T00:00:00Z\",\"outcome", "\"yesterday\",\"outcome") + "]}}",
                        List.of("attempt index 0", "field submitted", "yesterday"),
                "{\"format\":1,\"units\":{\"68006\":[" + good.replace("\"attempt\":1", "\"attempt\":0") + "]}}",
                        List.of("unit 68006", "attempt index 0", "at least 1"),
                "{\"format\":2,\"units\":{}}", List.of("\"format\": 1", "got format 2"),
                "{\"units\":{}}", List.of("\"format\": 1"));
        for (Map.Entry<String, List<String>> c : cases.entrySet()) {
            Files.writeString(file, c.getKey(), StandardCharsets.UTF_8);
            assertThatThrownBy(() -> SubmissionStore.open(file, "t")).as(c.getKey()).isInstanceOf(BatchException.class)
                    .hasMessageContaining(file.toString()).hasMessageContainingAll(c.getValue().toArray(String[]::new));
            assertThat(Files.readString(file)).isEqualTo(c.getKey()); // never overwritten
        }
        Files.writeString(file, "{\"format\":1,\"units\":{\"68006\":[" + good + "]}}", StandardCharsets.UTF_8);
        try (SubmissionStore store = SubmissionStore.open(file, "t")) {
            assertThat(store.latest()).singleElement().extracting(SubmissionAttempt::jobId).isEqualTo("1.0");
        }
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
            assertThat(SubmissionPolicy.DEFAULT.decide(store.history("bad"), "f", T0).attempt()).isEqualTo(2);
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
            assertThat(SubmissionPolicy.DEFAULT.decide(store.history("68006"), "f", T0).action()).isEqualTo(Action.WAIT);
            // asked through another system: complete outputs still count, anything else stays undecided
            try (BatchSystem local = BatchSystem.local(1)) {
                store.refresh(local, a -> INCOMPLETE, T0);
                assertThat(store.history("68006").get(0).outcome().kind()).isEqualTo(Kind.UNDECIDED);
                store.refresh(local, a -> COMPLETE, T0);
                assertThat(store.history("68006").get(0).outcome().kind()).isEqualTo(Kind.SUCCEEDED);
            }
        }
    }
    @Test
    void anAttemptIsRecordedBeforeSubmittingAndAFailedSubmitLeavesItUndecidedNotForgotten() {
        Path file = dir.resolve("submissions.json");
        SubmissionStore.Submitted u = new SubmissionStore.Submitted("68006", 1, "f", List.of(dir.resolve("68006.root").toString()));
        try (SubmissionStore store = SubmissionStore.open(file, "test")) {
            store.recordSubmitting("condor", List.of(u), "plan-1", dir, T0);
        }
        // the submit command never returned (killed, the process died): the next run finds the unit waiting
        try (SubmissionStore store = SubmissionStore.open(file, "test")) {
            SubmissionAttempt a = store.history("68006").get(0);
            assertThat(a.outcome()).isEqualTo(new SubmissionOutcome(Kind.UNDECIDED, SubmissionStore.SUBMITTING));
            assertThat(a.planId()).isEqualTo("plan-1");
            assertThat(a.workDirectory()).isEqualTo(dir.toString());
            assertThat(SubmissionPolicy.DEFAULT.decide(store.history("68006"), "f", T0.plusSeconds(60)).action()).isEqualTo(Action.WAIT);
            store.recordSubmitFailed(List.of(u), "plan-1", new BatchException("condor_submit timed out after 60 s"), T0.plusSeconds(60));
            SubmissionAttempt failed = store.history("68006").get(0);
            assertThat(failed.outcome().kind()).isEqualTo(Kind.UNDECIDED);
            assertThat(failed.outcome().reason()).isEqualTo("submission outcome unknown: condor_submit timed out after 60 s");
            assertThat(store.history("68006")).hasSize(1);
            SubmissionPolicy.Decision d = SubmissionPolicy.DEFAULT.decide(store.history("68006"), "f", T0.plusSeconds(120));
            assertThat(d.action()).isEqualTo(Action.WAIT);
            assertThat(d.reason()).contains("no job id", "submission outcome unknown");
            // no job to ask: missing outputs leave it as it is, complete ones settle it
            try (BatchSystem local = BatchSystem.local(1)) {
                store.refresh(local, a2 -> INCOMPLETE, T0.plusSeconds(180));
                assertThat(store.history("68006").get(0).outcome().reason()).startsWith("submission outcome unknown");
                store.refresh(local, a2 -> COMPLETE, T0.plusSeconds(240));
                assertThat(store.history("68006").get(0).outcome().kind()).isEqualTo(Kind.SUCCEEDED);
            }
        }
    }

    @Test
    void aSubmissionAcceptedAfterRecordingCompletesTheSameAttempt() {
        Path file = dir.resolve("submissions.json");
        SubmissionStore.Submitted u = new SubmissionStore.Submitted("68006", 2, "f", List.of());
        try (SubmissionStore store = SubmissionStore.open(file, "test")) {
            store.recordSubmitting("condor", List.of(u), "plan-1", dir, T0);
            store.recordSubmitted(new BatchSubmitted("condor", "42", List.of("42.0")), List.of(u), "plan-1", dir, T0.plusSeconds(5));
            assertThat(store.history("68006")).singleElement().satisfies(a -> {
                assertThat(a.outcome().kind()).isEqualTo(Kind.IN_FLIGHT);
                assertThat(a.jobId()).isEqualTo("42.0");
                assertThat(a.attempt()).isEqualTo(2);
                assertThat(a.submitted()).isEqualTo(T0);
            });
            // a failure reported afterwards does not erase the job id the scheduler gave
            store.recordSubmitFailed(List.of(u), "plan-1", new BatchException("late"), T0.plusSeconds(6));
            assertThat(store.history("68006").get(0).outcome().kind()).isEqualTo(Kind.IN_FLIGHT);
        }
    }

    @Test
    void anAttemptOpenLongerThanMaxInFlightIsStuckAndNotResubmitted() {
        SubmissionPolicy policy = new SubmissionPolicy(3).withMaxInFlight(Duration.ofDays(2));
        assertThat(SubmissionPolicy.DEFAULT.maxInFlight()).isEqualTo(Duration.ofDays(7));
        List<SubmissionAttempt> held = List.of(attempt(1, "f", Kind.IN_FLIGHT));
        assertThat(policy.decide(held, "f", T0.plus(Duration.ofDays(2)).minusSeconds(1)).action()).isEqualTo(Action.WAIT);
        SubmissionPolicy.Decision stuck = policy.decide(held, "f", T0.plus(Duration.ofDays(2)));
        assertThat(stuck.action()).isEqualTo(Action.STUCK);
        assertThat(stuck.reason()).contains("local cluster 1 job 1.0", "in flight for 48h 0m", "condor_rm");
        // new work for a stuck unit is not submitted either: its old job may still run
        assertThat(policy.decide(List.of(attempt(1, "f", Kind.UNDECIDED)), "g", T0.plus(Duration.ofDays(3))).action()).isEqualTo(Action.STUCK);
        assertThat(SubmissionPolicy.DEFAULT.decide(held, "f", T0.plus(Duration.ofDays(6))).action()).isEqualTo(Action.WAIT);
        assertThatThrownBy(() -> new SubmissionPolicy(3, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCleanRefusalRemovesTheRecordedAttemptWithoutSpendingOne() {
        Path file = dir.resolve("submissions.json");
        SubmissionStore.Submitted u = new SubmissionStore.Submitted("68006", 2, "f", List.of());
        try (SubmissionStore store = SubmissionStore.open(file, "test")) {
            store.recordSubmitted(new BatchSubmitted("condor", "41", List.of("41.0")), List.of(new SubmissionStore.Submitted("68006", 1, "f", List.of())),
                    "plan-0", dir, T0);
            store.refresh(new BatchSystem() {
                @Override
                public String name() {
                    return "other";
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
                    throw new UnsupportedOperationException();
                }

                @Override
                public void close() {}
            }, a -> COMPLETE, T0);
            store.recordSubmitting("condor", List.of(u, new SubmissionStore.Submitted("68007", 1, "f", List.of())), "plan-1", dir, T0);
            store.recordSubmitFailed(List.of(u, new SubmissionStore.Submitted("68007", 1, "f", List.of())), "plan-1",
                    new BatchRefusedException("condor_submit failed (exit code 1): ERROR: Failed to connect"), T0);
        }
        try (SubmissionStore store = SubmissionStore.open(file, "test")) {
            assertThat(store.history("68006")).singleElement().extracting(SubmissionAttempt::planId).isEqualTo("plan-0");
            assertThat(store.history("68007")).isEmpty();
            assertThat(store.latest()).hasSize(1);
        }
    }
}
