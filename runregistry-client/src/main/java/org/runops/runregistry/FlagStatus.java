package org.runops.runregistry;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A lumisection's certification flag in one Run Registry column ({@code tracker-strip}, ...). The first six
 * are the statuses a shifter sets; {@link #NO_VALUE_FOUND} appears only in triplet summaries, counting the
 * lumisections with no flag at all (the server spells it {@code "NO VALUE FOUND"}).
 */
public enum FlagStatus {
    GOOD, BAD, STANDBY, EXCLUDED, NOTSET, EMPTY, NO_VALUE_FOUND;

    /** The server's spelling: the name, except {@code "NO VALUE FOUND"}. */
    public String serverName() {
        return this == NO_VALUE_FOUND ? "NO VALUE FOUND" : name();
    }

    /** The status named {@code text}, case-insensitive, spaces or underscores ({@code "no value found"}); empty if none. */
    public static Optional<FlagStatus> lookup(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String n = text.strip().toUpperCase(Locale.ROOT).replace(' ', '_');
        for (FlagStatus s : values()) {
            if (s.name().equals(n)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** {@link #lookup}, or an {@link IllegalArgumentException} listing the statuses. */
    public static FlagStatus parse(String text) {
        Objects.requireNonNull(text, "status");
        return lookup(text).orElseThrow(() -> new IllegalArgumentException("unknown Run Registry status '" + text
                + "' (expected GOOD, BAD, STANDBY, EXCLUDED, NOTSET, EMPTY or NO VALUE FOUND)"));
    }
}
