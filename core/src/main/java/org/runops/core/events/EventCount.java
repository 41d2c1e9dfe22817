package org.runops.core.events;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What one source says about the number of events.
 *
 * @param events   the count, when the source has one
 * @param status   how far the source got
 * @param detail   one line saying where the number came from, or why there is none
 * @param problems per-file problems met on the way (bad {@code .jsn} files, lumisection gaps, ...)
 */
public record EventCount(OptionalLong events, CountStatus status, String detail, List<FileProblem> problems) {
    public EventCount {
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        problems = List.copyOf(problems);
    }
}
