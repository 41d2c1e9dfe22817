package org.runops.datalogger;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.runops.core.Durations;

/**
 * The grabbers' time-window rule (spec §2.1): the window ends at {@code --stopat} (local time in the
 * logger's zone; default the last local midnight) and lasts {@code --days + --hours + --minutes +
 * --seconds} (floats; all zero means 1 s) of local wall-clock time, unless {@code --startat} gives its start.
 */
public record GrabWindow(Optional<String> stopAt, Optional<String> startAt, double days, double hours, double minutes, double seconds) {
    private static final DateTimeFormatter LOCAL_STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'+'HH:mm:ss");
    private static final List<DateTimeFormatter> LOCAL_FORMS = List.of(
            new DateTimeFormatterBuilder().appendPattern("yyyy-MM-dd HH:mm:ss")
                    .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd().toFormatter(),
            DateTimeFormatter.ofPattern("yyyy-MM-dd'+'HH:mm:ss"),
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"),
            DateTimeFormatter.ISO_LOCAL_DATE_TIME);

    public GrabWindow {
        Objects.requireNonNull(stopAt, "stopAt");
        Objects.requireNonNull(startAt, "startAt");
        for (double d : new double[] {days, hours, minutes, seconds}) {
            if (!Double.isFinite(d) || d < 0) {
                throw new IllegalArgumentException("window lengths must be finite and not negative: days=" + days + " hours=" + hours
                        + " minutes=" + minutes + " seconds=" + seconds);
            }
        }
    }

    /** The original's default: one day ending at the last local midnight. */
    public static GrabWindow lastDay() {
        return new GrabWindow(Optional.empty(), Optional.empty(), 1, 0, 0, 0);
    }

    /** The length from the four numbers, 1 s when they are all zero (as the original). */
    public Duration length() {
        double total = days * 86400 + hours * 3600 + minutes * 60 + seconds;
        if (total == 0) {
            return Duration.ofSeconds(1);
        }
        return Duration.ofNanos(Math.round(total * 1e9));
    }

    /** The window, reading the clock only for the default stop (today's local midnight in {@code zone}). */
    public TimeWindow resolve(Clock clock, ZoneId zone) {
        Instant stop = stopAt.map(s -> parse(s, zone, "--stopat")).orElseGet(() -> lastMidnight(clock, zone));
        Instant start = startAt.map(s -> parse(s, zone, "--startat")).orElseGet(() -> wallClockMinus(stop, length(), zone));
        if (!stop.isAfter(start) && startAt.isPresent()) {
            throw new IllegalArgumentException("--startat " + startAt.get() + " is not before the stop time "
                    + localStamp(stop, zone) + " (" + zone + ")");
        }
        if (!stop.isAfter(start)) {
            // only a start in a spring gap, moved forward by the gap, can reach the stop
            throw new IllegalArgumentException("the window of " + Durations.describe(length()) + " before the stop time " + localStamp(stop, zone)
                    + " (" + zone + ") falls into the hour the clocks skip when summer time starts, so it would be empty: "
                    + "ask for a longer window, or give its start with --startat");
        }
        return new TimeWindow(start, stop);
    }

    /**
     * {@code t} minus {@code length} on the local wall clock, as the original's timedelta on naive
     * datetimes: one day before midnight is the previous midnight even across a DST change (23 or 25
     * real hours), and every part (days, hours, ...) is wall-clock time. A result inside a spring gap
     * moves forward by the gap, one in the autumn overlap takes the earlier offset.
     */
    static Instant wallClockMinus(Instant t, Duration length, ZoneId zone) {
        return t.atZone(zone).toLocalDateTime().minus(length).atZone(zone).toInstant();
    }

    /** The start of today in {@code zone} (the original's {@code datetime.today()} at 00:00:00). */
    public static Instant lastMidnight(Clock clock, ZoneId zone) {
        return LocalDate.ofInstant(clock.instant(), zone).atStartOfDay(zone).toInstant();
    }

    /**
     * A time as the user wrote it: {@code YYYY-MM-DD hh:mm:ss}, {@code YYYY-MM-DD+hh:mm:ss},
     * {@code YYYY-MM-DD hh:mm}, {@code YYYY-MM-DD}, ISO local ({@code 2020-03-10T00:00}) — all local
     * time in {@code zone} — or ISO with an offset or {@code Z}.
     */
    public static Instant parse(String text, ZoneId zone, String option) {
        String t = text.strip();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException notOffset) {
            // local forms below
        }
        try {
            return ZonedDateTime.parse(t).toInstant();
        } catch (DateTimeParseException notZoned) {
            // local forms below
        }
        for (DateTimeFormatter f : LOCAL_FORMS) {
            try {
                return LocalDateTime.parse(t, f).atZone(zone).toInstant();
            } catch (DateTimeException next) {
                // try the next form
            }
        }
        try {
            return LocalDate.parse(t).atStartOfDay(zone).toInstant();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(option + " '" + text + "' is not a time: expected YYYY-MM-DD hh:mm:ss, YYYY-MM-DD hh:mm, "
                    + "YYYY-MM-DD or ISO-8601 (local time in " + zone + " unless it has an offset)");
        }
    }

    /** The original's window string {@code YYYY-MM-DD+HH:MM:SS} (local wall-clock time in {@code zone}), used in URLs and file names. */
    public static String localStamp(Instant t, ZoneId zone) {
        return LOCAL_STAMP.format(t.atZone(zone));
    }
}
