package org.runops.calo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.core.exec.batch.BatchSubmission;
import org.runops.core.exec.batch.BatchSubmitted;
import org.runops.core.exec.batch.BatchJobState;
import org.runops.core.exec.batch.BatchSystem;
import org.runops.core.exec.batch.PreparedSubmission;
import org.runops.core.exec.batch.SubmissionLockedException;
import org.runops.core.exec.batch.SubmissionStore;
import org.runops.testing.SharedData;

class CdbMapPlannerTest {
    private static final String TAG = "new_newcdbtag_v008";
    private static final Instant T0 = Instant.parse("2025-07-05T00:00:01Z");
    private static final RunType RUN3AUAU = RunType.named("run3auau");

    @TempDir
    Path dir;

    /** A HIST file of {@code run} under {@code dir}, with the real directory layout; {@code bytes} of content (0: empty, -1: not created). */
    private CatalogFile file(long run, int segment, String tag, int bytes, long events) throws IOException {
        long lower = run - run % 100;
        Path p = dir.resolve(String.format("sphenix/data/data02/sphnxpro/production2/run3auau/physics/calocalib/%s/run_%08d_%08d/"
                + "HIST_CALOQA_run3auau_%s-%08d-%05d.root", tag, lower, lower + 100, tag, run, segment));
        if (bytes >= 0) {
            Files.createDirectories(p.getParent());
            Files.write(p, new byte[bytes]);
        }
        return new CatalogFile(run, segment, tag, "HIST_CALOQA", p.toString(), T0, OptionalLong.of(events));
    }

    private CdbMapPlanner planner(FileCatalog catalog, CdbLookup cdb, BatchSystem batch) {
        return CdbMapPlanner.builder().catalog(catalog).cdb(cdb).batch(batch).output(dir.resolve("out"))
                .clock(Clock.fixed(T0, ZoneOffset.UTC)).build();
    }

