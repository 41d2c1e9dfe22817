package org.runops.runregistry;

import java.time.Duration;
import java.util.Objects;

/**
 * How the JSON portal is polled.
 *
 * @param pollInterval the wait between two polls (the Python client's 15 s)
 * @param deadline     the longest the whole job may take, from submission; then a timeout error (the job may still
 *                     finish on the server)
 */
public record JsonPortalOptions(Duration pollInterval, Duration deadline) {
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(15);
    public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(30);

    public JsonPortalOptions {
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(deadline, "deadline");
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("poll interval must be positive, got " + pollInterval);
        }
        if (deadline.compareTo(pollInterval) < 0) {
            throw new IllegalArgumentException("deadline " + deadline + " is shorter than one poll interval " + pollInterval);
        }
    }

    /** 15 s between polls, 30 min in all. */
    public static JsonPortalOptions defaults() {
        return new JsonPortalOptions(DEFAULT_POLL_INTERVAL, DEFAULT_DEADLINE);
    }

    public JsonPortalOptions withPollInterval(Duration interval) {
        return new JsonPortalOptions(interval, deadline);
    }

    public JsonPortalOptions withDeadline(Duration limit) {
        return new JsonPortalOptions(pollInterval, limit);
    }
}
