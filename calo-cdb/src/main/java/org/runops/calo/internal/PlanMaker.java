package org.runops.calo.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.runops.calo.CaloException;
import org.runops.calo.PlanStepException;
import org.runops.calo.CalibrationSpec;
import org.runops.calo.CatalogFile;
import org.runops.calo.FileValidation;
import org.runops.calo.Plan;
import org.runops.calo.PlanOptions;
import org.runops.calo.RunCdbState;
import org.runops.calo.RunTag;
import org.runops.calo.RunTask;
import org.runops.calo.SkippedRun;

/** The decide step of a plan: pure, from catalogue rows, CDB verdicts and file checks to a {@link Plan}. */
public final class PlanMaker {
    private PlanMaker() {}

    /** The catalogue's files per run (one winning tag each), by run; sorted by path, one per path (replicas). */
    public static Map<RunTag, List<CatalogFile>> filesByRun(List<CatalogFile> files, String catalog) {
        Map<Long, RunTag> tags = new TreeMap<>();
        Map<RunTag, Map<String, CatalogFile>> byRun = new TreeMap<>(Comparator.comparingLong(RunTag::run));
        for (CatalogFile f : files) {
            RunTag previous = tags.putIfAbsent(f.run(), f.runTag());
            if (previous != null && !previous.equals(f.runTag())) {
                throw new CaloException(catalog + " returned tags " + previous.tag() + " and " + f.tag() + " for run " + f.run()
                        + "; expected the winning tag only");
            }
            byRun.computeIfAbsent(f.runTag(), k -> new TreeMap<>()).putIfAbsent(f.path(), f);
        }
        Map<RunTag, List<CatalogFile>> out = new LinkedHashMap<>();
        byRun.forEach((rt, paths) -> out.put(rt, List.copyOf(paths.values())));
        return out;
    }

    /** The runs the CDB says need maps, in the order asked. */
    public static List<RunTag> needingMaps(List<RunCdbState> states) {
        return states.stream().filter(s -> s.undecided().isEmpty() && s.needsMaps()).map(RunCdbState::runTag).toList();
    }

    /**
     * The plan.
     *
     * @param states     one CDB state per run of {@code byRun}, in its order
     * @param validation the check of every file of the runs needing maps
     */
    public static Plan decide(PlanOptions options, List<CalibrationSpec> calibrations, String catalog, String cdb, Instant created,
            boolean demo, Map<RunTag, List<CatalogFile>> byRun, List<RunCdbState> states, FileValidation validation) {
        Set<String> valid = new HashSet<>();
        validation.valid().forEach(f -> valid.add(f.path()));
        Set<String> missing = new HashSet<>(validation.missingPaths());
        Map<String, String> undecided = new HashMap<>();
        validation.undecided().forEach(p -> undecided.put(p.file().path(), p.reason()));
        List<RunTask> tasks = new ArrayList<>();
        List<SkippedRun> deferred = new ArrayList<>();
        List<SkippedRun> dropped = new ArrayList<>();
        List<RunTag> upToDate = new ArrayList<>();
        List<String> missingFiles = new ArrayList<>();
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
            List<CatalogFile> files = byRun.getOrDefault(rt, List.of());
            List<CatalogFile> good = files.stream().filter(f -> valid.contains(f.path())).toList();
            files.stream().map(CatalogFile::path).filter(missing::contains).forEach(missingFiles::add);
            List<String> unchecked = files.stream().map(CatalogFile::path).filter(p -> !valid.contains(p) && !missing.contains(p))
                    .map(p -> p + ": " + undecided.getOrDefault(p, "not checked")).toList();
            if (!unchecked.isEmpty()) {
                deferred.add(new SkippedRun(rt, SkippedRun.Cause.FILES_UNDECIDED, unchecked.size() + " file check(s) undecided, e.g. "
                        + unchecked.get(0)));
                continue;
            }
            if (good.isEmpty()) {
                dropped.add(new SkippedRun(rt, SkippedRun.Cause.NO_VALID_FILES, "no valid files (all " + files.size()
                        + " missing or empty)"));
                continue;
            }
            if (options.minEvents().isPresent()) {
                long sum = good.stream().mapToLong(f -> f.events().orElse(0)).sum();
                if (sum <= options.minEvents().getAsLong()) { // the original keeps "> threshold"
                    dropped.add(new SkippedRun(rt, SkippedRun.Cause.TOO_FEW_EVENTS, "events over its valid files " + sum + " not above "
                            + options.minEvents().getAsLong()));
                    continue;
                }
            }
            // plan() checked that the verdicts are exactly the calibrations asked for
            List<String> maps = calibrations.stream().map(CalibrationSpec::payloadType).filter(t -> state.verdicts().get(t).needsMap()).toList();
            tasks.add(new RunTask(rt, good.stream().map(CatalogFile::path).toList(), maps));
        }
        if (tasks.size() > options.maxRuns()) {
            throw new PlanStepException(PlanStepException.Step.TOO_MANY_RUNS, "too many runs: " + tasks.size() + " runs of "
                    + options.runType().name()
                    + " need maps, more than the limit of " + options.maxRuns() + " (raise it only if that is really meant)", null);
        }
        List<String> types = calibrations.stream().map(CalibrationSpec::payloadType).toList();
        return new Plan(id(options, types, tasks), options, types, catalog, cdb, created, demo, List.copyOf(byRun.keySet()),
                needingMaps(states), tasks, deferred, dropped, upToDate, missingFiles);
    }

    private static String id(PlanOptions o, List<String> types, List<RunTask> tasks) {
        StringBuilder s = new StringBuilder();
        s.append(o.runType()).append('\n').append(o.policy()).append('\n').append(o.minEvents()).append('\n').append(types).append('\n');
        for (RunTask t : tasks) {
            s.append(fingerprint(t)).append('\n');
        }
        return Hashes.of(s);
    }

    /**
     * What a run's map job makes, as a hash: its run, tag, logical files and maps (a new tag or file set is new
     * work). Files count by name (the catalogue's lfn), not path, so another replica of the same file is not.
     */
    public static String fingerprint(RunTask t) {
        List<String> lfns = t.files().stream().map(f -> f.substring(f.lastIndexOf('/') + 1)).sorted().toList();
        return Hashes.of(t.runTag().run() + "\n" + t.runTag().tag() + "\n" + String.join("\n", lfns) + "\n" + t.mapsNeeded());
    }
}
