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
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Entry counts of many files at once; on network file systems concurrency hides the per-file read latency. */
public final class RootFiles {

    private RootFiles() {}

    /**
     * Counts {@code tree} in each file with up to {@code parallelism} files open at once.
     * Results come back in the order of {@code files}; a damaged file gives a result with a problem, never an exception.
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
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, paths.size()), new Named());
        try {
            List<Future<RootTreeCount>> futures = new ArrayList<>(paths.size());
            for (Path p : paths) {
                futures.add(pool.submit(() -> entries(p, tree, verification)));
            }
            List<RootTreeCount> out = new ArrayList<>(paths.size());
            for (Future<RootTreeCount> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while counting entries", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("counting entries failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Counts one file; never throws for a damaged file. */
    public static RootTreeCount entries(Path file, String tree) {
        return entries(file, tree, RootFile.Verification.FULL);
    }

    /** Counts one file with the given verification; never throws for a damaged file. */
    public static RootTreeCount entries(Path file, String tree, RootFile.Verification verification) {
        try (RootFile f = RootFile.open(file, verification)) {
            if (f.isZombie()) {
                return new RootTreeCount(file, tree, OptionalLong.empty(), true, f.isRecovered(),
                        Optional.of("zombie: " + f.zombieReason().orElse("")));
            }
            OptionalLong entries;
            try {
                entries = f.entries(tree);
            } catch (RootFormatException e) {
                return new RootTreeCount(file, tree, OptionalLong.empty(), false, f.isRecovered(),
                        Optional.of("unreadable: " + e.getMessage()));
            } catch (java.io.UncheckedIOException e) {
                // A failing disk or network mount is this file's problem, not the whole batch's.
                return new RootTreeCount(file, tree, OptionalLong.empty(), false, f.isRecovered(),
                        Optional.of("read error: " + e.getMessage() + ": " + e.getCause().getMessage()));
            }
            if (entries.isEmpty()) {
                String what = f.key(tree).map(k -> "'" + tree + "' is a " + k.className() + ", not a tree")
                        .orElse("no tree '" + tree + "'");
                return new RootTreeCount(file, tree, entries, false, f.isRecovered(), Optional.of(what));
            }
            Optional<String> problem = f.isRecovered()
                    ? Optional.of("recovered: not closed properly, keys rebuilt by scanning; the count is what was last saved")
                    : Optional.empty();
            return new RootTreeCount(file, tree, entries, false, f.isRecovered(), problem);
        }
    }

    /** Named daemon threads, so a forgotten pool never keeps the JVM alive. */
    private static final class Named implements ThreadFactory {
        private static final AtomicInteger POOL = new AtomicInteger();
        private final int pool = POOL.incrementAndGet();
        private final AtomicInteger thread = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "runops-root-" + pool + "-" + thread.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
