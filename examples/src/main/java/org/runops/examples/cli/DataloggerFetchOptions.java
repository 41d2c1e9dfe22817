package org.runops.examples.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.runops.datalogger.FetchOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How the commands that fetch parameter data in chunks ({@code grab-params}, {@code nanny}) run the fetch: a picocli mixin. */
final class DataloggerFetchOptions {
    @Option(names = "--parallelism", defaultValue = "4", paramLabel = "N", description = "Requests in flight at once (default: ${DEFAULT-VALUE}).")
    private int parallelism;

    @Option(names = "--chunk", defaultValue = "1h", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Longer windows are fetched in chunks of this length (default: ${DEFAULT-VALUE}).")
    private Duration chunk;

    @Option(names = "--retries", defaultValue = "3", paramLabel = "N",
            description = "Tries again a chunk that failed (timeout, server error, refused connection) up to N times, waiting 1 s, 2 s, 4 s ... "
                    + "(default: ${DEFAULT-VALUE}).")
    private int retries;

    @Mixin
    private PublishIncompleteOption incomplete;

    boolean publishIncomplete() {
        return incomplete.publishIncomplete;
    }

    /** These options as arguments for another runops command (e.g. a batch job). */
    List<String> args() {
        List<String> args = new ArrayList<>(List.of("--parallelism", Integer.toString(parallelism), "--chunk", chunk.toString(), "--retries",
                Integer.toString(retries)));
        if (publishIncomplete()) {
            args.add("--publish-incomplete");
        }
        return args;
    }

    /** Chunk, parallelism and retries from the options, {@code timeout} per request; backoff and listener as {@link FetchOptions#defaults()}. */
    FetchOptions fetchOptions(Duration timeout) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("--parallelism must be at least 1, got " + parallelism);
        }
        if (retries < 0) {
            throw new IllegalArgumentException("--retries must not be negative, got " + retries);
        }
        FetchOptions defaults = FetchOptions.defaults();
        return defaults.withChunk(chunk).withParallelism(parallelism).withTimeout(timeout).withRetries(retries, defaults.backoff());
    }
}
