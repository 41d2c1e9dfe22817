package org.runops.datalogger.stats;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    private FileKeyTime() {}

    /** The original's key for {@code file}; a name without a window time is an error naming the file. */
    public static double epochKey(Path file) {
        String name = file.getFileName().toString();
        Matcher m = WINDOW_TIME.matcher(name);
        if (!m.find()) {
            throw new DataLoggerException("file name " + name + " (" + file
                    + ") holds no window start of the form yyyy-MM-dd+HH:mm:ss, which the statistics are filed under");
        }
        try {
            return LocalDateTime.parse(m.group(), FORMAT).toEpochSecond(ZoneOffset.UTC);
        } catch (java.time.format.DateTimeParseException e) {
            throw new DataLoggerException("file name " + name + " (" + file + ") holds an impossible date " + m.group(), e);
        }
    }

    /** The real instant of a key made from a wall time in {@code zone} (at a DST overlap, the earlier one). */
    public static Instant trueStart(double epochKey, ZoneId zone) {
        long seconds = (long) Math.floor(epochKey);
        LocalDateTime wall = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        return wall.atZone(zone).toInstant();
    }
}
