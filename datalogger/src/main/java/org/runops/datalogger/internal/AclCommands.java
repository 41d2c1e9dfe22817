package org.runops.datalogger.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
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
     * the clocks go back, local times in the repeated hour are ambiguous and the logger may read either
     * offset: a start there is sent one overlap earlier and an end there one overlap later, so the request
     * covers the window whichever offset the logger picks ({@link ChunkedFetch} keeps only the samples
     * inside it); this also keeps the end after the start when the window starts and ends on the same
     * local time (01:00 CDT to 01:00 CST).
     */
    public static String loggerGet(DeviceRequest device, TimeWindow window, ZoneId zone) {
        LocalDateTime start = window.start().atZone(zone).toLocalDateTime();
        LocalDateTime end = window.end().atZone(zone).toLocalDateTime();
        return "logger_get/date_format='utc_seconds'/ignore_db_format/start=\"" + WINDOW.format(start.minus(overlap(start, zone)))
                + "\"/end=\"" + WINDOW.format(end.plus(overlap(end, zone))) + "\"/node=" + device.node().name() + "+" + device.device().text();
    }

    /** How long the clocks went back when {@code local} is in a repeated hour (two valid offsets), else zero. */
    private static Duration overlap(LocalDateTime local, ZoneId zone) {
        ZoneOffsetTransition t = zone.getRules().getTransition(local);
        return t != null && t.isOverlap() ? t.getDuration().negated() : Duration.ZERO;
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
