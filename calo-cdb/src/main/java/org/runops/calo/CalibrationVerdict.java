package org.runops.calo;

import java.util.Objects;
import java.util.Optional;

/**
 * What the CDB holds for one calibration of one run.
 *
 * @param kind     the verdict
 * @param foundTag for {@link Kind#OUTDATED}, the tag found in the payload's file name, when it has one
 * @param detail   the CDB's answer in words (the payload URL, or why there is none)
 */
public record CalibrationVerdict(Kind kind, Optional<String> foundTag, String detail) {

    /** The verdict kinds. */
    public enum Kind {
        /** The payload's file name ends with the expected suffix for the run's tag. */
        UP_TO_DATE,
        /** No payload of that type covers the run. */
        MISSING,
        /** A payload covers the run, made from another tag (or not named as a map job names it). */
        OUTDATED,
        /** An external filter said the run needs maps without saying which (the FilterDatasets contract). */
        NEEDED
    }

    public CalibrationVerdict {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(foundTag, "foundTag");
        Objects.requireNonNull(detail, "detail");
    }

    /** Whether a map job must make this calibration. */
    public boolean needsMap() {
        return kind != Kind.UP_TO_DATE;
    }
}
