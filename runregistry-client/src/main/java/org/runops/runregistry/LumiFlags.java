package org.runops.runregistry;

import java.util.Map;
import java.util.Optional;

/**
 * The Run Registry flags of one lumisection, by column ({@code tracker-strip} → GOOD).
 *
 * @param lumisection the lumisection number, 1-based
 * @param flags       flag by column
 */
public record LumiFlags(int lumisection, Map<String, FlagValue> flags) {
    public LumiFlags {
        if (lumisection < 1) {
            throw new IllegalArgumentException("lumisection numbers start at 1, got " + lumisection);
        }
        flags = Map.copyOf(flags);
    }

    /** The flag of {@code column} ({@code tracker-strip}), if the lumisection has one. */
    public Optional<FlagValue> flag(String column) {
        return Optional.ofNullable(flags.get(column));
    }
}
