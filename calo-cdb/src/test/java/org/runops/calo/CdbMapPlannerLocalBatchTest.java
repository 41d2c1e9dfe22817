package org.runops.calo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.runops.core.exec.batch.BatchSystem;
import org.runops.core.exec.batch.SubmissionOutcome.Kind;
import org.runops.core.exec.batch.SubmissionPolicy;
import org.runops.testing.MutableClock;
import org.runops.testing.StandInMapJob;

/** Plan, execute and status on the local batch system with stand-in map jobs run as real processes. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CdbMapPlannerLocalBatchTest {
    private static final String TAG = "new_newcdbtag_v008";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T00:00:00Z"));

    private CatalogFile hist(long run, int segment) throws IOException {
        Path p = dir.resolve("hist").resolve("HIST_CALOQA_run3auau_" + TAG + "-" + String.format("%08d-%05d", run, segment) + ".root");
        Files.createDirectories(p.getParent());
        Files.writeString(p, "hist");
        return new CatalogFile(run, segment, TAG, "HIST_CALOQA", p.toString(), clock.instant(), OptionalLong.empty());
    }

    /** Runs the command it is given once {@code gate} exists: keeps a job in flight as long as a test needs. */
    private Path gateWrapper(Path gate) throws IOException {
        Path w = dir.resolve("gate.sh");
        Files.writeString(w, "#!/bin/sh\nwhile [ ! -e '" + gate + "' ]; do sleep 0.05; done\nexec \"$@\"\n");
        Files.setPosixFilePermissions(w, PosixFilePermissions.fromString("rwxr-xr-x"));
        return w;
    }

    private static List<RunStatus> awaitSettled(CdbMapPlanner planner) throws InterruptedException {
        while (true) {
            List<RunStatus> s = planner.status(new SubmissionPolicy(2));
            if (s.stream().noneMatch(r -> r.latest().outcome().kind() == Kind.IN_FLIGHT)) {
                return s;
            }
            Thread.sleep(50);
        }
    }

    @Test
    void jobsAreJudgedByTheirPayloadsNeverSubmittedTwiceAndRetriedWithinTheBound() throws Exception {
        ListCatalog catalog = new ListCatalog().add(hist(68006, 0)).add(hist(68006, 1)).add(hist(68007, 0));
        MapCdb cdb = new MapCdb(); // nothing uploaded: both runs need every map, every day
        Path calls = dir.resolve("calls.txt");
        Path job = StandInMapJob.create(CalibrationSpec.DEFAULTS.stream().map(c -> c.fileStem() + "_{tag}_{run}" + c.fileEnd()).toList())
                .failFor(68007).callLog(calls).write(dir.resolve("CaloCDB-GenStatus"));
        Path gate = dir.resolve("gate");
        ExecuteOptions submit = ExecuteOptions.dryRun(job).withSubmit(true).withWrapper(gateWrapper(gate))
                .withRetries(new SubmissionPolicy(2)).withLogDirectory(dir.resolve("condor-logs"));
        try (BatchSystem batch = BatchSystem.local(2)) {
            CdbMapPlanner planner = CdbMapPlanner.builder().catalog(catalog).cdb(cdb).batch(batch).output(dir.resolve("out"))
                    .clock(clock).build();

            ExecuteResult first = planner.execute(planner.plan(PlanOptions.of(RunType.named("run3auau"))), submit);
            assertThat(first.submitted()).isPresent();
            assertThat(first.queued()).extracting(RunTag::run).containsExactly(68006L, 68007L);
            assertThat(Files.readString(first.directory().resolve("plan.json"))).contains("\"submitted\" : true", "\"system\" : \"local\"");
            assertThat(dir.resolve("condor-logs").resolve(first.directory().getFileName())).isDirectory();

            // the next cron run while the jobs wait at the gate: nothing is submitted twice
            clock.advance(Duration.ofDays(1));
            ExecuteResult second = planner.execute(planner.plan(PlanOptions.of(RunType.named("run3auau"))), submit);
            assertThat(second.submitted()).isEmpty();
            assertThat(second.queued()).isEmpty();
            assertThat(second.waiting()).extracting(s -> s.runTag().run()).containsExactly(68006L, 68007L);
            assertThat(second.waiting().get(0).reason()).startsWith("in flight since 2026-12-03T00:00:00Z");
            assertThat(second.directory().resolve("jobs.list")).doesNotExist();

            Files.createFile(gate);
            List<RunStatus> status = awaitSettled(planner);
            assertThat(status).extracting(RunStatus::run).containsExactly(68006L, 68007L);
            assertThat(status.get(0).latest().outcome().kind()).isEqualTo(Kind.SUCCEEDED);
            assertThat(status.get(0).latest().outcome().reason()).contains("all 7 expected files present");
            assertThat(status.get(1).latest().outcome().kind()).isEqualTo(Kind.FAILED);
            assertThat(status.get(1).latest().outcome().reason()).contains("COMPLETED (exit 0)", "7 of 7 expected files missing, first "
                    + first.directory().resolve("output/68007_" + TAG + "/EMCalHotMap_" + TAG + "_68007cdb.root").toString());
            assertThat(first.directory().resolve("output/68006_" + TAG + "/CEMC_meanTime_" + TAG + "_68006.root")).isNotEmptyFile();

            // the next day: the succeeded run is done (maps made, upload pending), the failed one is tried again
            clock.advance(Duration.ofDays(1));
            ExecuteResult third = planner.execute(planner.plan(PlanOptions.of(RunType.named("run3auau"))), submit);
            assertThat(third.queued()).extracting(RunTag::run).containsExactly(68007L);
            assertThat(third.done()).extracting(s -> s.runTag().run()).containsExactly(68006L);
            status = awaitSettled(planner);
            assertThat(status.get(1).latest().attempt()).isEqualTo(2);
            assertThat(status.get(1).givenUp()).isTrue();

            // and then it is given up: reported, not submitted a third time
            clock.advance(Duration.ofDays(1));
            ExecuteResult fourth = planner.execute(planner.plan(PlanOptions.of(RunType.named("run3auau"))), submit);
            assertThat(fourth.queued()).isEmpty();
            assertThat(fourth.givenUp()).singleElement().satisfies(s -> assertThat(s.reason()).contains("failed 2 of at most 2"));
            assertThat(Files.readAllLines(calls)).containsExactlyInAnyOrder("68006", "68007", "68007");
        }
    }
}
