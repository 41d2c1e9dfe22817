package org.runops.datalogger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A half-open time window {@code [start, end)} on the UTC time line; local-time rendering is the backend's job. */
public record TimeWindow(Instant start, Instant end) {
    public TimeWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("time window ends (" + end + ") before it starts (" + start + ")");
        }
    }

    public static TimeWindow endingAt(Instant end, Duration length) {
        return new TimeWindow(end.minus(length), end);
    }

    public Duration length() {
        return Duration.between(start, end);
    }

    public boolean contains(Instant t) {
        return !t.isBefore(start) && t.isBefore(end);
    }

    /** Consecutive chunks of at most {@code chunk} that cover this window exactly; the last may be shorter. */
    public List<TimeWindow> split(Duration chunk) {
        if (chunk.isNegative() || chunk.isZero()) {
            throw new IllegalArgumentException("chunk length must be positive: " + chunk);
        }
        List<TimeWindow> chunks = new ArrayList<>();
        for (Instant from = start; from.isBefore(end); from = from.plus(chunk)) {
            Instant to = from.plus(chunk);
            chunks.add(new TimeWindow(from, to.isAfter(end) ? end : to));
        }
        return List.copyOf(chunks);
    }

    @Override
    public String toString() {
        return "[" + start + ", " + end + ")";
    }
}
