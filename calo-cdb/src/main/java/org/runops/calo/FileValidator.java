package org.runops.calo;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.runops.core.Durations;
import org.runops.core.RegularFiles;
import org.runops.core.exec.NamedThreads;

/**
 * Checks that catalogued files are usable: they exist and hold bytes (size &gt; 0), as the original's
 * validity step does, checked in parallel on a bounded pool of daemon threads (a stat on a hung network
 * file system cannot be interrupted; daemon threads never keep the JVM alive for it).
 *
 * <pre>{@code
 * FileValidation v = FileValidator.defaults().validate(files);
 * v.valid(); v.missingPaths(); v.undecided();
 * }</pre>
 *
 * An absent path (or one that cannot name a file) is missing; any other I/O error (permission denied, a
 * symbolic-link loop, an I/O error) or no answer within the timeout is undecided, not missing: the house
 * rule is that a check that could not decide condemns nothing.
 */
public final class FileValidator {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final int parallelism;
    private final Duration timeout;

    private FileValidator(int parallelism, Duration timeout) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
        if (Objects.requireNonNull(timeout, "timeout").isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + Durations.describe(timeout));
        }
        this.parallelism = parallelism;
        this.timeout = timeout;
    }

    /** One thread per available core (the original's {@code cpu_count()} pool), {@link #DEFAULT_TIMEOUT} for the whole check. */
    public static FileValidator defaults() {
        return create(Runtime.getRuntime().availableProcessors(), DEFAULT_TIMEOUT);
    }

    /** At most {@code parallelism} checks at once; files not answered within {@code timeout} (for the whole list) are undecided. */
    public static FileValidator create(int parallelism, Duration timeout) {
        return new FileValidator(parallelism, timeout);
    }

    private enum Kind { VALID, MISSING, UNDECIDED }

    private record Check(Kind kind, String reason) {}

    /** Checks every file; the result keeps input order within each list. */
    public FileValidation validate(List<CatalogFile> files) {
        List<CatalogFile> input = List.copyOf(files);
        List<CatalogFile> valid = new ArrayList<>();
        List<FileValidation.Problem> missing = new ArrayList<>();
        List<FileValidation.Problem> undecided = new ArrayList<>();
        if (input.isEmpty()) {
            return new FileValidation(valid, missing, undecided);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, input.size()),
                NamedThreads.daemon("runops-file-check-" + POOLS.incrementAndGet()));
        try {
            List<Future<Check>> checks = new ArrayList<>(input.size());
            input.forEach(f -> checks.add(pool.submit(() -> check(f.path()))));
            pool.shutdown();
            long deadline = System.nanoTime() + timeout.toNanos();
            for (int i = 0; i < input.size(); i++) {
                Check c = await(checks.get(i), deadline);
                switch (c.kind()) {
                    case VALID -> valid.add(input.get(i));
                    case MISSING -> missing.add(new FileValidation.Problem(input.get(i), c.reason()));
                    case UNDECIDED -> undecided.add(new FileValidation.Problem(input.get(i), c.reason()));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CaloException("interrupted while checking " + input.size() + " files", e);
        } finally {
            pool.shutdownNow();
        }
        return new FileValidation(valid, missing, undecided);
    }

    private Check await(Future<Check> check, long deadline) throws InterruptedException {
        try {
            return check.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            check.cancel(true);
            return new Check(Kind.UNDECIDED, "no answer within " + Durations.describe(timeout));
        } catch (ExecutionException e) {
            return new Check(Kind.UNDECIDED, String.valueOf(e.getCause()));
        }
    }

    /** One file's verdict. */
    private static Check check(String path) {
        Path p;
        try {
            p = Path.of(path);
        } catch (InvalidPathException e) {
            return new Check(Kind.MISSING, "not a valid path: " + e.getMessage());
        }
        RegularFiles.Presence presence = RegularFiles.presence(p);
        return new Check(switch (presence.kind()) {
            case PRESENT -> Kind.VALID;
            case ABSENT_OR_EMPTY -> Kind.MISSING;
            case UNREADABLE -> Kind.UNDECIDED;
        }, presence.detail());
    }

    @Override
    public String toString() {
        return "FileValidator[parallelism=" + parallelism + ", timeout=" + Durations.describe(timeout) + "]";
    }
}
