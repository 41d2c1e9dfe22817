package org.runops.datalogger.stats;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** What distilling one file did: how many series it stored, or the problem that kept all of it out. */
public record DistillOutcome(Path file, int series, Optional<String> problem) {
    public DistillOutcome {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(problem, "problem");
    }

    static DistillOutcome stored(Path file, int series) {
        return new DistillOutcome(file, series, Optional.empty());
    }

    static DistillOutcome failed(Path file, String problem) {
        return new DistillOutcome(file, 0, Optional.of(problem));
    }

    public boolean ok() {
        return problem.isEmpty();
    }
}
