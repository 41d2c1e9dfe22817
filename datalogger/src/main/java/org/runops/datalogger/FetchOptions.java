package org.runops.datalogger;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.runops.core.http.Sleeper;

/**
 * How {@link DataLoggerClient#fetchAll} splits and runs a fetch: windows longer than {@code chunk}
 * are fetched chunk by chunk, up to {@code parallelism} requests at a time, each bounded by
 * {@code timeout} and retried up to {@code retries} times with exponential backoff from
 * {@code backoff}. With a {@code checkpoint} directory, finished chunks are kept there so a fetch
 * started again after a kill fetches only the missing ones.
 */
public record FetchOptions(Duration chunk, int parallelism, Duration timeout, int retries, Duration backoff,
        FetchListener listener, Path checkpoint, Sleeper sleeper) {

    public FetchOptions {
        positive(chunk, "chunk");
        positive(timeout, "timeout");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(sleeper, "sleeper");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative: " + retries);
        }
    }

    /** As the canonical constructor, waiting between retries with {@link Sleeper#system()}. */
    public FetchOptions(Duration chunk, int parallelism, Duration timeout, int retries, Duration backoff, FetchListener listener,
            Path checkpoint) {
        this(chunk, parallelism, timeout, retries, backoff, listener, checkpoint, Sleeper.system());
    }

    /** 1 h chunks (as the data nanny), 4 parallel requests, 60 s per request, 3 retries from 1 s, no checkpoint. */
    public static FetchOptions defaults() {
        return new FetchOptions(Duration.ofHours(1), 4, Duration.ofSeconds(60), 3, Duration.ofSeconds(1), FetchListener.none(), null);
    }

    public FetchOptions withChunk(Duration value) {
        return new FetchOptions(value, parallelism, timeout, retries, backoff, listener, checkpoint, sleeper);
    }

    public FetchOptions withParallelism(int value) {
        return new FetchOptions(chunk, value, timeout, retries, backoff, listener, checkpoint, sleeper);
    }

    public FetchOptions withTimeout(Duration value) {
        return new FetchOptions(chunk, parallelism, value, retries, backoff, listener, checkpoint, sleeper);
    }

    public FetchOptions withRetries(int value, Duration firstBackoff) {
        return new FetchOptions(chunk, parallelism, timeout, value, firstBackoff, listener, checkpoint, sleeper);
    }

    public FetchOptions withListener(FetchListener value) {
        return new FetchOptions(chunk, parallelism, timeout, retries, backoff, value, checkpoint, sleeper);
    }

    public FetchOptions withCheckpoint(Path directory) {
        return new FetchOptions(chunk, parallelism, timeout, retries, backoff, listener, directory, sleeper);
    }

    /** How the waits between retries pass; tests record them instead of sleeping. */
    public FetchOptions withSleeper(Sleeper value) {
        return new FetchOptions(chunk, parallelism, timeout, retries, backoff, listener, checkpoint, value);
    }

    public Optional<Path> checkpointDirectory() {
        return Optional.ofNullable(checkpoint);
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }
}
