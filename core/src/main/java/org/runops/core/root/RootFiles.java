package org.runops.core.root;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.runops.core.exec.NamedThreads;
import org.runops.core.root.RootTreeCount.Status;

/** Entry counts of many files at once; on network file systems concurrency hides the per-file read latency. */
public final class RootFiles {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private RootFiles() {}

    /**
     * Counts {@code tree} in each file with up to {@code parallelism} files open at once.
     * Results come back in the order of {@code files}; a damaged or unreadable file gives a result with a
     * status saying so, never an exception.
     *
     * @throws RootReadException when the calling thread is interrupted while waiting (its flag is set again)
     */
    public static List<RootTreeCount> entries(List<Path> files, String tree, int parallelism) {
        return entries(files, tree, parallelism, RootFile.Verification.FULL);
    }

    /** {@link #entries(List, String, int)} with a choice of how much of ROOT's opening checks to repeat. */
    public static List<RootTreeCount> entries(List<Path> files, String tree, int parallelism, RootFile.Verification verification) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
        List<Path> paths = List.copyOf(files);
        if (parallelism == 1 || paths.size() <= 1) {
            List<RootTreeCount> out = new ArrayList<>(paths.size());
            for (Path p : paths) {
                out.add(entries(p, tree, verification));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, paths.size()), 
                NamedThreads.daemon("runops-root-" + POOLS.incrementAndGet()));
        try {
            List<Future<RootTreeCount>> futures = new ArrayList<>(paths.size());
            for (Path p : paths) {
                futures.add(pool.submit(() -> entries(p, tree, verification)));
            }
            List<RootTreeCount> out = new ArrayList<>(paths.size());
            for (int i = 0; i < futures.size(); i++) {
                try {
                    out.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    // entries(Path, ...) reports every bad file, so this is a bug: rethrow it as it is
                    e.getCause().addSuppressed(new RootReadException("while counting '" + tree + "' in " + paths.get(i)));
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw (Error) e.getCause();
                }
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RootReadException("interrupted while counting '" + tree + "' in " + paths.size() + " files", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Counts one file; never throws for a damaged or unreadable file. */
    public static RootTreeCount entries(Path file, String tree) {
        return entries(file, tree, RootFile.Verification.FULL);
    }

    /**
     * Counts one file with the given verification; never throws for a damaged or unreadable file.
     * An I/O error or an interrupt is reported as such ({@link RootTreeCount.Status#indeterminate()}),
     * never as damage: the caller must not act on the file's content then.
     */
    public static RootTreeCount entries(Path file, String tree, RootFile.Verification verification) {
        try (RootFile f = RootFile.open(file, verification)) {
            return count(f, tree);
        }
    }

    /** The count of {@code tree} in a file already open. */
    static RootTreeCount count(RootFile f, String tree) {
        Path file = f.path();
        if (f.readFailure().isPresent()) {
            return new RootTreeCount(file, tree, failed(f.readFailure().get()), OptionalLong.empty(), false,
                    f.zombieReason().orElse(""));
        }
        if (f.isZombie()) {
            return new RootTreeCount(file, tree, Status.ZOMBIE, OptionalLong.empty(), f.isRecovered(),
                    "zombie: " + f.zombieReason().orElse(""));
        }
        OptionalLong entries;
        try {
            entries = f.entries(tree);
        } catch (RootFormatException e) {
            return new RootTreeCount(file, tree, Status.UNREADABLE_FORMAT, OptionalLong.empty(), f.isRecovered(),
                    "unreadable: " + e.getMessage());
        } catch (RootReadException e) {
            // A failing disk or network mount is this file's problem, not the whole batch's.
            return new RootTreeCount(file, tree, failed(e), OptionalLong.empty(), f.isRecovered(), e.getMessage());
        }
        if (entries.isEmpty()) {
            Optional<RootKey> key = f.key(tree);
            return key.isPresent()
                    ? new RootTreeCount(file, tree, Status.NOT_A_TREE, entries, f.isRecovered(),
                            "'" + tree + "' is a " + key.get().className() + ", not a tree")
                    : new RootTreeCount(file, tree, Status.NO_SUCH_TREE, entries, f.isRecovered(), "no tree '" + tree + "'");
        }
        return f.isRecovered()
                ? new RootTreeCount(file, tree, Status.RECOVERED, entries, true,
                        "recovered: not closed properly, keys rebuilt by scanning; the count is what was last saved")
                : new RootTreeCount(file, tree, Status.OK, entries, false, "");
    }

    private static Status failed(RootReadException e) {
        return e.missing() ? Status.MISSING : e.interrupted() ? Status.INTERRUPTED : Status.IO_ERROR;
    }
}
