package org.runops.strip;

import java.util.Arrays;
import java.util.Optional;

/**
 * The four tracker partitions. DB partition names carry a date and a version after the prefix
 * ({@code TI_27-JAN-2010_2}); they are matched with startsWith, not the original's substring test
 * (which would match {@code TI} anywhere in the name).
 */
public enum Partition {
    TI,
    TM,
    TO,
    TP;

    /** Whether a DB partition name belongs to this partition. */
    public boolean matches(String dbPartitionName) {
        return dbPartitionName != null && dbPartitionName.startsWith(name());
    }

    /** The partition a DB partition name belongs to, if any. */
    public static Optional<Partition> of(String dbPartitionName) {
        return Arrays.stream(values()).filter(p -> p.matches(dbPartitionName)).findFirst();
    }
}
