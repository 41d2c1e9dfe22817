package org.runops.datalogger;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a grab job did: the window, the file it published (none for a dry run, when nothing had data
 * or when the fetch was incomplete: see {@link #incomplete()}), one outcome per device or event with its
 * status and sample count, the parameter-list lines
 * it skipped, and whether it published a draft a killed earlier run had left instead of fetching.
 */
public record GrabResult(TimeWindow window, Optional<Path> file, List<Outcome> outcomes, List<ParamList.Problem> skippedLines,
        boolean resumedDraft) {
    /** One series: its key (device name or {@code Event0c}), how its fetch ended and how many samples it has. */
    public record Outcome(String key, FetchStatus status, int samples) {
        public Outcome {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(status, "status");
        }

        public static Outcome of(TimeSeries series) {
            return new Outcome(series.request().device().text(), series.status(), series.size());
        }
    }

    public GrabResult {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(file, "file");
        outcomes = List.copyOf(outcomes);
        skippedLines = List.copyOf(skippedLines);
    }

    /** Whether some device or event ended in ERROR or PARTIAL (the CLI's exit code 1). */
    public boolean hasFailures() {
        return outcomes.stream().anyMatch(o -> o.status().kind() == FetchStatus.Kind.ERROR || o.status().kind() == FetchStatus.Kind.PARTIAL);
    }

    /** The devices whose fetch could not be completed (some chunks still missing after their retries). */
    public List<Outcome> incomplete() {
        return outcomes.stream().filter(o -> o.status().incomplete()).toList();
    }

    /**
     * Why nothing was published, when {@link #incomplete()} held the file back: the devices (or events) and
     * their missing chunks, and what a rerun does.
     */
    public String incompleteReport() {
        List<Outcome> missing = incomplete();
        StringBuilder s = new StringBuilder("fetch over " + window + " incomplete, nothing published: " + missing.size()
                + " series could not be fetched completely (try again later):");
        for (Outcome o : missing) {
            s.append("\n  ").append(o.key()).append(": ").append(o.status());
        }
        return s.append("\nwhat arrived is kept; a rerun fetches only the missing ones (--publish-incomplete publishes what arrived)")
                .toString();
    }

    public long totalSamples() {
        return outcomes.stream().mapToLong(Outcome::samples).sum();
    }
}
