package org.runops.datalogger.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.runops.datalogger.DeviceName;
import org.runops.datalogger.DeviceRequest;
import org.runops.datalogger.TimeWindow;

/**
 * The ACL commands the original scripts send, as the text after {@code ?acl=} (spec §2.2, §2.4, §2.5):
 * window bounds as local wall-clock {@code YYYY-MM-DD+HH:MM:SS} in literal quotes, {@code +} for the
 * space before a device, device characters as they are (the CGI decodes no {@code %XX} but the
 * quotes and the space, so {@code : [ ] @ . |} must not be percent-encoded).
 */
public final class AclCommands {
    private static final DateTimeFormatter WINDOW = DateTimeFormatter.ofPattern("uuuu-MM-dd'+'HH:mm:ss", Locale.ROOT);

    private AclCommands() {}

    /**
     * {@code logger_get/date_format='utc_seconds'/ignore_db_format/start="…"/end="…"/node=NODE+DEVICE}. When
     * the clocks go back, a UTC window can start and end on the same local time (01:00 CDT to 01:00 CST); the
     * end is then written as the local start plus the window's length, which asks for more than the window
     * but never less ({@link ChunkedFetch} keeps only the samples inside it).
     */
    public static String loggerGet(DeviceRequest device, TimeWindow window, ZoneId zone) {
        LocalDateTime start = window.start().atZone(zone).toLocalDateTime();
        LocalDateTime end = window.end().atZone(zone).toLocalDateTime();
        if (!end.isAfter(start)) {
            end = start.plus(Duration.between(window.start(), window.end()));
        }
        return "logger_get/date_format='utc_seconds'/ignore_db_format/start=\"" + WINDOW.format(start)
                + "\"/end=\"" + WINDOW.format(end) + "\"/node=" + device.node().name() + "+" + device.device().text();
    }

    /** {@code event_log/start_time="…"/stop_time="…"/event=0c}: the event as two lower-case hex digits. */
    public static String eventLog(int event, TimeWindow window, ZoneId zone) {
        if (event < 0 || event > 0xFF) {
            throw new IllegalArgumentException("TCLK events are one byte, 00..ff: " + event);
        }
        return "event_log/start_time=\"" + local(window.start(), zone) + "\"/stop_time=\"" + local(window.end(), zone)
                + "\"/event=" + String.format(Locale.ROOT, "%02x", event);
    }

    /** The Timeline Generator's current supercycle. */
    public static String timeline() {
        return "tlg_info/all_event_info";
    }

    /** {@code read/no_name/no_units%20DEV}, with {@code /setting} for the setting, as Timeline_Logger.py writes it. */
    public static String read(DeviceName device, boolean setting) {
        return "read/no_name/no_units" + (setting ? "/setting" : "") + "%20" + device.text();
    }

    /** A window bound as the logger reads it: local wall-clock time in {@code zone}, the space written {@code +}. */
    public static String local(Instant t, ZoneId zone) {
        return WINDOW.format(t.atZone(zone));
    }
}
