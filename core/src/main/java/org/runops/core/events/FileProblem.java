package org.runops.core.events;

import java.nio.file.Path;
import java.util.Objects;

/** Something wrong with one input file, found while counting; reported, never fatal to the whole count. */
public record FileProblem(Path file, String problem) {
    public FileProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(problem, "problem");
    }

    @Override
    public String toString() {
        return file + ": " + problem;
    }
}
