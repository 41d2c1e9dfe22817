package org.runops.strip;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One row of the RUN ⋈ PARTITION query (a scope run has one per partition). Times are the DB's
 * naive DATE values in the online DB's local time.
 *
 * @param partitionName full DB partition name, e.g. {@code TI_27-JAN-2010_2}
 * @param runModeCode   RUNMODE; empty when NULL
 * @param start         STARTTIME; null when NULL
 * @param end           ENDTIME; null while the run is still going
 */
public record RunRow(String partitionName, OptionalInt runModeCode, LocalDateTime start, LocalDateTime end) {
    public RunRow {
        Objects.requireNonNull(partitionName, "partitionName");
        Objects.requireNonNull(runModeCode, "runModeCode");
    }
}
