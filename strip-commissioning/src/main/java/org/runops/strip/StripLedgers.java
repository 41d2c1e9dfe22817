package org.runops.strip;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.runops.core.RegularFiles;
import org.runops.core.ledger.AtomicFiles;
import org.runops.core.ledger.FileLocks;
import org.runops.core.ledger.HistoryLog;
import org.runops.core.ledger.HistoryRecord;
import org.runops.core.ledger.LeaseInfo;
import org.runops.core.ledger.LedgerException;
import org.runops.core.ledger.RunLeases;
import org.runops.core.ledger.RunLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bookkeeping files of one ledger directory, named in one place: {@code analyzedruns.txt},
 * {@code failedruns.txt}, {@code ignoredruns.txt} (the original's format), {@code history.jsonl} and
 * the run leases in {@code leases/}. Opening reads the ledgers; the first append to any of them starts
 * its writer thread, and {@link #close()} stops them all.
 *
 * <p><b>Write order of a run's final decision</b> ({@link #commit}), all but the last step under the
 * directory's commit lock ({@code commit.lock}, an OS file lock, so every process and host sharing the
 * directory takes turns): (1) the fence: the recorder must still hold the run's current lease, and no
 * ledger may hold the run; otherwise nothing is written; (2) {@code commit.intent}: run, ledger and
 * decision, written atomically; (3) the ledger line; (4) the history line; (5) the intent removed; then,
 * after the lock, (6) the lease released. A crash can stop this anywhere; {@link #reconcile} (every pass,
 * and every commit, under the same lock) finishes what it finds: an intent whose ledger line was written
 * but whose history line was not gets a history line with reason {@code RECOVERED}; an intent whose ledger
 * line was not written is dropped (the run comes back next pass); a lease of a run a ledger holds is released.
 */
public final class StripLedgers implements AutoCloseable {
    public static final String GOOD = "analyzedruns.txt";
    public static final String FAILED = "failedruns.txt";
    public static final String IGNORED = "ignoredruns.txt";
    public static final String HISTORY = "history.jsonl";
    public static final String LEASES = "leases";
    static final String COMMIT_LOCK = "commit.lock";
    static final String INTENT = "commit.intent";
    /** How long a commit waits for another process's commit (each holds the lock for a few file writes). */
    static final Duration COMMIT_WAIT = FileLocks.DEFAULT_WAIT;
    private static final Logger LOG = LoggerFactory.getLogger(StripLedgers.class);
    /** File locks are per JVM: threads of one JVM take turns on this first (see AppendOnlyFile). */
    private static final ConcurrentMap<Path, ReentrantLock> IN_JVM = new ConcurrentHashMap<>();

    /** What a commit did. */
    enum Committed { RECORDED, LEASE_LOST, ALREADY_RECORDED }

    /** What a commit did, and in words why when it recorded nothing. */
    record Commit(Committed outcome, String detail) {
        Commit {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(detail, "detail");
        }
    }

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

    /**
     * Records {@code record} (a run's final decision) in {@code ledger} with {@code fields}, then in the
     * history, in the order the class comment gives, fenced by {@code lease} (empty for decisions taken
     * without one: modes never analysed, zero-event runs).
     */
    Commit commit(RunLedger ledger, List<String> fields, HistoryRecord record, Optional<RunLeases.RunLease> lease, RunLeases leases) {
        long run = record.run();
        return underCommitLock(() -> {
            finishIntent(record.time());
            if (lease.isPresent() && !lease.get().isOwned()) {
                String to = leases.holder(run).map(h -> h.host() + " pid " + h.pid() + " (generation " + h.generation() + ")")
                        .orElseGet(() -> takenBy(run));
                return new Commit(Committed.LEASE_LOST, "lease lost to " + to + " while this process (generation "
                        + lease.get().info().generation() + ") worked on the run; nothing recorded");
            }
            Optional<Path> recordedIn = recordedIn(run);
            if (recordedIn.isPresent()) {
                return new Commit(Committed.ALREADY_RECORDED, "in " + recordedIn.get().getFileName() + " by another process");
            }
            writeIntent(new Intent(run, ledger.file().getFileName().toString(), record.decision(), record.host(), record.time(),
                    record.reason()));
            CrashPoints.reached("intent-written");
            ledger.append(run, fields.toArray(String[]::new));
            CrashPoints.reached("ledger-written");
            history.append(record);
            CrashPoints.reached("history-written");
            deleteIntent();
            return new Commit(Committed.RECORDED, "");
        });
    }

    /**
     * Finishes what a crash left: a commit cut short (see the class comment), and leases of runs a ledger
     * holds (released). Returns the runs whose history line was recovered.
     */
    List<Long> reconcile(RunLeases leases, Instant now) {
        if (!Files.isDirectory(directory)) {
            return List.of(); // nothing written yet: nothing to finish, and a pass that stops early leaves no trace
        }
        return underCommitLock(() -> {
            List<Long> recovered = new ArrayList<>(finishIntent(now).stream().toList());
            for (LeaseInfo held : leases.held()) {
                Optional<Path> recordedIn = recordedIn(held.run());
                if (recordedIn.isPresent() && leases.release(held.run())) {
                    LOG.warn("run {}: released the lease of {} pid {}: the run is already in {} (a pass stopped before releasing it)",
                            held.run(), held.host(), held.pid(), recordedIn.get().getFileName());
                }
            }
            return recovered;
        });
    }

    /** Who took a run over and has released its lease since: the recorder, as the ledgers and history say. */
    private String takenBy(long run) {
        Optional<Path> recordedIn = recordedIn(run);
        if (recordedIn.isEmpty()) {
            return "nobody (released)";
        }
        List<HistoryRecord> records = history.forRun(run);
        String host = records.isEmpty() ? "another process" : records.get(records.size() - 1).host();
        return host + ", which recorded it in " + recordedIn.get().getFileName();
    }

    /** The ledger holding {@code run}, after reading what every process appended since. */
    Optional<Path> recordedIn(long run) {
        for (RunLedger ledger : List.of(good, failed, ignored)) {
            ledger.refresh();
            if (ledger.contains(run)) {
                return Optional.of(ledger.file());
            }
        }
        return Optional.empty();
    }

    /** Completes or drops an intent a crashed commit left; the run whose history line it recovered, if any. */
    private Optional<Long> finishIntent(Instant now) {
        Path file = directory.resolve(INTENT);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Intent intent;
        try {
            intent = Intent.parse(RegularFiles.readString(file)); // a FIFO here must not block every commit
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: unreadable ({}); dropped: its run, if unrecorded, comes back next pass", file, e.getMessage());
            deleteIntent();
            return Optional.empty();
        }
        Optional<Long> recovered = Optional.empty();
        RunLedger ledger = List.of(good, failed, ignored).stream().filter(l -> l.file().getFileName().toString().equals(intent.ledger()))
                .findFirst().orElse(null);
        if (ledger != null) {
            ledger.refresh();
        }
        boolean inLedger = ledger != null && ledger.contains(intent.run());
        boolean inHistory = history.forRun(intent.run()).stream().anyMatch(intent::wrote);
        if (inLedger && !inHistory) {
            history.append(new HistoryRecord(now, intent.host(), intent.run(), intent.decision(), Reason.RECOVERED + ": "
                    + intent.reason() + " (the pass that wrote the " + intent.ledger()
                    + " line stopped before this history line; written by the next pass)", Map.of(), Map.of()));
            recovered = Optional.of(intent.run());
            LOG.warn("run {}: recovered the {} history line a stopped pass did not write", intent.run(), intent.decision());
        } else if (!inLedger) {
            LOG.warn("run {}: a pass stopped before its {} line; nothing was recorded, the run comes back next pass",
                    intent.run(), intent.ledger());
        }
        deleteIntent();
        return recovered;
    }

    private void writeIntent(Intent intent) {
        try {
            AtomicFiles.write(directory.resolve(INTENT), intent.serialize().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new LedgerException("cannot write " + directory.resolve(INTENT) + ": " + e.getMessage(), e);
        }
    }

    private void deleteIntent() {
        try {
            Files.deleteIfExists(directory.resolve(INTENT));
        } catch (IOException e) {
            throw new LedgerException("cannot remove " + directory.resolve(INTENT) + ": " + e.getMessage(), e);
        }
    }

    private <T> T underCommitLock(Supplier<T> work) {
        // Cleared around the file work (a channel closes itself on an interrupt), set again after.
        boolean interrupted = Thread.interrupted();
        ReentrantLock local = IN_JVM.computeIfAbsent(directory.toAbsolutePath().normalize(), d -> new ReentrantLock());
        long deadline = System.nanoTime() + COMMIT_WAIT.toNanos();
        try {
            if (!local.tryLock(COMMIT_WAIT.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new LedgerException("waited " + COMMIT_WAIT + " for the commit lock of " + directory + " in this JVM");
            }
            try {
                Files.createDirectories(directory);
                Path lockFile = directory.resolve(COMMIT_LOCK);
                if (Files.exists(lockFile, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    RegularFiles.require(lockFile); // opening a FIFO would block while this JVM's commit lock is held
                }
                try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                        FileLock lock = FileLocks.lock(ch, directory.resolve(COMMIT_LOCK),
                                Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                    return work.get();
                }
            } finally {
                local.unlock();
            }
        } catch (IOException e) {
            throw new LedgerException("cannot take the commit lock " + directory.resolve(COMMIT_LOCK) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            interrupted = true;
            throw new LedgerException("interrupted while waiting for the commit lock of " + directory, e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A commit under way, as {@code commit.intent} holds it. */
    private record Intent(long run, String ledger, String decision, String host, Instant time, String reason) {
        String serialize() {
            // The reason may hold anything; it goes last and takes the rest of the file.
            return "run=" + run + "\nledger=" + ledger + "\ndecision=" + decision + "\nhost=" + host + "\ntime=" + time
                    + "\nreason=" + reason;
        }

        static Intent parse(String text) {
            String[] lines = text.split("\n", 6);
            if (lines.length < 6) {
                throw new IllegalArgumentException("expected 6 fields, got " + lines.length);
            }
            return new Intent(Long.parseLong(value(lines[0], "run")), value(lines[1], "ledger"), value(lines[2], "decision"),
                    value(lines[3], "host"), Instant.parse(value(lines[4], "time")), value(lines[5], "reason"));
        }

        /** The history line this commit writes: an older line of the run (re-analysed by an operator) is not it. */
        boolean wrote(HistoryRecord r) {
            return r.decision().equals(decision) && r.time().equals(time) && r.host().equals(host);
        }

        private static String value(String line, String key) {
            if (!line.startsWith(key + "=")) {
                throw new IllegalArgumentException("expected " + key + "=..., got '" + line + "'");
            }
            return line.substring(key.length() + 1);
        }
    }

    @Override
    public void close() {
        try (good; failed; ignored; history) {
            // closes each, even when one fails
        }
    }
}
