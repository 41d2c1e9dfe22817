package org.runops.calo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.runops.testing.MutableClock;
import org.runops.testing.StandInMapJob;

/** A real Slurm array of stand-in map jobs, judged by their payload files; needs {@code RUNOPS_TEST_SLURM=1} (.ci/run). */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class CdbMapPlannerSlurmTest {
    private static final String TAG = "new_newcdbtag_v008";

    @TempDir
    Path dir;

    @Test
    void aSlurmArrayOfMapJobsIsJudgedByItsPayloadsAndTheFailedRunRetried() throws IOException, InterruptedException {
        assumeTrue("1".equals(System.getenv("RUNOPS_TEST_SLURM")),
                "skipped: RUNOPS_TEST_SLURM is not 1 (.ci/run starts a single-node Slurm and sets it)");
        MutableClock clock = new MutableClock(Instant.parse("2026-12-03T00:00:00Z"));
        ListCatalog catalog = new ListCatalog();
        for (long run : new long[] {68006, 68007, 68008}) {
            Path p = Files.writeString(Files.createDirectories(dir.resolve("hist")).resolve(run + ".root"), "hist");
            catalog.add(new CatalogFile(run, 0, TAG, "HIST_CALOQA", p.toString(), clock.instant(), OptionalLong.empty()));
        }
        Path job = StandInMapJob.create(CalibrationSpec.DEFAULTS.stream().map(c -> c.fileStem() + "_{tag}_{run}" + c.fileEnd()).toList())
                .failFor(68007).write(dir.resolve("CaloCDB-GenStatus"));
        ExecuteOptions submit = ExecuteOptions.dryRun(job).withSubmit(true).withLogDirectory(dir.resolve("logs"))
                .withRetries(new SubmissionPolicy(2));
        try (BatchSystem slurm = BatchSystem.slurm(BatchTools.onPath().withTimeout(Duration.ofSeconds(30)))) {
            CdbMapPlanner planner = CdbMapPlanner.builder().catalog(catalog).cdb(new MapCdb()).batch(slurm).output(dir.resolve("out"))
                    .clock(clock).build();
            ExecuteResult first = planner.execute(planner.plan(PlanOptions.of(RunType.named("run3auau"))), submit);
            assertThat(first.submitted()).hasValueSatisfying(s -> assertThat(s.system()).isEqualTo("slurm"));
            assertThat(first.directory().resolve("genStatus.sbatch")).exists();

            List<RunStatus> status = awaitSettled(planner);
            assertThat(status).extracting(RunStatus::run).containsExactly(68006L, 68007L, 68008L);
            assertThat(status).as(status.toString()).extracting(s -> s.latest().outcome().kind()).containsExactly(Kind.SUCCEEDED, Kind.FAILED, Kind.SUCCEEDED);
            assertThat(status.get(1).latest().outcome().reason()).contains("COMPLETED (exit 0)", "7 of 7 expected files missing");

            clock.advance(Duration.ofDays(1));
            ExecuteResult second = planner.execute(planner.plan(PlanOptions.of(RunType.named("run3auau"))), submit);
            assertThat(second.queued()).extracting(RunTag::run).containsExactly(68007L);
            assertThat(second.done()).extracting(s -> s.runTag().run()).containsExactly(68006L, 68008L);
            assertThat(awaitSettled(planner).get(1)).satisfies(s -> {
                assertThat(s.latest().attempt()).isEqualTo(2);
                assertThat(s.givenUp()).isTrue();
            });
        }
    }

    private static List<RunStatus> awaitSettled(CdbMapPlanner planner) throws InterruptedException {
        while (true) {
            List<RunStatus> s = planner.status(new SubmissionPolicy(2));
            if (s.stream().noneMatch(r -> r.latest().outcome().kind() == Kind.IN_FLIGHT || r.latest().outcome().kind() == Kind.UNDECIDED)) {
                return s;
            }
            Thread.sleep(500);
        }
    }
}
