package org.runops.runregistry;

import java.util.Map;
import java.util.Optional;

/**
 * Lumisections {@code start..end}, both inclusive and 1-based, as the {@code *_ranges} endpoints and golden
 * JSON give them; {@code flags} holds the columns' flags over the whole range (empty in golden JSON).
 *
 * @param start first lumisection, at least 1
 * @param end   last lumisection, at least {@code start}
 * @param flags flag by column ({@code tracker-strip}), constant over the range
 */
public record LumiRange(int start, int end, Map<String, FlagValue> flags) {
    public LumiRange {
        if (start < 1 || end < start) {
            throw new IllegalArgumentException("lumisection range must be 1-based and ascending, got [" + start + ", " + end + "]");
        }
        flags = Map.copyOf(flags);
    }

    /** A range without flags. */
    public LumiRange(int start, int end) {
        this(start, end, Map.of());
    }

    /** How many lumisections the range holds. */
    public int length() {
        return end - start + 1;
    }

    public boolean contains(int lumisection) {
        return lumisection >= start && lumisection <= end;
    }

    /** The flag of {@code column} over this range, if given. */
    public Optional<FlagValue> flag(String column) {
        return Optional.ofNullable(flags.get(column));
    }
}
