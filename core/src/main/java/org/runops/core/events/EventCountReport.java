package org.runops.core.events;

import java.util.List;
import java.util.Objects;

/**
 * The result of one validation: both counts, the verdict and the reason for it in one line.
 */
public record EventCountReport(EventCount expected, EventCount actual, Verdict verdict, String reason) {
    public EventCountReport {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
    }

    /** Problems of both sides, expected first. */
    public List<FileProblem> problems() {
        List<FileProblem> all = new java.util.ArrayList<>(expected.problems());
        all.addAll(actual.problems());
        return List.copyOf(all);
    }

    public boolean passed() {
        return verdict.passed();
    }
}
