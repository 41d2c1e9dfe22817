package org.runops.calo.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.runops.calo.CaloException;
import org.runops.calo.CalibrationSpec;
import org.runops.calo.CatalogFile;
import org.runops.calo.Plan;
import org.runops.calo.PlanOptions;
import org.runops.calo.RunCdbState;
import org.runops.calo.RunTag;
import org.runops.calo.RunTask;
import org.runops.calo.SkippedRun;

/** The decide step of a plan: pure, from catalogue rows, CDB verdicts and file checks to a {@link Plan}. */
public final class PlanMaker {
    private PlanMaker() {}

    /** The catalogue's files per run (one winning tag each), by run; paths sorted and without duplicates (replicas). */
    public static Map<RunTag, List<String>> filesByRun(List<CatalogFile> files, String catalog) {
        Map<Long, RunTag> tags = new TreeMap<>();
        Map<RunTag, List<String>> byRun = new TreeMap<>(java.util.Comparator.comparingLong(RunTag::run));
        for (CatalogFile f : files) {
            RunTag previous = tags.putIfAbsent(f.run(), f.runTag());
            if (previous != null && !previous.equals(f.runTag())) {
                throw new CaloException(catalog + " returned tags " + previous.tag() + " and " + f.tag() + " for run " + f.run()
                        + "; expected the winning tag only");
            }
            byRun.computeIfAbsent(f.runTag(), k -> new ArrayList<>()).add(f.path());
        }
        byRun.replaceAll((k, paths) -> paths.stream().distinct().sorted().toList());
        return byRun;
    }

    /** The runs the CDB says need maps, in the order asked. */
    public static List<RunTag> needingMaps(List<RunCdbState> states) {
        return states.stream().filter(s -> s.undecided().isEmpty() && s.needsMaps()).map(RunCdbState::runTag).toList();
    }

    /**
     * The plan.
     *
     * @param states   one CDB state per run of {@code byRun}, in its order
     * @param validity the check of every file of the runs needing maps
     * @param events   events per file path (absent: counted as 0), for the threshold re-check
     */
    public static Plan decide(PlanOptions options, List<CalibrationSpec> calibrations, String catalog, String cdb, Instant created,
            boolean demo, Map<RunTag, List<String>> byRun, List<RunCdbState> states, Map<String, FileChecks.Result> validity,
            Map<String, Long> events) {
        List<RunTask> tasks = new ArrayList<>();
        List<SkippedRun> deferred = new ArrayList<>();
        List<SkippedRun> dropped = new ArrayList<>();
        List<RunTag> upToDate = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (RunCdbState state : states) {
            RunTag rt = state.runTag();
            if (state.undecided().isPresent()) {
                deferred.add(new SkippedRun(rt, SkippedRun.Cause.CDB_UNDECIDED, "CDB could not decide: " + state.undecided().get()));
                continue;
            }
            if (!state.needsMaps()) {
                upToDate.add(rt);
                continue;
            }
            List<String> valid = new ArrayList<>();
            List<String> undecided = new ArrayList<>();
            for (String path : byRun.getOrDefault(rt, List.of())) {
                FileChecks.Result r = validity.get(path);
                switch (r == null ? FileChecks.Kind.UNDECIDED : r.kind()) {
                    case VALID -> valid.add(path);
                    case MISSING, EMPTY -> missing.add(path);
                    case UNDECIDED -> undecided.add(r == null ? path + " was not checked" : r.detail());
                }
            }
            if (!undecided.isEmpty()) {
                deferred.add(new SkippedRun(rt, SkippedRun.Cause.FILES_UNDECIDED, undecided.size() + " file check(s) undecided, e.g. " + undecided.get(0)));
                continue;
            }
            if (valid.isEmpty()) {
                dropped.add(new SkippedRun(rt, SkippedRun.Cause.NO_VALID_FILES, "no valid files (all " + byRun.getOrDefault(rt, List.of()).size()
                        + " missing or empty)"));
                continue;
            }
            if (options.minEvents().isPresent()) {
                long sum = valid.stream().mapToLong(p -> events.getOrDefault(p, 0L)).sum();
                if (sum <= options.minEvents().getAsLong()) { // the original keeps "> threshold"
                    dropped.add(new SkippedRun(rt, SkippedRun.Cause.TOO_FEW_EVENTS, "events over its valid files " + sum + " not above " + options.minEvents().getAsLong()));
                    continue;
                }
            }
            List<String> maps = calibrations.stream().map(CalibrationSpec::payloadType)
                    .filter(t -> state.verdicts().containsKey(t) && state.verdicts().get(t).needsMap()).toList();
            tasks.add(new RunTask(rt, valid, maps.isEmpty() ? neededOf(state) : maps));
        }
        if (tasks.size() > options.maxRuns()) {
            throw new CaloException("too many runs: " + tasks.size() + " runs of " + options.runType().name()
                    + " need maps, more than the limit of " + options.maxRuns() + " (raise it only if that is really meant)");
        }
        List<String> types = calibrations.stream().map(CalibrationSpec::payloadType).toList();
        return new Plan(id(options, types, tasks), options, types, catalog, cdb, created, demo, List.copyOf(byRun.keySet()),
                needingMaps(states), tasks, deferred, dropped, upToDate, missing);
    }

    /** The payload types of a state that need a map (verdicts an external filter gave under other names). */
    private static List<String> neededOf(RunCdbState state) {
        return state.verdicts().entrySet().stream().filter(e -> e.getValue().needsMap()).map(Map.Entry::getKey).toList();
    }

    private static String id(PlanOptions o, List<String> types, List<RunTask> tasks) {
        StringBuilder s = new StringBuilder();
        s.append(o.runType()).append('\n').append(o.policy()).append('\n').append(o.minEvents()).append('\n').append(types).append('\n');
        for (RunTask t : tasks) {
            s.append(fingerprint(t)).append('\n');
        }
        return Hashes.of(s);
    }

    /** What a run's map job makes, as a hash: its run, tag, files and maps (a new tag or file set is new work). */
    public static String fingerprint(RunTask t) {
        return Hashes.of(t.runTag().run() + "\n" + t.runTag().tag() + "\n" + String.join("\n", t.files()) + "\n" + t.mapsNeeded());
    }
}