    /** A batch system of another name that prepares as the local one does, with a submit command of its own, and never submits. */
    private static BatchSystem named(String name) {
        return new BatchSystem() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public PreparedSubmission prepare(BatchSubmission submission) {
                try (BatchSystem local = BatchSystem.local(1)) {
                    return new PreparedSubmission(submission, local.prepare(submission).files(), List.of(name + "-submit", "jobs.list"));
                }
            }

            @Override
            public BatchSubmitted submit(PreparedSubmission prepared) {
                throw new AssertionError("must not submit");
            }

            @Override
            public List<BatchJobState> states(BatchSubmitted submitted) {
                return List.of();
            }

            @Override
            public void close() {}
        };
    }

    @Test
    void planSortsEveryRunIntoOneBox() throws IOException {
        ListCatalog catalog = new ListCatalog()
                .add(file(68006, 0, TAG, 10, 1)).add(file(68006, 1, TAG, 10, 1))      // needs maps
                .add(file(68007, 0, TAG, 10, 1))                                      // up to date
                .add(file(68008, 0, TAG, 10, 1))                                      // CDB undecided
                .add(file(68009, 0, TAG, -1, 1)).add(file(68009, 1, TAG, 0, 1))       // needs maps, nothing valid
                .add(file(68010, 0, TAG, 10, 1)).add(file(68010, 1, TAG, -1, 1)).add(file(68010, 2, TAG, 0, 1));
        MapCdb cdb = new MapCdb().upToDate(new RunTag(68007, TAG), CalibrationSpec.DEFAULTS)
                .upToDate(new RunTag(68006, TAG), CalibrationSpec.DEFAULTS)
                .payload(68006, "CEMC_meanTime", "CEMC_meanTime/aa/bb/0123456789abcdef0123456789abcdef_CEMC_meanTime_old_tag_68006.root")
                .undecided(68008, "HTTP 504 three times");
        Plan plan = planner(catalog, cdb, named("local")).plan(PlanOptions.of(RUN3AUAU));

        assertThat(plan.catalogRuns()).extracting(RunTag::run).containsExactly(68006L, 68007L, 68008L, 68009L, 68010L);
        assertThat(plan.needingMaps()).extracting(RunTag::run).containsExactly(68006L, 68009L, 68010L);
        assertThat(plan.tasks()).extracting(t -> t.runTag().run()).containsExactly(68006L, 68010L);
        assertThat(plan.tasks().get(0).mapsNeeded()).containsExactly("CEMC_meanTime");
        assertThat(plan.tasks().get(0).files()).hasSize(2);
        assertThat(plan.tasks().get(1).mapsNeeded()).hasSize(7);
        assertThat(plan.tasks().get(1).files()).singleElement().asString().endsWith("-00068010-00000.root");
        assertThat(plan.upToDate()).extracting(RunTag::run).containsExactly(68007L);
        assertThat(plan.deferred()).singleElement().satisfies(s -> {
            assertThat(s.runTag().run()).isEqualTo(68008);
            assertThat(s.reason()).contains("HTTP 504 three times");
            assertThat(s.cause()).isEqualTo(SkippedRun.Cause.CDB_UNDECIDED);
        });
        assertThat(plan.dropped()).singleElement().satisfies(s -> {
            assertThat(s.runTag().run()).isEqualTo(68009);
            assertThat(s.reason()).contains("no valid files");
            assertThat(s.cause()).isEqualTo(SkippedRun.Cause.NO_VALID_FILES);
        });
        assertThat(plan.missingFiles()).hasSize(4).allMatch(p -> p.contains("-00068009-") || p.contains("-00068010-0000"));
        assertThat(plan.demo()).isFalse();
        assertThat(plan.cdbDecidedNothing()).isFalse();
        MapCdb down = new MapCdb();
        plan.catalogRuns().forEach(rt -> down.undecided(rt.run(), "connection refused"));
        assertThat(planner(catalog, down, named("local")).plan(PlanOptions.of(RUN3AUAU)).cdbDecidedNothing()).isTrue();
    }

    @Test
    void sameInputsSameIdOtherFilesOtherId() throws IOException {
        ListCatalog catalog = new ListCatalog().add(file(68006, 0, TAG, 10, 1));
        String id = planner(catalog, new MapCdb(), named("local")).plan(PlanOptions.of(RUN3AUAU)).id();
        CdbMapPlanner later = CdbMapPlanner.builder().catalog(catalog).cdb(new MapCdb()).batch(named("local")).output(dir)
                .clock(Clock.fixed(T0.plusSeconds(86_400), ZoneOffset.UTC)).build();
        assertThat(later.plan(PlanOptions.of(RUN3AUAU)).id()).isEqualTo(id).hasSize(16);
        assertThat(later.plan(PlanOptions.of(RUN3AUAU).withPolicy(TagSelectionPolicy.CAMPAIGN_START)).id()).isNotEqualTo(id);
        catalog.add(file(68006, 1, TAG, 10, 1));
        assertThat(later.plan(PlanOptions.of(RUN3AUAU)).id()).isNotEqualTo(id);
    }

    @Test
    void minEventsAreCheckedAgainOverValidFilesAboveNotAtTheThreshold() throws IOException {
        ListCatalog catalog = new ListCatalog()
                .add(file(68006, 0, TAG, 10, 300)).add(file(68006, 1, TAG, 10, 300))   // 600 > 500
                .add(file(68007, 0, TAG, 10, 300)).add(file(68007, 1, TAG, -1, 300))   // 300 valid
                .add(file(68008, 0, TAG, 10, 250)).add(file(68008, 1, TAG, 10, 250));  // 500, not above
        Plan plan = planner(catalog, new MapCdb(), named("local")).plan(PlanOptions.of(RUN3AUAU).withMinEvents(500));
        assertThat(plan.tasks()).extracting(t -> t.runTag().run()).containsExactly(68006L);
        assertThat(plan.dropped()).extracting(s -> s.runTag().run()).containsExactly(68007L, 68008L);
        assertThat(plan.dropped().get(1).reason()).isEqualTo("events over its valid files 500 not above 500");
    }

    @Test
    void tooManyRunsAreRefused() throws IOException {
        ListCatalog catalog = new ListCatalog().add(file(68006, 0, TAG, 10, 1)).add(file(68007, 0, TAG, 10, 1));
        assertThatThrownBy(() -> planner(catalog, new MapCdb(), named("local")).plan(PlanOptions.of(RUN3AUAU).withMaxRuns(1)))
                .isInstanceOf(CaloException.class).hasMessageContaining("too many runs: 2 runs of run3auau need maps, more than the limit of 1");
    }

    @Test
    void catalogueAndCdbOutagesNameTheirStep() throws IOException {
        assertThatThrownBy(() -> planner(new ListCatalog().down("connection refused"), new MapCdb(), named("local"))
                .plan(PlanOptions.of(RUN3AUAU)))
                .isInstanceOfSatisfying(PlanStepException.class, e -> assertThat(e.step()).isEqualTo(PlanStepException.Step.CATALOG))
                .hasMessageContaining("connection refused");
        ListCatalog catalog = new ListCatalog().add(file(68006, 0, TAG, 10, 1));
        assertThatThrownBy(() -> planner(catalog, new MapCdb().down("HTTP 500"), named("local")).plan(PlanOptions.of(RUN3AUAU)))
                .isInstanceOfSatisfying(PlanStepException.class, e -> assertThat(e.step()).isEqualTo(PlanStepException.Step.CDB))
                .hasMessageContaining("HTTP 500");
    }

    @Test
    void twoTagsForOneRunBreakTheCatalogueContract() throws IOException {
        ListCatalog catalog = new ListCatalog().add(file(68006, 0, TAG, 10, 1)).add(file(68006, 0, "other_tag", 10, 1));
        assertThatThrownBy(() -> planner(catalog, new MapCdb(), named("local")).plan(PlanOptions.of(RUN3AUAU)))
                .isInstanceOf(CaloException.class).hasMessageContaining("for run 68006");
    }

    @Test
    void dryRunWritesTheOriginalsFilesByteForByte() throws IOException {
        Path shared = SharedData.require("calocdb");
        // the sample list's paths, made real under dir
        List<String> listed = Files.readAllLines(shared.resolve("SYNTHETIC_datasets/68006_new_newcdbtag_v008.list"));
        ListCatalog catalog = new ListCatalog();
        for (String path : listed) {
            Path p = dir.resolve(path.substring(1));
            Files.createDirectories(p.getParent());
            Files.writeString(p, "hist");
            catalog.add(new CatalogFile(68006, listed.indexOf(path), TAG, "HIST_CALOQA", p.toString(), T0, OptionalLong.empty()));
        }
        catalog.add(file(68007, 0, TAG, 10, 1));
        MapCdb cdb = new MapCdb().upToDate(new RunTag(68007, TAG), CalibrationSpec.DEFAULTS);
        CdbMapPlanner planner = planner(catalog, cdb, named("htcondor"));
        ExecuteResult r = planner.execute(planner.plan(PlanOptions.of(RUN3AUAU)), ExecuteOptions.dryRun(Path.of("/opt/bin/CaloCDB-GenStatus")));

        Path out = r.directory();
        assertThat(out).isEqualTo(dir.resolve("out/run3auau-2025-07-05-00-00-01"));
        assertThat(Files.readAllBytes(out.resolve("run3auau.csv"))).isEqualTo(Files.readAllBytes(shared.resolve("SYNTHETIC_run3auau.csv")));
        assertThat(Files.readAllBytes(out.resolve("run3auau-process.csv")))
                .isEqualTo(Files.readAllBytes(shared.resolve("SYNTHETIC_run3auau-process.csv")));
        String expectedList = listed.stream().map(p -> dir + p).collect(Collectors.joining("\n", "", "\n"));
        assertThat(Files.readString(out.resolve("datasets/68006_new_newcdbtag_v008.list"))).isEqualTo(expectedList);
        assertThat(Files.readString(out.resolve("run3auau-missing.csv"))).isEqualTo("full_file_path\n");
        assertThat(Files.readString(out.resolve("jobs.list"))).isEqualTo(out.resolve("datasets/68006_new_newcdbtag_v008.list") + "\n");
        String log = Files.readString(out.resolve("log-2025-07-05.txt"), StandardCharsets.UTF_8);
        assertThat(log).startsWith("2025-07-05 00:00:01,000 - __main__ - INFO - ########################################\n")
                .contains("INFO - LOGGING: 2025-07-05 00:00:01.000000\n", " - __main__ - INFO - Run Type: run3auau\n", "INFO - Min Events: None\n", "Do Condor Submission: False\n",
                        "genStatus Bin: /opt/bin/CaloCDB-GenStatus\n", "Condor Log File: " + out.resolve("logs") + "\n",
                        "INFO - Submission Command: cd " + out + " && htcondor-submit jobs.list\n")
                .doesNotContain("DEMO");
        String json = Files.readString(out.resolve("plan.json"));
        assertThat(json).contains("\"id\" : \"" + r.plan().id() + "\"", "\"demo\" : false", "\"submitted\" : false");
        assertThat(r.submitted()).isEmpty();
        assertThat(r.queued()).extracting(RunTag::run).containsExactly(68006L);
        // a dry run records nothing: the same plan again is queued again, in a directory of its own
        ExecuteResult again = planner.execute(r.plan(), ExecuteOptions.dryRun(Path.of("/opt/bin/CaloCDB-GenStatus")));
        assertThat(again.directory()).isEqualTo(dir.resolve("out/run3auau-2025-07-05-00-00-01-2"));
        assertThat(again.queued()).hasSize(1);
    }

    @Test
    void nothingToDoWritesTheFilesAndQuits() throws IOException {
        ListCatalog catalog = new ListCatalog().add(file(68007, 0, TAG, 10, 1));
        CdbMapPlanner planner = planner(catalog, new MapCdb().upToDate(new RunTag(68007, TAG), CalibrationSpec.DEFAULTS), named("htcondor"));
        Plan plan = planner.plan(PlanOptions.of(RUN3AUAU));
        assertThat(plan.hasWork()).isFalse();
        ExecuteResult r = planner.execute(plan, ExecuteOptions.dryRun(Path.of("/bin/true")).withSubmit(true));
        assertThat(r.submitted()).isEmpty();
        assertThat(Files.readString(r.directory().resolve("run3auau-process.csv"))).isEqualTo("runnumber\n");
        assertThat(r.directory().resolve("jobs.list")).doesNotExist();
        assertThat(Files.readString(r.directory().resolve("log-2025-07-05.txt"))).contains("No new CDB maps to process. Quitting.");
    }

    @Test
    void demoPlansSaySoAndAreNeverSubmittedToARealBatchSystem() throws IOException {
        ListCatalog catalog = new ListCatalog().add(file(68006, 0, TAG, 10, 1));
        CdbMapPlanner planner = CdbMapPlanner.builder().catalog(catalog).cdb(new MapCdb()).batch(named("slurm")).output(dir.resolve("out"))
                .clock(Clock.fixed(T0, ZoneOffset.UTC)).demoData(true).build();
        Plan plan = planner.plan(PlanOptions.of(RUN3AUAU));
        assertThat(plan.demo()).isTrue();
        assertThatThrownBy(() -> planner.execute(plan, ExecuteOptions.dryRun(Path.of("/bin/true")).withSubmit(true)))
                .isInstanceOf(CaloException.class).hasMessageContaining("demo data").hasMessageContaining("slurm");
        ExecuteResult dry = planner.execute(plan, ExecuteOptions.dryRun(Path.of("/bin/true")));
        assertThat(dry.directory().getFileName().toString()).isEqualTo("run3auau-2025-07-05-00-00-01-DEMO-DATA");
        assertThat(Files.readString(dry.directory().resolve("plan.json"))).contains("\"demo\" : true");
        assertThat(Files.readString(dry.directory().resolve("log-2025-07-05.txt"))).contains("DEMO DATA", "Submission Command: cd ");
    }

    @Test
    void anOverlappingRunIsRefusedBeforeWritingAnything() throws IOException {
        ListCatalog catalog = new ListCatalog().add(file(68006, 0, TAG, 10, 1));
        CdbMapPlanner planner = planner(catalog, new MapCdb(), named("local"));
        Plan plan = planner.plan(PlanOptions.of(RUN3AUAU));
        try (SubmissionStore held = SubmissionStore.open(planner.stateStore(), "cron run of 00:00")) {
            assertThatThrownBy(() -> planner.execute(plan, ExecuteOptions.dryRun(Path.of("/bin/true"))))
                    .isInstanceOf(SubmissionLockedException.class).hasMessageContaining("cron run of 00:00");
            assertThatThrownBy(() -> planner.status(org.runops.core.exec.batch.SubmissionPolicy.DEFAULT))
                    .isInstanceOf(SubmissionLockedException.class);
        }
        try (var listing = Files.list(dir.resolve("out"))) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsOnly("submissions.json.lock");
        }
    }
}
