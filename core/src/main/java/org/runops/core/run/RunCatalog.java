package org.runops.core.run;

import java.util.List;
import java.util.Optional;

/**
 * Where runs come from (OMS, a run database, a directory of run folders). Implementations throw a
 * {@link CatalogException} naming the source when it cannot answer; they never return a partial list.
 */
public interface RunCatalog {

    /** The runs numbered {@code firstRun..lastRun} (both inclusive) that the source knows, ascending. */
    List<RunRecord> runs(long firstRun, long lastRun);

    /** One run, if the source knows it. */
    default Optional<RunRecord> run(long run) {
        return runs(run, run).stream().filter(r -> r.run() == run).findFirst();
    }
}
