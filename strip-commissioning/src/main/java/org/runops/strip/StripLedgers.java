package org.runops.strip;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.runops.core.ledger.HistoryLog;
import org.runops.core.ledger.RunLeases;
import org.runops.core.ledger.RunLedger;

/**
 * The bookkeeping files of one ledger directory, named in one place: {@code analyzedruns.txt},
 * {@code failedruns.txt}, {@code ignoredruns.txt} (the original's format), {@code history.jsonl} and
 * the run leases in {@code leases/}. Opening reads the ledgers; the first append to any of them starts
 * its writer thread, and {@link #close()} stops them all.
 */
public final class StripLedgers implements AutoCloseable {
    public static final String GOOD = "analyzedruns.txt";
    public static final String FAILED = "failedruns.txt";
    public static final String IGNORED = "ignoredruns.txt";
    public static final String HISTORY = "history.jsonl";
    public static final String LEASES = "leases";

    private final Path directory;
    private final RunLedger good;
    private final RunLedger failed;
    private final RunLedger ignored;
    private final HistoryLog history;

    private StripLedgers(Path directory) {
        this.directory = directory;
        this.good = RunLedger.open(directory.resolve(GOOD));
        this.failed = RunLedger.open(directory.resolve(FAILED));
        this.ignored = RunLedger.open(directory.resolve(IGNORED));
        this.history = HistoryLog.open(directory.resolve(HISTORY));
    }

    /** Reads the ledgers in {@code directory}; missing files are empty ledgers. */
    public static StripLedgers open(Path directory) {
        return new StripLedgers(Objects.requireNonNull(directory, "directory"));
    }

    /** The history log of {@code directory} alone (explain, the daemon's pass records). */
    public static HistoryLog history(Path directory) {
        return HistoryLog.open(directory.resolve(HISTORY));
    }

    /** The run leases of {@code directory}, taken as {@code host}/{@code pid}. */
    public static RunLeases leases(Path directory, String host, long pid, Duration ttl, Clock clock) {
        return RunLeases.in(directory.resolve(LEASES), host, pid, ttl, clock);
    }

    public Path directory() {
        return directory;
    }

    /** {@code analyzedruns.txt}: good and zero-event runs. */
    public RunLedger good() {
        return good;
    }

    /** {@code failedruns.txt}: {@code run<N> <timeValid> <hasEDM> <hasComm> <dbValid>}. */
    public RunLedger failed() {
        return failed;
    }

    /** {@code ignoredruns.txt}: runs whose mode is never analysed. */
    public RunLedger ignored() {
        return ignored;
    }

    public HistoryLog history() {
        return history;
    }

    @Override
    public void close() {
        try (good; failed; ignored; history) {
            // closes each, even when one fails
        }
    }
}
