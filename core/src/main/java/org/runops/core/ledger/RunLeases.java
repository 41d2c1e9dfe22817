package org.runops.core.ledger;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.runops.core.RegularFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-run leases in a directory shared by every host that works on the same storage: a lease file
 * {@code run<N>.lease} created with CREATE_NEW, holding host, pid, start and heartbeat. A lease whose
 * heartbeat is older than the TTL is stale (its holder died) and can be taken over; the takeover moves
 * the stale file aside atomically first, so of two hosts that both saw it stale exactly one wins, and
 * gives the new lease the next generation.
 *
 * <p>Every change of a lease that depends on what the file said — a takeover, a heartbeat, a release — is
 * made under one lock of the directory ({@code .lock}: an OS file lock between processes, a
 * {@link ReentrantLock} per directory between the threads of one JVM, since OS file locks are per JVM),
 * and the check is made again under it: a holder that stalled between its check and its write can no
 * longer overwrite or delete the lease its successor took.
 *
 * <p>Liveness does not depend on the holder's working thread: {@link RunLease#keepAlive} renews the lease
 * from a thread of its own, and {@link LeaseKeeper} renews it from beside a child process for exactly as
 * long as that process lives (so an analysis outliving a killed holder keeps its run). A lease is no fence
 * by itself: a holder that stalled past the TTL may still believe it holds the run, so whoever records a
 * result checks {@link RunLease#isOwned()} under the same lock as the record (see strip's StripLedgers).
 *
 * <pre>{@code
 * RunLeases leases = RunLeases.in(dir, "srv-s2b17-29-01", ProcessHandle.current().pid(), Duration.ofMinutes(30), clock);
 * try (RunLease lease = leases.tryAcquire(338999).orElse(null)) { lease.keepAlive(ttl.dividedBy(3)); ... }
 * }</pre>
 */
public final class RunLeases {
    private static final Logger LOG = LoggerFactory.getLogger(RunLeases.class);
    private static final Pattern LEASE_FILE = Pattern.compile("run(\\d{1,18})\\.lease");
    /** The lock file of a lease directory (never matches {@link #LEASE_FILE}). */
    static final String LOCK_FILE = ".lock";
    /** One in-JVM lock per lease directory, shared by every RunLeases of it: an OS file lock is the JVM's, not the thread's. */
    private static final ConcurrentMap<Path, ReentrantLock> IN_JVM = new ConcurrentHashMap<>();

    private final Path directory;
    private final String host;
    private final long pid;
    private final Duration ttl;
    private final Clock clock;
    /** Tests only: run between a check and the act it permits, inside the lock. */
    private volatile Runnable betweenCheckAndAct = () -> {};

    private RunLeases(Path directory, String host, long pid, Duration ttl, Clock clock) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.host = Objects.requireNonNull(host, "host");
        this.pid = pid;
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("lease TTL must be positive, got " + ttl);
        }
    }

    public static RunLeases in(Path directory, String host, long pid, Duration ttl, Clock clock) {
        return new RunLeases(directory, host, pid, ttl, clock);
    }

    /** The lease on {@code run}, or empty when another live holder has it. */
    public Optional<RunLease> tryAcquire(long run) {
        Path file = file(run);
        try {
            Files.createDirectories(directory);
            return locked(() -> acquire(run, file));
        } catch (IOException e) {
            throw new LedgerException("cannot take the lease on run " + run + " in " + directory + ": " + e.getMessage(), e);
        }
    }

    private Optional<RunLease> acquire(long run, Path file) throws IOException {
        Optional<RunLease> created = create(run, file, 1);
        if (created.isPresent()) {
            return created;
        }
        Optional<LeaseInfo> holder = holder(run);
        if (holder.isEmpty()) {
            return create(run, file, 1); // released in between
        }
        if (!isStale(holder.get())) {
            LOG.debug("run {} is leased by {} pid {} (heartbeat {})", run, holder.get().host(), holder.get().pid(), holder.get().heartbeat());
            return Optional.empty();
        }
        betweenCheckAndAct.run();
        Path aside = directory.resolve(file.getFileName() + ".stale-" + UUID.randomUUID());
        try {
            Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            return Optional.empty(); // another taker moved it first
        }
        LOG.warn("run {}: took over the stale lease of {} pid {} (last heartbeat {}, TTL {})", run,
                holder.get().host(), holder.get().pid(), holder.get().heartbeat(), ttl);
        Files.deleteIfExists(aside);
        return create(run, file, holder.get().generation() + 1);
    }

    /** Who holds the lease on {@code run}, if anyone. */
    public Optional<LeaseInfo> holder(long run) {
        Path file = file(run);
        try {
            return Optional.of(LeaseInfo.parse(RegularFiles.readString(file), file.toString()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new LedgerException("cannot read lease " + file + ": " + RegularFiles.reason(e), e);
        } catch (LedgerException e) {
            // A lease file cut short by a crash while it was being created: its mtime is its heartbeat.
            return Optional.of(new LeaseInfo(run, "unknown", -1, "unreadable", 1, modified(file), modified(file)));
        }
    }

    /** Every lease in the directory (runs in progress, or whose holder died), in run order. */
    public List<LeaseInfo> held() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<LeaseInfo> held = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Matcher m = LEASE_FILE.matcher(f.getFileName().toString());
                if (m.matches()) {
                    try {
                        holder(Long.parseLong(m.group(1))).ifPresent(held::add); // empty: released meanwhile
                    } catch (RuntimeException e) {
                        // One file nobody can read (a directory, no permission) must not stop every pass.
                        LOG.warn("skipped {} in the lease directory: {}", f, e.getMessage());
                    }
                }
            }
        } catch (IOException e) {
            throw new LedgerException("cannot list the leases in " + directory + ": " + e.getMessage(), e);
        }
        held.sort(Comparator.comparingLong(LeaseInfo::run));
        return held;
    }

    /** A lease is stale when its holder has not sent a heartbeat within the TTL. */
    public boolean isStale(LeaseInfo info) {
        return staleAfter(info).isBefore(clock.instant());
    }

    /** When {@code info} can be taken over if no heartbeat comes before. */
    public Instant staleAfter(LeaseInfo info) {
        return info.heartbeat().plus(ttl);
    }

    public Duration ttl() {
        return ttl;
    }

    /**
     * The lease on {@code run} as another process of the same holder took it (a {@link LeaseKeeper} beside
     * the analysis), or empty when the lease file no longer carries {@code token}.
     */
    public Optional<RunLease> adopt(long run, String token) {
        return holder(run).filter(h -> h.token().equals(token)).map(h -> new RunLease(this, file(run), h));
    }

    /** Deletes the lease on {@code run} whoever holds it: only for a run already recorded, whose lease a crash left behind. */
    public boolean release(long run) {
        try {
            return locked(() -> Files.deleteIfExists(file(run)));
        } catch (IOException e) {
            throw new LedgerException("cannot release lease " + file(run) + ": " + e.getMessage(), e);
        }
    }

    Path directory() {
        return directory;
    }

    /** Tests only: {@code hook} runs between a check and the act it permits (takeover, heartbeat, release), inside the lock. */
    void betweenCheckAndAct(Runnable hook) {
        betweenCheckAndAct = Objects.requireNonNull(hook, "hook");
    }

    /** The in-JVM lock of this directory, shared by every RunLeases of it (tests look at its queue). */
    ReentrantLock inJvmLock() {
        return IN_JVM.computeIfAbsent(directory.toAbsolutePath().normalize(), d -> new ReentrantLock());
    }

    @FunctionalInterface
    interface LockedAction<T> {
        T run() throws IOException;
    }

    /** {@code action} under the lock of the lease directory: in-JVM first, then the OS lock of {@code .lock} (once per thread). */
    <T> T locked(LockedAction<T> action) throws IOException {
        ReentrantLock inJvm = inJvmLock();
        inJvm.lock();
        try {
            if (inJvm.getHoldCount() > 1) {
                return action.run(); // this thread holds the file lock already
            }
            Files.createDirectories(directory);
            Path lockFile = directory.resolve(LOCK_FILE);
            try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                    java.nio.channels.FileLock ignored = FileLocks.lock(ch, lockFile, FileLocks.DEFAULT_WAIT)) {
                return action.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LedgerException("interrupted while waiting for the lock of " + lockFile + "; nothing changed", e);
            }
        } finally {
            inJvm.unlock();
        }
    }

    private Optional<RunLease> create(long run, Path file, long generation) throws IOException {
        Instant now = clock.instant();
        LeaseInfo info = new LeaseInfo(run, host, pid, UUID.randomUUID().toString(), generation, now, now);
        try {
            Files.write(file, info.serialize().getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        } catch (FileAlreadyExistsException e) {
            return Optional.empty();
        }
        return Optional.of(new RunLease(this, file, info));
    }

    private Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    private Path file(long run) {
        return directory.resolve("run" + run + ".lease"); // as LEASE_FILE matches
    }

    Clock clock() {
        return clock;
    }

    /** A held lease; close stops its heartbeat thread and releases it (only if it is still ours). */
    public static final class RunLease implements AutoCloseable {
        private final RunLeases leases;
        private final Path file;
        private LeaseInfo info;
        private ScheduledExecutorService beating; // guarded by this

        private RunLease(RunLeases leases, Path file, LeaseInfo info) {
            this.leases = leases;
            this.file = file;
            this.info = info;
        }

        public LeaseInfo info() {
            return info;
        }

        /**
         * Says this holder is alive.
         *
         * @throws LeaseLostException when the lease is no longer ours (taken over after our heartbeat lapsed)
         * @throws LedgerException when the lease file could not be read or written this time (try again)
         */
        public synchronized void heartbeat() {
            try {
                leases.locked(() -> {
                    requireOwned();
                    leases.betweenCheckAndAct.run();
                    LeaseInfo next = info.beat(leases.clock().instant());
                    // A temp file of its own: the pass and its analysis's keeper renew one lease from two JVMs.
                    AtomicFiles.write(file, next.serialize().getBytes(StandardCharsets.UTF_8));
                    info = next;
                    return null;
                });
            } catch (IOException e) {
                throw new LedgerException("cannot renew lease " + file + ": " + e.getMessage(), e);
            }
        }

        /**
         * Renews the lease every {@code every} from a named daemon thread until {@link #close()}, so a
         * holder whose working thread is stuck (a slow database) keeps its run. Stops on its own, with a
         * warning, once the lease is no longer ours; a renewal that fails otherwise (an I/O error) is logged
         * and tried again at the next beat.
         */
        public synchronized RunLease keepAlive(Duration every) {
            if (beating != null) {
                throw new IllegalStateException("the lease on run " + info.run() + " is already kept alive");
            }
            beating = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "runops-lease-heartbeat-run" + info.run());
                t.setDaemon(true);
                return t;
            });
            long ms = Math.max(1, every.toMillis());
            beating.scheduleWithFixedDelay(this::beatOrStop, ms, ms, TimeUnit.MILLISECONDS);
            return this;
        }

        private synchronized void beatOrStop() {
            if (beating == null) {
                return; // closed while this beat waited for the lock
            }
            try {
                heartbeat();
            } catch (LeaseLostException e) {
                LOG.warn("run {}: heartbeat stopped: {}", info.run(), e.getMessage());
                throw e; // ends the schedule
            } catch (RuntimeException e) {
                // Not a takeover (NFS hiccup, full disk): the next beat tries again, well within the TTL.
                LOG.warn("run {}: heartbeat failed, trying again in the next beat: {}", info.run(), e.getMessage());
            }
        }

        /** Where the lease lives: a {@link LeaseKeeper} renews it from there. */
        RunLeases leases() {
            return leases;
        }

        /** Whether the lease file still carries our token. */
        public boolean isOwned() {
            return leases.holder(info.run()).map(h -> h.token().equals(info.token())).orElse(false);
        }

        @Override
        public synchronized void close() {
            if (beating != null) {
                beating.shutdownNow();
                beating = null;
            }
            try {
                leases.locked(() -> {
                    if (isOwned()) {
                        leases.betweenCheckAndAct.run();
                        Files.deleteIfExists(file);
                    }
                    return null;
                });
            } catch (IOException e) {
                throw new LedgerException("cannot release lease " + file + ": " + e.getMessage(), e);
            }
        }

        /**
         * Deletes {@code target} only while this lease is ours, under the lease directory's lock so that no
         * takeover can come between the check and the delete.
         *
         * @throws LeaseLostException when the lease is no longer ours (nothing deleted)
         */
        public boolean deleteIfOwned(Path target) {
            try {
                return leases.locked(() -> {
                    requireOwned();
                    return Files.deleteIfExists(target);
                });
            } catch (IOException e) {
                throw new LedgerException("cannot delete " + target + " for run " + info.run() + ": " + e.getMessage(), e);
            }
        }

        private void requireOwned() {
            if (!isOwned()) {
                throw new LeaseLostException("lease on run " + info.run() + " (" + file + ") is no longer held by this process");
            }
        }
    }
}
