package org.runops.datalogger;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * File names compatible with the original scripts': {@code MLParamData_<epoch s>_From_<NODE>_<START>_to_<STOP>.h5},
 * {@code MLEventData_<epoch s>_From_EventC_<START>_to_<STOP>.h5} (START/STOP local {@code YYYY-MM-DD+HH:MM:SS}) and
 * the data nanny's {@code <yyyyMMdd'T'HHmmss><ISO duration>-<version>.h5} under {@code YYYYMM/DD/} (UTC). Data
 * that did not come from the real logger says so in its name: {@code _SIMULATED} before the extension (after
 * the window, so the distiller's "first {@code YYYY-MM-DD+hh:mm:ss} is the start" rule still holds).
 */
public final class DataFileNames {
    /** The marker in the names of files whose data came from the simulated backend. */
    public static final String SIMULATED_MARKER = "_SIMULATED";
    /** The node tag of event files (a constant in the original). */
    public static final String EVENT_NODE = "EventC";
    private static final DateTimeFormatter NANNY_START = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final Pattern NANNY_NAME = Pattern.compile("(\\d{8}T\\d{6})(P[0-9A-Z.]+)-(.+)\\.h5");

    private DataFileNames() {}

    public static String paramFile(Instant created, LoggerNode node, TimeWindow window, ZoneId zone, String backend, String extension) {
        return "MLParamData_" + epochSeconds(created) + "_From_" + node.name() + "_" + windowPart(window, zone) + marker(backend) + "." + extension;
    }

    public static String eventFile(Instant created, TimeWindow window, ZoneId zone, String backend, String extension) {
        return "MLEventData_" + epochSeconds(created) + "_From_" + EVENT_NODE + "_" + windowPart(window, zone) + marker(backend) + "." + extension;
    }

    /** {@code outDir/YYYYMM/DD/<start><duration>-<version>.h5}, the version's dots as underscores (start in UTC). */
    public static Path nannyFile(Path outDir, Instant start, Duration duration, String version, String backend) {
        LocalDateTime utc = LocalDateTime.ofInstant(start, ZoneOffset.UTC);
        String name = NANNY_START.format(utc) + duration + "-" + version.replace('.', '_') + marker(backend) + ".h5";
        return outDir.resolve(String.format(Locale.ROOT, "%04d%02d", utc.getYear(), utc.getMonthValue()))
                .resolve(String.format(Locale.ROOT, "%02d", utc.getDayOfMonth())).resolve(name);
    }

    /** The chunk a nanny file name covers, or empty when the name is not one. */
    public static Optional<TimeWindow> nannyWindow(String fileName) {
        Matcher m = NANNY_NAME.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            Instant start = LocalDateTime.parse(m.group(1), NANNY_START).toInstant(ZoneOffset.UTC);
            Duration d = Duration.parse(m.group(2));
            return d.isZero() || d.isNegative() ? Optional.empty() : Optional.of(new TimeWindow(start, start.plus(d)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Python's {@code time.time()} as the original printed it: seconds with a fraction, at most microseconds. */
    static String epochSeconds(Instant t) {
        BigDecimal s = BigDecimal.valueOf(t.getEpochSecond()).add(BigDecimal.valueOf(t.getNano() / 1000, 6)).stripTrailingZeros();
        return s.scale() <= 0 ? s.setScale(1).toPlainString() : s.toPlainString();
    }

    private static String windowPart(TimeWindow window, ZoneId zone) {
        return GrabWindow.localStamp(window.start(), zone) + "_to_" + GrabWindow.localStamp(window.end(), zone);
    }

    private static String marker(String backend) {
        return backend.equals("simulated") ? SIMULATED_MARKER : "";
    }
}
