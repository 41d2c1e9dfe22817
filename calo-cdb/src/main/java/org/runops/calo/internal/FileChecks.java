package org.runops.calo.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether each HIST file is usable, the original's rule: it exists and is not empty. Checked on a
 * bounded pool (file systems like GPFS answer one stat at a time slowly); a stat that fails otherwise
 * or does not answer within the time allowed is undecided, never "missing".
 */
public final class FileChecks {
    private static final AtomicInteger POOLS = new AtomicInteger();

    /** What a file is. */
    public enum Kind { VALID, MISSING, EMPTY, UNDECIDED }

    /** The check of one file. */
    public record Result(Kind kind, String detail) {}

    private FileChecks() {}

    /** Every path's result, in the order given; the whole check takes at most {@code timeout}. */
    public static Map<String, Result> check(List<String> paths, int parallelism, Duration timeout) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
        Map<String, Result> results = new LinkedHashMap<>();
        if (paths.isEmpty()) {
            return results;
        }
        int pool = POOLS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(Math.min(parallelism, paths.size()), r -> {
            Thread t = new Thread(r, "runops-calo-filecheck-" + pool + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Callable<Result>> tasks = new ArrayList<>(paths.size());
            paths.forEach(p -> tasks.add(() -> one(p)));
            List<Future<Result>> futures = executor.invokeAll(tasks, timeout.toMillis(), TimeUnit.MILLISECONDS);
            for (int i = 0; i < paths.size(); i++) {
                results.put(paths.get(i), outcome(futures.get(i), timeout));
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            paths.forEach(p -> results.putIfAbsent(p, new Result(Kind.UNDECIDED, "interrupted before " + p + " was checked")));
            return results;
        } finally {
            executor.shutdownNow();
        }
    }

    private static Result outcome(Future<Result> f, Duration timeout) throws InterruptedException {
        try {
            return f.get();
        } catch (CancellationException e) {
            return new Result(Kind.UNDECIDED, "not checked within " + timeout);
        } catch (ExecutionException e) {
            return new Result(Kind.UNDECIDED, String.valueOf(e.getCause()));
        }
    }

    private static Result one(String path) {
        try {
            return Files.size(Path.of(path)) > 0 ? new Result(Kind.VALID, "") : new Result(Kind.EMPTY, path + " is empty");
        } catch (NoSuchFileException e) {
            return new Result(Kind.MISSING, path + " does not exist");
        } catch (IOException | RuntimeException e) {
            return new Result(Kind.UNDECIDED, "cannot look at " + path + ": " + e);
        }
    }
}
