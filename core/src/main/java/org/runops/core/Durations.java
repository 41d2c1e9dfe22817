package org.runops.core;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as operators write them in configuration and on the command line. */
public final class Durations {
    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*([smhd])");

    private Durations() {}

    /**
     * {@code 90s}, {@code 30m}, {@code 24h}, {@code 2d}, or ISO-8601 ({@code PT1H30M}).
     *
     * @throws IllegalArgumentException naming the text and the forms accepted
     */
    public static Duration parse(String text) {
        String v = text.strip();
        Matcher m = SHORT.matcher(v);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: use 90s, 30m, 24h, 2d or ISO-8601 like PT1H30M");
        }
    }

    /** A duration for people: "300ms", "45s", "12m", "26h 5m" rather than PT26H5M. */
    public static String describe(Duration d) {
        if (d.isNegative()) {
            return "-" + describe(d.negated());
        }
        if (d.compareTo(Duration.ofSeconds(1)) < 0) {
            return d.toMillis() + "ms";
        }
        long minutes = d.toMinutes();
        if (minutes < 1) {
            return d.toSeconds() + "s";
        }
        return minutes < 60 ? minutes + "m" : d.toHours() + "h " + d.toMinutesPart() + "m";
    }
}
