package org.runops.core.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where runs come from: fff run folders ({@link #fff}), the strip RUN database, OMS, ... Every
 * workflow finds its runs through one; {@link #join} merges several by run number. Implementations
 * throw a {@link CatalogException} naming the source when it cannot answer; they never return a
 * partial list.
 *
 * <pre>{@code
 * RunCatalog runs = RunCatalog.join(RunCatalog.fff(Path.of("/raid/fff")), new OmsRunCatalog(oms));
 * for (RunRecord r : runs.runs(338000, 339000)) { r.events(); r.bField(); r.runType(); }
 * }</pre>
 */
public interface RunCatalog {

    /** The runs numbered {@code firstRun..lastRun} (both inclusive) that the source knows, ascending. */
    List<RunRecord> runs(long firstRun, long lastRun);

    /** One run, if the source knows it. */
    default Optional<RunRecord> run(long run) {
        return runs(run, run).stream().filter(r -> r.run() == run).findFirst();
    }

    /**
     * Only the numbers of {@link #runs}, ascending: which runs exist. Backends that can tell that more
     * cheaply than by reading every run's attributes (a folder listing) override it.
     */
    default List<Long> runNumbers(long firstRun, long lastRun) {
        return runs(firstRun, lastRun).stream().map(RunRecord::run).toList();
    }

    /** The {@code run<N>} folders under an fff storage root and their DAQ metadata; see {@link FffRunCatalog}. */
    static FffRunCatalog fff(Path storageRoot) {
        return new FffRunCatalog(storageRoot);
    }

    /**
     * The runs of {@code primary}, each with the attributes of the same run in {@code others} added.
     * The primary decides which runs exist (runs only the others know are left out). On a clash the
     * primary's value wins, then the others' in the order given; start and end come from the first
     * catalogue that knows them, in the same order. Any catalogue that fails fails the whole answer
     * (a {@link CatalogException} naming it): a join never returns a partial result.
     */
    static RunCatalog join(RunCatalog primary, RunCatalog... others) {
        return new JoinedRunCatalog(primary, List.of(others));
    }

    /** The argument check every backend makes: positive, ascending (an {@link IllegalArgumentException} otherwise). */
    static void requireRange(long firstRun, long lastRun) {
        if (firstRun <= 0 || lastRun < firstRun) {
            throw new IllegalArgumentException("run range must be positive and ascending: " + firstRun + ".." + lastRun);
        }
    }
}
