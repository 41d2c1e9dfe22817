package org.runops.calo;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a plan found and decided, before anything is written or submitted. Same catalogue rows, CDB
 * verdicts and options give the same {@link #id()}.
 *
 * @param id           hash of the run type, policy, threshold, calibrations and every task's run, tag, files and maps
 * @param options      what was planned for
 * @param calibrations the payload types asked for, in order
 * @param catalog      which catalogue was read ({@link FileCatalog#describe()})
 * @param cdb          which CDB was asked ({@link CdbLookup#describe()})
 * @param created      when (from the planner's clock)
 * @param demo         whether the catalogue and CDB are demo data (then nothing is submitted to a real batch system)
 * @param catalogRuns  every run of the catalogue with its winning tag, by run ({@code <runtype>.csv})
 * @param needingMaps  the runs the CDB says need maps, by run ({@code <runtype>-process.csv})
 * @param tasks        the runs to process, by run
 * @param deferred     runs not decided (the CDB or a file check could not answer): neither planned nor dropped
 * @param dropped      runs needing maps that cannot be processed (no valid files, too few events)
 * @param upToDate     runs whose maps are all up to date
 * @param missingFiles files of runs needing maps that do not exist or are empty ({@code <runtype>-missing.csv})
 */
public record Plan(String id, PlanOptions options, List<String> calibrations, String catalog, String cdb, Instant created,
        boolean demo, List<RunTag> catalogRuns, List<RunTag> needingMaps, List<RunTask> tasks, List<SkippedRun> deferred,
        List<SkippedRun> dropped, List<RunTag> upToDate, List<String> missingFiles) {
    public Plan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(options, "options");
        calibrations = List.copyOf(calibrations);
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(cdb, "cdb");
        Objects.requireNonNull(created, "created");
        catalogRuns = List.copyOf(catalogRuns);
        needingMaps = List.copyOf(needingMaps);
        tasks = List.copyOf(tasks);
        deferred = List.copyOf(deferred);
        dropped = List.copyOf(dropped);
        upToDate = List.copyOf(upToDate);
        missingFiles = List.copyOf(missingFiles);
    }

    /** Whether the CDB decided none of the catalogue's runs (it is down): there were runs, and every one is deferred for it. */
    public boolean cdbDecidedNothing() {
        return !catalogRuns.isEmpty() && deferred.size() == catalogRuns.size()
                && deferred.stream().allMatch(s -> s.cause() == SkippedRun.Cause.CDB_UNDECIDED);
    }

    /** Whether any run needs a map job. */
    public boolean hasWork() {
        return !tasks.isEmpty();
    }
}
