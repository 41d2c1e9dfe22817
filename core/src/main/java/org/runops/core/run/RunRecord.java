package org.runops.core.run;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One run as a catalogue knows it: its number, when it started and ended (absent while it runs or
 * when the source does not say), and the source's other attributes as text, in the source's order.
 *
 * @param run        the run number, positive
 * @param start      start time, or null when unknown
 * @param end        end time, or null while running or unknown
 * @param attributes further attributes by name (for example {@code fill_number}, {@code b_field}); values as text
 */
public record RunRecord(long run, Instant start, Instant end, Map<String, String> attributes) {
    public RunRecord {
        if (run <= 0) {
            throw new IllegalArgumentException("run number must be positive: " + run);
        }
        attributes = Map.copyOf(Objects.requireNonNull(attributes, "attributes"));
    }

    /** The start time, if known. */
    public Optional<Instant> startTime() {
        return Optional.ofNullable(start);
    }

    /** The end time, if the run has ended and the source says when. */
    public Optional<Instant> endTime() {
        return Optional.ofNullable(end);
    }

    /** One attribute, if present. */
    public Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }
}
