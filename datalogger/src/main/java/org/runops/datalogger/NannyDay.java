package org.runops.datalogger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.runops.core.RegularFiles;

/**
 * One UTC day of the data nanny's chunks: {@code [day 00:00Z, day+1 00:00Z)} cut into chunks of a length that
 * divides 24 h, so every chunk of the day is filed under the day's {@code YYYYMM/DD/} folder
 * ({@link DataFileNames#nannyFile}). UTC has no daylight-saving shifts: every day has the same chunks.
 *
 * @param day   the UTC day
 * @param chunk the chunk length; must divide 24 h (e.g. 1 h, 10 min, 6 h, 12 h, 24 h)
 */
public record NannyDay(LocalDate day, Duration chunk) {
    private static final Duration DAY = Duration.ofDays(1);

    public NannyDay {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(chunk, "chunk");
        if (chunk.isNegative() || chunk.isZero() || chunk.compareTo(DAY) > 0 || DAY.toNanos() % chunk.toNanos() != 0) {
            throw new IllegalArgumentException("nanny chunk duration " + chunk + " must divide a day (24 h) evenly, e.g. PT1H or PT12H");
        }
    }

    /** The days {@code from} to {@code to}, both included. */
    public static List<NannyDay> between(LocalDate from, LocalDate to, Duration chunk) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("day range " + from + " .. " + to + " is empty: the last day is before the first");
        }
        return from.datesUntil(to.plusDays(1)).map(d -> new NannyDay(d, chunk)).toList();
    }

    /** The whole day, UTC. */
    public TimeWindow window() {
        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        return new TimeWindow(start, start.plus(DAY));
    }

    /** The day's chunks, in time order. */
    public List<TimeWindow> chunks() {
        List<TimeWindow> chunks = new ArrayList<>();
        for (Instant t = window().start(); t.isBefore(window().end()); t = t.plus(chunk)) {
            chunks.add(new TimeWindow(t, t.plus(chunk)));
        }
        return chunks;
    }

    /** The file of every chunk of the day, in time order, as the nanny of {@code version} and {@code backend} names them. */
    public List<Path> files(Path outDir, String version, String backend) {
        return chunks().stream().map(w -> DataFileNames.nannyFile(outDir, w.start(), chunk, version, backend)).toList();
    }

    /** Those of {@code files} not on disk: absent or empty (a published chunk file is never empty). */
    public static List<Path> missing(List<Path> files) {
        return files.stream().filter(f -> !isOnDisk(f)).toList();
    }

    /**
     * Whether a chunk file is on disk: a regular file that is not empty ({@link RegularFiles#presence}).
     *
     * @throws DataLoggerException when the file cannot be looked at (naming it): neither there nor missing
     */
    public static boolean isOnDisk(Path file) {
        RegularFiles.Presence p = RegularFiles.presence(file);
        if (p.kind() == RegularFiles.Presence.Kind.UNREADABLE) {
            throw new DataLoggerException("cannot look at nanny chunk file " + file + ": " + p.detail());
        }
        return p.kind() == RegularFiles.Presence.Kind.PRESENT;
    }
}
