package org.runops.calo.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.runops.calo.ExecuteOptions;
import org.runops.calo.Plan;

/** What a plan's log says in the original's words: its file name, the header block (§1.9) and the file summary. */
public final class PlanLogText {
    /** Python's {@code str(datetime.now())}, as the original's log header prints it. */
    private static final DateTimeFormatter PYTHON_NOW = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT);
    private static final DateTimeFormatter LOG_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

    private PlanLogText() {}

    /** {@code <dir>/log-<yyyy-MM-dd>.txt}, dated when the plan was made. */
    public static Path logFile(Path dir, Plan plan, Clock clock) {
        return dir.resolve("log-" + LOG_DATE.format(LocalDateTime.ofInstant(plan.created(), clock.getZone())) + ".txt");
    }

    /** The original's header block, then the plan's identity (and the demo warning). */
    public static void header(PlanLog log, Plan plan, ExecuteOptions o, Path dir, Path logDir, Clock clock, String batchName) {
        log.info("#".repeat(40));
        log.info("LOGGING: " + PYTHON_NOW.format(LocalDateTime.ofInstant(clock.instant(), clock.getZone())));
        log.info("Run Type: " + plan.options().runType().name());
        log.info("Min Events: " + (plan.options().minEvents().isPresent() ? plan.options().minEvents().getAsLong() : "None"));
        log.info("Output Directory: " + dir);
        log.info("Condor Memory: " + o.memoryGigabytes());
        log.info("Do Condor Submission: " + python(o.submit()));
        log.info("Filter Datasets Bin: " + plan.cdb());
        log.info("genStatus Bin: " + o.mapJob().toAbsolutePath());
        log.info("Condor Script: " + o.wrapper().map(p -> p.toAbsolutePath().toString()).orElse("None"));
        log.info("Log File: " + logFile(dir, plan, clock));
        log.info("Condor Log File: " + logDir);
        log.info("Verbose: " + python(o.verbose()));
        log.info("Plan: " + plan.id() + ", catalogue " + plan.catalog() + ", tag policy " + plan.options().policy()
                + ", batch system " + batchName);
        if (plan.demo()) {
            log.info("DEMO DATA: made-up catalogue and CDB; this plan is never submitted to a real batch system");
        }
    }

    /** The counts of runs per outcome and the original's Current/Clean/Missing files lines. */
    public static void summary(PlanLog log, Plan plan) {
        log.info("Runs in catalogue: " + plan.catalogRuns().size() + ", needing maps: " + plan.needingMaps().size() + ", up to date: "
                + plan.upToDate().size() + ", deferred: " + plan.deferred().size() + ", dropped: " + plan.dropped().size());
        plan.deferred().forEach(s -> log.info("Run " + s.runTag().run() + " deferred: " + s.reason()));
        plan.dropped().forEach(s -> log.info("Run " + s.runTag().run() + " dropped: " + s.reason()));
        long clean = plan.tasks().stream().mapToLong(t -> t.files().size()).sum();
        long current = clean + plan.missingFiles().size();
        log.info("Current files: " + current);
        log.info("Clean files: " + clean);
        log.info(String.format(Locale.ROOT, "Missing files: %d, %.2f %%", plan.missingFiles().size(),
                current == 0 ? 0.0 : 100.0 * plan.missingFiles().size() / current));
    }

    private static String python(boolean b) {
        return b ? "True" : "False";
    }
}
