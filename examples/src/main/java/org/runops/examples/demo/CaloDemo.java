package org.runops.examples.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.runops.calo.CalibrationSpec;
import org.runops.calo.CdbLookup;
import org.runops.calo.CdbMapPlanner;
import org.runops.calo.ExecuteOptions;
import org.runops.calo.ExecuteResult;
import org.runops.calo.FileCatalog;
import org.runops.calo.InMemoryCdb;
import org.runops.calo.PlanOptions;
import org.runops.calo.RunStatus;
import org.runops.calo.RunTag;
import org.runops.calo.RunType;
import org.runops.core.exec.batch.BatchSubmitted;
import org.runops.core.exec.batch.BatchSystem;
import org.runops.core.exec.batch.SubmissionPolicy;
import org.runops.testing.StandInMapJob;

/**
 * The calorimeter CDB-map production on made-up data: the demo FileCatalog (H2, runs 68001..68008 of
 * run3auau), an in-memory CDB seeded so that every verdict occurs, and a stand-in map job (a shell script
 * run as a real process) that writes the payload files, except for one run, where it fails silently as
 * the real one does.
 */
public final class CaloDemo {
    /** The global tag the demo CDB holds. */
    public static final String GLOBAL_TAG = "newcdbtag";
    /** The run whose stand-in map job makes nothing (and exits 0). */
    public static final long FAILING_RUN = 68004;
    private static final String NEW_TAG = "new_newcdbtag_v008";
    private static final String OLD_TAG = "new_newcdbtag_v007";

    private CaloDemo() {}

    /**
     * The demo CDB: run 68001 has all seven maps of its winning tag (up to date), 68002 all seven made from
     * the old tag (outdated), 68003 six of seven (the hot map missing); the other runs have none.
     */
    public static InMemoryCdb cdb() {
        InMemoryCdb cdb = new InMemoryCdb();
        InMemoryCdb.GlobalTag gt = cdb.globalTag(GLOBAL_TAG);
        for (CalibrationSpec c : CalibrationSpec.DEFAULTS) {
            gt.insert(c.payloadType(), c.expectedFileName(new RunTag(68001, NEW_TAG)), 68001);
            gt.insert(c.payloadType(), c.expectedFileName(new RunTag(68002, OLD_TAG)), 68002);
            if (!c.payloadType().equals("CEMC_BadTowerMap")) {
                gt.insert(c.payloadType(), c.expectedFileName(new RunTag(68003, NEW_TAG)), 68003);
            }
        }
        return cdb;
    }

    /** Writes the stand-in map job into {@code dir} (it writes every default payload file, nothing for {@link #FAILING_RUN}). */
    public static Path mapJob(Path dir) {
        List<String> names = CalibrationSpec.DEFAULTS.stream().map(c -> c.fileStem() + "_{tag}_{run}" + c.fileEnd()).toList();
        return StandInMapJob.create(names).failFor(FAILING_RUN).write(dir.resolve("CaloCDB-GenStatus-DEMO.sh"));
    }

    /** What the demo did: the executed plan and, after its jobs ended, each run's status. */
    public record Outcome(ExecuteResult executed, List<RunStatus> status) {}

    /**
     * Plans run3auau (more than 500,000 events per run, as the original's cron) on the demo catalogue and
     * CDB, submits the map jobs to the local batch system, waits for them and reads their status.
     */
    public static Outcome run(Path work) throws IOException, InterruptedException {
        try (FileCatalog catalog = FileCatalog.demo(work.resolve("catalog"));
                CdbLookup cdb = CdbLookup.inMemory(cdb(), GLOBAL_TAG);
                BatchSystem batch = BatchSystem.local(4)) {
            CdbMapPlanner planner = CdbMapPlanner.builder().catalog(catalog).cdb(cdb).batch(batch).output(work.resolve("output"))
                    .demoData(true).clock(Clock.systemDefaultZone()).build();
            ExecuteResult r = planner.execute(planner.plan(PlanOptions.of(RunType.named("run3auau")).withMinEvents(500_000)),
                    ExecuteOptions.dryRun(mapJob(Files.createDirectories(work.resolve("bin")))).withSubmit(true)
                            .withLogDirectory(work.resolve("logs")));
            if (r.submitted().isPresent()) {
                BatchSubmitted s = r.submitted().get();
                while (!batch.states(s).stream().allMatch(st -> st.status().isFinal())) {
                    Thread.sleep(50);
                }
            }
            return new Outcome(r, planner.status(SubmissionPolicy.DEFAULT));
        }
    }
}
