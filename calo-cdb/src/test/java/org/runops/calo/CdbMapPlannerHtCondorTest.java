package org.runops.calo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.runops.core.exec.batch.BatchSystem;
import org.runops.core.exec.batch.BatchTools;
import org.runops.core.exec.batch.SubmissionOutcome.Kind;
import org.runops.core.exec.batch.SubmissionPolicy;
import org.runops.testing.FakeHtCondor;
import org.runops.testing.MutableClock;

/** Plans submitted through HTCondor's command-line tools (stand-in executables that check the call and print what condor prints). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CdbMapPlannerHtCondorTest {
    private static final String TAG = "new_newcdbtag_v008";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-07-05T00:00:01Z"));

    private CdbMapPlanner planner(BatchSystem batch) throws IOException {
        return planner(batch, dir.resolve("out"));
    }

    private CdbMapPlanner planner(BatchSystem batch, Path output) throws IOException {
        ListCatalog catalog = new ListCatalog();
        for (long run : new long[] {68006, 68007}) {
            Path p = Files.writeString(Files.createDirectories(dir.resolve("hist")).resolve(run + ".root"), "hist");
            catalog.add(new CatalogFile(run, 0, TAG, "HIST_CALOQA", p.toString(), clock.instant(), OptionalLong.empty()));
        }
        return CdbMapPlanner.builder().catalog(catalog).cdb(new MapCdb()).batch(batch).output(output).clock(clock).build();
    }

    @Test
    void submittedThroughCondorJudgedFromCondorQHistoryAndThePayloads() throws IOException {
        FakeHtCondor condor = FakeHtCondor.install(dir.resolve("condor")).firstCluster(4711);
        Path genStatus = Files.writeString(dir.resolve("CaloCDB-GenStatus"), "#!/bin/sh\n");
        try (BatchSystem batch = BatchSystem.htcondor(BatchTools.onPath().inDirectory(condor.binDirectory()))) {
            CdbMapPlanner planner = planner(batch);
            Plan plan = planner.plan(PlanOptions.of(RunType.named("run3auau")));
            ExecuteResult dry = planner.execute(plan, ExecuteOptions.dryRun(genStatus).withLogDirectory(dir.resolve("logs")));
            assertThat(dry.submissionCommand()).isEqualTo("cd " + dry.directory() + " && " + condor.binDirectory().resolve("condor_submit") + " genStatus.sub -queue 'input_run from jobs.list'");
            assertThat(Files.readString(dry.directory().resolve("genStatus.sub"))).contains("request_memory = 512MB\n",
                    "executable     = " + genStatus + "\n", "arguments      = $(input_run) " + dry.directory().resolve("output") + "\n",
                    "log            = " + dir.resolve("logs").resolve(dry.directory().getFileName()));
            assertThat(condor.calls()).isEmpty();

            clock.advance(java.time.Duration.ofSeconds(1));
            ExecuteResult r = planner.execute(plan, ExecuteOptions.dryRun(genStatus).withLogDirectory(dir.resolve("logs")).withSubmit(true));
            assertThat(r.submitted()).hasValueSatisfying(s -> assertThat(s.jobIds()).containsExactly("4711.0", "4711.1"));
            assertThat(Files.readString(r.directory().resolve("plan.json"))).contains("\"clusterId\" : \"4711\"");

            condor.queue(FakeHtCondor.ads(FakeHtCondor.queued(4711, 0, 2), FakeHtCondor.queued(4711, 1, 1)));
            assertThat(planner.status(SubmissionPolicy.DEFAULT)).allSatisfy(s -> assertThat(s.latest().outcome().kind()).isEqualTo(Kind.IN_FLIGHT));

            // both end with exit 0; only 68006's job wrote its payloads
            Path made = Files.createDirectories(r.directory().resolve("output/68006_" + TAG));
            for (CalibrationSpec c : CalibrationSpec.DEFAULTS) {
                Files.writeString(made.resolve(c.expectedFileName(new RunTag(68006, TAG))), "payload");
            }
            condor.queue("");
            condor.history(FakeHtCondor.ads(FakeHtCondor.completed(4711, 0, 0), FakeHtCondor.completed(4711, 1, 0)));
            List<RunStatus> status = planner.status(SubmissionPolicy.DEFAULT);
            assertThat(status).extracting(s -> s.latest().outcome().kind()).containsExactly(Kind.SUCCEEDED, Kind.FAILED);
            assertThat(status.get(1).latest().outcome().reason()).contains("job 4711.1 COMPLETED (exit 0)", "7 of 7 expected files missing");
        }
    }

    @Test
    void aRefusedSubmissionIsItsOwnStepAndRecordsNothing() throws IOException {
        FakeHtCondor condor = FakeHtCondor.install(dir.resolve("condor"));
        condor.submitFails("ERROR: Failed to connect to local queue manager");
        Path genStatus = Files.writeString(dir.resolve("CaloCDB-GenStatus"), "#!/bin/sh\n");
        try (BatchSystem batch = BatchSystem.htcondor(BatchTools.onPath().inDirectory(condor.binDirectory()))) {
            CdbMapPlanner planner = planner(batch);
            assertThatThrownBy(() -> planner.execute(planner.plan(PlanOptions.of(RunType.named("run3auau"))),
                    ExecuteOptions.dryRun(genStatus).withLogDirectory(dir.resolve("logs")).withSubmit(true)))
                    .isInstanceOfSatisfying(PlanStepException.class, e -> assertThat(e.step()).isEqualTo(PlanStepException.Step.SUBMISSION))
                    .hasMessageContaining("Failed to connect to local queue manager");
            assertThat(planner.status(SubmissionPolicy.DEFAULT)).isEmpty();
            try (var plans = Files.list(dir.resolve("out"))) {
                Path planDir = plans.filter(Files::isDirectory).findFirst().orElseThrow();
                assertThat(Files.readString(planDir.resolve("log-2025-07-05.txt"))).contains("ERROR - Submission failed: ");
                assertThat(planDir.resolve("plan.json")).exists();
            }
        }
    }

    @Test
    void aSubmissionHtCondorCannotRenderIsTheSubmissionStepAndLeavesTheLogAndPlanJson() throws IOException {
        FakeHtCondor condor = FakeHtCondor.install(dir.resolve("condor"));
        Path genStatus = Files.writeString(dir.resolve("CaloCDB-GenStatus"), "#!/bin/sh\n");
        Path output = dir.resolve("out put"); // HTCondor's queue items cannot hold the list files' white space
        try (BatchSystem batch = BatchSystem.htcondor(BatchTools.onPath().inDirectory(condor.binDirectory()))) {
            CdbMapPlanner planner = planner(batch, output);
            assertThatThrownBy(() -> planner.execute(planner.plan(PlanOptions.of(RunType.named("run3auau"))),
                    ExecuteOptions.dryRun(genStatus).withLogDirectory(dir.resolve("logs"))))
                    .isInstanceOfSatisfying(PlanStepException.class, e -> assertThat(e.step()).isEqualTo(PlanStepException.Step.SUBMISSION))
                    .hasMessageContaining("whitespace");
            try (var plans = Files.list(output)) {
                Path planDir = plans.filter(Files::isDirectory).findFirst().orElseThrow();
                assertThat(Files.readString(planDir.resolve("log-2025-07-05.txt"))).contains("INFO - Run Type: run3auau",
                        "ERROR - Submission failed: ");
                assertThat(Files.readString(planDir.resolve("plan.json"))).contains("68006");
            }
            assertThat(condor.calls()).isEmpty();
        }
    }

    @Test
    void submittedThroughTheWrapperAsTheOriginalsGenStatusSh() throws IOException {
        FakeHtCondor condor = FakeHtCondor.install(dir.resolve("condor"));
        Path genStatus = Files.writeString(dir.resolve("CaloCDB-GenStatus"), "#!/bin/sh\n");
        Path wrapper = Files.writeString(dir.resolve("genStatus.sh"), "#!/bin/sh\n");
        try (BatchSystem batch = BatchSystem.htcondor(BatchTools.onPath().inDirectory(condor.binDirectory()))) {
            CdbMapPlanner planner = planner(batch);
            ExecuteResult r = planner.execute(planner.plan(PlanOptions.of(RunType.named("run3auau"))),
                    ExecuteOptions.dryRun(genStatus).withWrapper(wrapper).withLogDirectory(dir.resolve("logs")));
            assertThat(Files.readString(r.directory().resolve("genStatus.sub"))).contains("executable     = " + wrapper + "\n",
                    "arguments      = " + genStatus + " $(input_run) " + r.directory().resolve("output") + "\n");
        }
    }

    @Test
    void aSubmitThatFailsAfterCondorAcceptedIsNotSubmittedAgainAndIsReportedStuckAfterAWeek() throws IOException {
        FakeHtCondor condor = FakeHtCondor.install(dir.resolve("condor")).firstCluster(4711);
        condor.submitPrints("3 job(s) submitted to cluster 4711.\n"); // the jobs exist, but the count is wrong
        Path genStatus = Files.writeString(dir.resolve("CaloCDB-GenStatus"), "#!/bin/sh\n");
        try (BatchSystem batch = BatchSystem.htcondor(BatchTools.onPath().inDirectory(condor.binDirectory()))) {
            CdbMapPlanner planner = planner(batch);
            ExecuteOptions submit = ExecuteOptions.dryRun(genStatus).withLogDirectory(dir.resolve("logs")).withSubmit(true);
            assertThatThrownBy(() -> planner.execute(planner.plan(PlanOptions.of(RunType.named("run3auau"))), submit))
                    .isInstanceOfSatisfying(PlanStepException.class, e -> assertThat(e.step()).isEqualTo(PlanStepException.Step.SUBMISSION))
                    .hasMessageContaining("cluster 4711");
            List<RunStatus> status = planner.status(SubmissionPolicy.DEFAULT);
            assertThat(status).extracting(s -> s.latest().outcome().kind()).containsExactly(Kind.UNDECIDED, Kind.UNDECIDED);
            assertThat(status.get(0).latest().outcome().reason()).startsWith("submission outcome unknown: ").contains("cluster 4711");
            assertThat(status).extracting(RunStatus::stuck).containsExactly(false, false);

            clock.advance(java.time.Duration.ofHours(1));
            ExecuteResult next = planner.execute(planner.plan(PlanOptions.of(RunType.named("run3auau"))), submit);
            assertThat(next.submitted()).isEmpty();
            assertThat(next.waiting()).extracting(SkippedRun::cause).containsExactly(SkippedRun.Cause.IN_FLIGHT, SkippedRun.Cause.IN_FLIGHT);

            clock.advance(SubmissionPolicy.DEFAULT_MAX_IN_FLIGHT);
            assertThat(planner.status(SubmissionPolicy.DEFAULT)).extracting(RunStatus::stuck).containsExactly(true, true);
            ExecuteResult weekLater = planner.execute(planner.plan(PlanOptions.of(RunType.named("run3auau"))), submit);
            assertThat(weekLater.submitted()).isEmpty();
            assertThat(weekLater.waiting()).extracting(SkippedRun::cause).containsExactly(SkippedRun.Cause.STUCK, SkippedRun.Cause.STUCK);
            assertThat(weekLater.waiting().get(0).reason()).contains("undecided for 169h 0m", "condor_rm");
        }
        assertThat(condor.submittedFiles()).hasSize(1);
    }
}
