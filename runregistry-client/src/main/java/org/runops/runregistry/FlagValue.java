package org.runops.runregistry;

import java.util.Objects;

/**
 * One column's flag on one lumisection or range: {@code {"status": "GOOD", "cause": "UNDEF", "comment": ""}}.
 *
 * @param status  the flag
 * @param cause   the cause given ("" when none; the server often writes {@code UNDEF})
 * @param comment the shifter's comment ("" when none)
 */
public record FlagValue(FlagStatus status, String cause, String comment) {
    public FlagValue {
        Objects.requireNonNull(status, "status");
        cause = cause == null ? "" : cause;
        comment = comment == null ? "" : comment;
    }
}
