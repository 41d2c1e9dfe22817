package org.runops.datalogger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.core.exec.CommandTemplate;
import org.runops.core.exec.batch.BatchException;
import org.runops.core.exec.batch.BatchSubmitted;
import org.runops.core.exec.batch.BatchSystem;
import org.runops.core.exec.batch.BatchTools;
import org.runops.core.exec.batch.PreparedSubmission;
import org.runops.core.exec.batch.SubmissionOutcome;
import org.runops.core.exec.batch.SubmissionPolicy;
import org.runops.core.exec.batch.SubmissionStore;
import org.runops.core.http.Sleeper;
import org.runops.datalogger.NannyBackfill.DayAction;
import org.runops.datalogger.NannyBackfill.DayPlan;
import org.runops.datalogger.NannyBackfill.DayStatus;
import org.runops.datalogger.NannyBackfill.Plan;
import org.runops.testing.FakeHtCondor;

/** {@link NannyBackfill} with the local batch system running real processes: {@link FillDayMain} JVMs, or {@code true}. */
class NannyBackfillTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-10T00:00:00Z"), ZoneOffset.UTC);
    private static final Duration CHUNK = Duration.ofHours(12);

    @TempDir
    Path dir;

    private Path out() {
        return dir.resolve("out");
    }

    private NannyBackfill.Options options(String from, String to, String backend, String command) throws IOException {
        Path params = dir.resolve("list.txt");
        if (!Files.exists(params)) {
            Files.writeString(params, "MLrn B:VIMIN\n");
        }
        return new NannyBackfill.Options(LocalDate.parse(from), LocalDate.parse(to), params, CHUNK, "1.0.0", backend, out(),
                CommandTemplate.parse(command), dir.resolve("area"), 512, Map.of(), new SubmissionPolicy(2));
    }

    /** The test JVM's class path runs {@link FillDayMain}: a real nanny day job on the simulated backend. */
    private String fillDayCommand(Path hold) {
        return Path.of(System.getProperty("java.home"), "bin", "java") + " -cp " + System.getProperty("java.class.path") + " "
                + FillDayMain.class.getName() + " " + out() + " " + dir.resolve("list.txt") + " " + CHUNK + " " + dir.resolve("drafts") + " "
                + hold + " {input}";
    }

    private SubmissionStore store() {
        return SubmissionStore.open(dir.resolve("area/submissions.json"), "test");
    }

    private void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "chunk");
    }

    private List<String> allFiles() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void skipsDaysOnDiskReportsPartialDaysAndADryRunWritesOnlyThePlanFiles() throws IOException {
        NannyBackfill.Options o = options("2024-03-01", "2024-03-03", "acl", "true {input}");
        List<NannyDay> days = o.days();
        for (Path f : days.get(0).files(out(), "1.0.0", "acl")) {
            write(f);
        }
        write(days.get(1).files(out(), "1.0.0", "acl").get(1));
        String id;
        try (BatchSystem batch = BatchSystem.local(1); SubmissionStore store = store()) {
            Plan plan = new NannyBackfill(batch, CLOCK).plan(store, o);
            id = plan.id();
            assertThat(plan.days()).extracting(DayPlan::action).containsExactly(DayAction.ON_DISK, DayAction.SUBMIT, DayAction.SUBMIT);
            assertThat(plan.days()).extracting(DayPlan::partial).containsExactly(false, true, false);
            assertThat(plan.days().get(1).missing()).containsExactly(days.get(1).files(out(), "1.0.0", "acl").get(0));
            assertThat(plan.days().get(1).reason()).contains("1 of 2 chunk files missing").contains("never submitted");
            assertThat(plan.toSubmit()).extracting(DayPlan::attempt).containsExactly(1, 1);
            assertThat(plan.submission().orElseThrow().inputs()).containsExactly("2024-03-02", "2024-03-03");
            assertThat(plan.submission().orElseThrow().commandOf(0)).containsExactly("true", "2024-03-02");
            assertThat(plan.id()).startsWith("backfill-").isEqualTo(new NannyBackfill(batch, CLOCK).plan(store, o).id());

            PreparedSubmission prepared = batch.prepare(plan.submission().orElseThrow());
            assertThat(prepared.files()).containsExactly(dir.resolve("area").resolve(plan.id()).resolve("jobs.list"));
            assertThat(Files.readAllLines(prepared.files().get(0))).containsExactly("2024-03-02", "2024-03-03");
        }
        assertThat(allFiles()).containsExactly("area/" + id + "/jobs.list", "area/submissions.json.lock", "list.txt",
                        "out/202403/01/20240301T000000PT12H-1_0_0.h5", "out/202403/01/20240301T120000PT12H-1_0_0.h5",
                        "out/202403/02/20240302T120000PT12H-1_0_0.h5")
                .doesNotContain("area/submissions.json");
    }

    @Test
    void theLastDayMustHaveEndedAndTheCommandMustTakeTheDay() throws IOException {
        NannyBackfill.Options today = options("2024-03-08", "2024-03-10", "acl", "true {input}");
        try (BatchSystem batch = BatchSystem.local(1); SubmissionStore store = store()) {
            assertThatThrownBy(() -> new NannyBackfill(batch, CLOCK).plan(store, today)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("2024-03-10 has not ended");
        }
        assertThatThrownBy(() -> options("2024-03-08", "2024-03-09", "acl", "true")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must contain {input}");
    }

    @Test
    void aDayInFlightIsNotSubmittedAgainAndItsChunkFilesJudgeItSucceeded() throws Exception {
        Path hold = dir.resolve("hold");
        NannyBackfill.Options o = options("2024-03-01", "2024-03-02", "simulated", fillDayCommand(hold));
        try (BatchSystem batch = BatchSystem.local(2); SubmissionStore store = store()) {
            NannyBackfill backfill = new NannyBackfill(batch, Clock.systemUTC());
            Plan plan = backfill.plan(store, o);
            BatchSubmitted submitted = backfill.submit(store, plan, batch.prepare(plan.submission().orElseThrow()));
            assertThat(submitted.jobIds()).hasSize(2);

            Plan again = backfill.plan(store, o); // the jobs wait for the hold file
            assertThat(again.days()).extracting(DayPlan::action).containsExactly(DayAction.WAIT, DayAction.WAIT);
            assertThat(again.submission()).isEmpty();

            Files.writeString(hold, "go");
            assertThat(backfill.await(store, submitted, Duration.ofMinutes(3), Duration.ofMillis(100), Sleeper.system())).isTrue();
            List<DayStatus> status = backfill.status(store, o);
            assertThat(status).allSatisfy(s -> {
                assertThat(s.missing()).isEmpty();
                assertThat(s.latest().orElseThrow().outcome().kind()).as(s.latest().toString()).isEqualTo(SubmissionOutcome.Kind.SUCCEEDED);
                assertThat(s.latest().orElseThrow().expectedOutputs()).hasSize(2);
            });
            try (DataFileReader f = DataFiles.open(status.get(1).files().get(1))) {
                assertThat(f.attributes()).containsEntry("window_start", "2024-03-02T12:00:00Z").containsEntry("backend", "simulated");
            }
            Plan done = backfill.plan(store, o);
            assertThat(done.days()).extracting(DayPlan::action).containsExactly(DayAction.ON_DISK, DayAction.ON_DISK);
            assertThat(done.submission()).isEmpty();
        }
    }

    @Test
    void aJobThatExitsZeroWithoutWritingFailsAndIsResubmittedWithinTheBound() throws Exception {
        NannyBackfill.Options o = options("2024-03-01", "2024-03-01", "acl", "true {input}");
        try (BatchSystem batch = BatchSystem.local(1); SubmissionStore store = store()) {
            NannyBackfill backfill = new NannyBackfill(batch, CLOCK);
            for (int attempt = 1; attempt <= 2; attempt++) {
                Plan plan = backfill.plan(store, o);
                assertThat(plan.toSubmit()).singleElement().satisfies(d -> assertThat(d.attempt()).isEqualTo(plan.days().get(0).attempt()));
                assertThat(plan.days().get(0).attempt()).isEqualTo(attempt);
                BatchSubmitted s = backfill.submit(store, plan, batch.prepare(plan.submission().orElseThrow()));
                assertThat(backfill.await(store, s, Duration.ofMinutes(1), Duration.ofMillis(50), Sleeper.system())).isTrue();
                assertThat(store.history("2024-03-01")).hasSize(attempt).last().satisfies(a -> {
                    assertThat(a.outcome().kind()).isEqualTo(SubmissionOutcome.Kind.FAILED);
                    assertThat(a.outcome().reason()).contains("exit 0").contains("2 of 2 expected files missing");
                });
            }
            Plan gaveUp = backfill.plan(store, o);
            assertThat(gaveUp.days()).singleElement().satisfies(d -> {
                assertThat(d.action()).isEqualTo(DayAction.GIVE_UP);
                assertThat(d.reason()).contains("failed 2 of at most 2 attempts");
            });
            assertThat(gaveUp.submission()).isEmpty();
        }
    }

    @Test
    void aDayThatSucceededButLostItsChunkFilesIsSubmittedAgain() throws Exception {
        NannyBackfill.Options o = options("2024-03-01", "2024-03-01", "acl", "true {input}");
        List<Path> files = o.days().get(0).files(out(), "1.0.0", "acl");
        try (BatchSystem batch = BatchSystem.local(1); SubmissionStore store = store()) {
            NannyBackfill backfill = new NannyBackfill(batch, CLOCK);
            Plan plan = backfill.plan(store, o);
            BatchSubmitted s = backfill.submit(store, plan, batch.prepare(plan.submission().orElseThrow()));
            for (Path f : files) { // as if the job had written them
                write(f);
            }
            backfill.await(store, s, Duration.ofMinutes(1), Duration.ofMillis(50), Sleeper.system());
            assertThat(store.history("2024-03-01")).last().satisfies(a -> assertThat(a.outcome().kind()).isEqualTo(SubmissionOutcome.Kind.SUCCEEDED));
            Files.delete(files.get(0));
            assertThat(backfill.plan(store, o).days()).singleElement().satisfies(d -> {
                assertThat(d.action()).isEqualTo(DayAction.SUBMIT);
                assertThat(d.attempt()).isEqualTo(1);
                assertThat(d.reason()).contains("1 of 2 chunk files missing although attempt 1 succeeded");
            });
        }
    }

    @Test
    void aSubmitThatFailsAfterCondorAcceptedLeavesTheDaysWaitingThenStuckNeverSubmittedTwice() throws IOException {
        FakeHtCondor condor = FakeHtCondor.install(dir.resolve("condor")).firstCluster(900);
        condor.submitPrints("5 job(s) submitted to cluster 900.\n"); // the jobs exist, but the count is wrong
        NannyBackfill.Options o = options("2024-03-01", "2024-03-02", "acl", "true {input}");
        try (BatchSystem batch = BatchSystem.htcondor(BatchTools.onPath().inDirectory(condor.binDirectory())); SubmissionStore store = store()) {
            NannyBackfill backfill = new NannyBackfill(batch, CLOCK);
            Plan plan = backfill.plan(store, o);
            assertThatThrownBy(() -> backfill.submit(store, plan, batch.prepare(plan.submission().orElseThrow())))
                    .isInstanceOf(BatchException.class).hasMessageContaining("cluster 900");
            Plan again = backfill.plan(store, o);
            assertThat(again.days()).extracting(DayPlan::action).containsExactly(DayAction.WAIT, DayAction.WAIT);
            assertThat(again.days().get(0).reason()).contains("submission outcome unknown", "cluster 900");
            assertThat(again.submission()).isEmpty();
            assertThat(backfill.status(store, o)).extracting(DayStatus::stuck).containsExactly(false, false);

            NannyBackfill aWeekLater = new NannyBackfill(batch, Clock.offset(CLOCK, SubmissionPolicy.DEFAULT_MAX_IN_FLIGHT));
            Plan stuck = aWeekLater.plan(store, o);
            assertThat(stuck.days()).extracting(DayPlan::action).containsExactly(DayAction.STUCK, DayAction.STUCK);
            assertThat(stuck.days().get(0).reason()).contains("168h 0m", "condor_rm");
            assertThat(stuck.submission()).isEmpty();
            assertThat(aWeekLater.status(store, o)).extracting(DayStatus::stuck).containsExactly(true, true);
        }
        assertThat(condor.submittedFiles()).hasSize(1);
    }
}
