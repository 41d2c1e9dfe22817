package org.runops.datalogger.stats;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.runops.datalogger.DataLoggerClient;
import org.runops.datalogger.DataLoggerException;

/**
 * The time a data file's statistics are filed under ({@code epochUTCsec}), computed as the original
 * DistillFileStatsToDB.py does so that rows land on the keys of existing databases: the first
 * {@code yyyy-MM-dd+HH:mm:ss} in the file's base name (the window start, a Fermilab <em>local</em> wall
 * time) read as if it were UTC. The key of a local-midnight file is therefore 5 or 6 hours before the
 * real start; {@link #trueStart} undoes that for display.
 */
public final class FileKeyTime {
    private static final Pattern WINDOW_TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\d\\+\\d\\d:\\d\\d:\\d\\d");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd+HH:mm:ss");
    /** The data nanny's chunk files, {@code 20200101T000000PT1H-1_0_0.h5}: a UTC start. */
    private static final Pattern NANNY_START = Pattern.compile("^(\\d{8}T\\d{6})PT");
    private static final DateTimeFormatter NANNY_FORMAT = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");

    private FileKeyTime() {}

    /** As {@link #epochKey(Path, ZoneId)} in Fermilab local time. */
    public static double epochKey(Path file) {
        return epochKey(file, DataLoggerClient.FERMILAB_ZONE);
    }

    /**
     * The original's key for {@code file}; a data nanny chunk (named by its UTC start) gets the key its
     * start would have as a Fermilab local time in {@code zone}, so both kinds of file share one time axis.
     * A name with neither form is an error naming the file.
     */
    public static double epochKey(Path file, ZoneId zone) {
        String name = file.getFileName().toString();
        Matcher m = WINDOW_TIME.matcher(name);
        Matcher nanny = NANNY_START.matcher(name);
        try {
            if (m.find()) {
                return LocalDateTime.parse(m.group(), FORMAT).toEpochSecond(ZoneOffset.UTC);
            }
            if (nanny.find()) {
                Instant start = LocalDateTime.parse(nanny.group(1), NANNY_FORMAT).toInstant(ZoneOffset.UTC);
                return start.atZone(zone).toLocalDateTime().toEpochSecond(ZoneOffset.UTC);
            }
        } catch (java.time.format.DateTimeParseException e) {
            throw new DataLoggerException("file name " + name + " (" + file + ") holds an impossible date: " + e.getParsedString(), e);
        }
        throw new DataLoggerException("file name " + name + " (" + file + ") holds no window start of the form yyyy-MM-dd+HH:mm:ss"
                + " (grab files) or yyyyMMddTHHmmssPT... (data nanny chunks), which the statistics are filed under");
    }

    /** A key as the wall time it was made from, {@code yyyy-MM-dd+HH:mm:ss}, for messages. */
    static String wallTime(double epochKey) {
        return FORMAT.format(LocalDateTime.ofEpochSecond((long) Math.floor(epochKey), 0, ZoneOffset.UTC));
    }

    /** The real instant of a key made from a wall time in {@code zone} (at a DST overlap, the earlier one). */
    public static Instant trueStart(double epochKey, ZoneId zone) {
        long seconds = (long) Math.floor(epochKey);
        LocalDateTime wall = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        return wall.atZone(zone).toInstant();
    }
}
