package org.runops.core.http;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How often and how patiently to retry connect errors, timeouts, truncated bodies, 429 and 5xx answers:
 * exponential backoff {@code min(maxBackoff, initialBackoff·2^(retry−1))} with equal jitter (half
 * fixed, half random, so retries of many clients spread out but never come back at once), and a
 * server's {@code Retry-After} honoured up to {@code maxRetryAfter}. {@code giveUpAfter} bounds one
 * fetch as a whole: a body that drips in slowly on every attempt fails after that long, not after
 * {@code maxAttempts} call timeouts.
 *
 * @param maxAttempts    attempts in all, including the first (1 = no retry)
 * @param initialBackoff wait before the first retry (before jitter)
 * @param maxBackoff     the longest wait between attempts (before jitter)
 * @param maxRetryAfter  the longest {@code Retry-After} obeyed; longer ones are cut to this
 * @param giveUpAfter    the longest one fetch may take, attempts and waits together (zero = no bound
 *                       beyond each attempt's call timeout)
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter,
        Duration giveUpAfter) {
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        requireNonNegative(initialBackoff, "initialBackoff");
        requireNonNegative(maxBackoff, "maxBackoff");
        requireNonNegative(maxRetryAfter, "maxRetryAfter");
        requireNonNegative(giveUpAfter, "giveUpAfter");
        if (initialBackoff.compareTo(maxBackoff) > 0) {
            throw new IllegalArgumentException("initialBackoff " + initialBackoff + " exceeds maxBackoff " + maxBackoff);
        }
    }

    /** 4 attempts, 500 ms initial backoff, 8 s at most, Retry-After capped at 60 s, 3 min per fetch in all. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(60), Duration.ofMinutes(3));
    }

    /** One attempt, no retry, bounded by the call timeout alone. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    /** This policy with another bound on one whole fetch (zero = none). */
    public RetryPolicy withGiveUpAfter(Duration limit) {
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, maxRetryAfter, limit);
    }

    /** The wait before retry number {@code retry} (1 = the first retry), jittered with {@code random}. */
    public Duration backoff(int retry, RandomGenerator random) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry must be at least 1, got " + retry);
        }
        long initial = initialBackoff.toMillis();
        long max = maxBackoff.toMillis();
        // shifting past 62 bits would overflow; by then the cap applies anyway
        long base = retry > 62 || initial > (max >> (retry - 1)) ? max : Math.min(max, initial << (retry - 1));
        long half = base / 2;
        return Duration.ofMillis(base - half + random.nextLong(half + 1));
    }

    /** A server's Retry-After, cut to {@link #maxRetryAfter} (negative becomes zero). */
    public Duration capRetryAfter(Duration retryAfter) {
        if (retryAfter.isNegative()) {
            return Duration.ZERO;
        }
        return retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter;
    }

    private static void requireNonNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, got " + d);
        }
    }
}
