package org.runops.strip;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything gathered about one run before deciding: its RUN rows, the state of its fff directory,
 * and the analysis lock files found.
 *
 * @param run          the run
 * @param rows         the RUN ⋈ PARTITION rows (empty when the DB does not know the run)
 * @param zeroEventRun the directory is a zero-event run (spec §3.4.8)
 * @param locks        analysis lock files present ({@code lock_<P>_<run>} or {@code lock_<P>_<run>.txt})
 */
public record RunFacts(long run, List<RunRow> rows, boolean zeroEventRun, List<Path> locks) {
    public RunFacts {
        rows = List.copyOf(rows);
        locks = List.copyOf(locks);
        Objects.requireNonNull(rows, "rows");
    }
}
