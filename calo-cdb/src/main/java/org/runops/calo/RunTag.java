package org.runops.calo;

import java.util.Objects;

/**
 * A run and the production tag whose files stand for it, e.g. {@code 68006 new_newcdbtag_v008}.
 *
 * @param run the run number
 * @param tag the production triplet (the value of the catalogue's tag column)
 */
public record RunTag(long run, String tag) {
    public RunTag {
        if (run <= 0) {
            throw new IllegalArgumentException("run must be positive, got " + run);
        }
        Objects.requireNonNull(tag, "tag");
        if (tag.isBlank() || tag.contains(",") || tag.contains("\n")) {
            throw new IllegalArgumentException("tag of run " + run + " must be non-blank without ',' or newline, got '"
                    + tag + "'");
        }
    }

    /** {@code <run>_<tag>}: the stem of the run's list file, which genStatus splits at the first '_'. */
    public String stem() {
        return run + "_" + tag;
    }
}
