package org.runops.datalogger.internal;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.runops.datalogger.DataLoggerException;
import org.runops.datalogger.DeviceName;
import org.runops.datalogger.DeviceRequest;
import org.runops.datalogger.EventOccurrence;
import org.runops.datalogger.FetchStatus;
import org.runops.datalogger.TimeSeries;
import org.runops.datalogger.TimeWindow;
import org.runops.datalogger.TimelineSlot;

/**
 * Reads the answers of the ACL CGI, live or replayed. Each method takes the raw body and {@code where}
 * it came from (URL or file), which every message names together with the line number and the line.
 *
 * <p>Formats accepted:
 * <ul>
 * <li>{@code logger_get}: lines {@code <utc_seconds> <value>} ({@code date_format='utc_seconds'}) or
 * {@code <date> <time> <value>} with a local date-time in the backend's zone, written
 * {@code 2020-03-10 00:00:00.048} or {@code 10-MAR-2020 00:00:00.048} (fraction optional, month any case);
 * "No values" anywhere → EMPTY; a logger error line → ERROR (PARTIAL when samples came before it).
 * <li>{@code event_log}: "No occurrences of event" → none; else lines before the first
 * {@code dd-MMM-yyyy HH:mm:ss.SSS seconds} row are headers (their number changed between 2019 and 2026).
 * <li>{@code tlg_info/all_event_info}: the first non-blank line is a header; then whitespace columns, column 3
 * the event in hex and column 10 the offset in seconds, as the original's {@code read_fwf(usecols=[3,10])}.
 * <li>{@code read}: {@code DEV = VALUE UNITS} or a bare value.
 * </ul>
 * A logger error line starts with {@code !} or ends in {@code - CODE} such as {@code - DIO_NO_SUCH}.
 * Anything else fails with {@link DataLoggerException}; no other exception escapes.
 */
public final class AclParser {
    private static final String NUMBER = "[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d{1,4})?";
    private static final Pattern FINITE = Pattern.compile(NUMBER);
    private static final Pattern VALUE = Pattern.compile(NUMBER + "|(?i)[-+]?(?:nan|inf|infinity)");
    private static final Pattern ERROR_TAIL = Pattern.compile(".* - (?:\\S+ )?[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+");
    private static final Pattern EVENT_ROW = Pattern.compile("(\\d{2}-[A-Za-z]{3}-\\d{4})\\s+(\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?)\\s+(\\S+)");
    private static final Pattern HEX_EVENT = Pattern.compile("[0-9A-Fa-f]{1,2}");
    private static final DateTimeFormatter ISO_LOCAL = local("uuuu-MM-dd HH:mm:ss");
    private static final DateTimeFormatter ACNET_LOCAL = local("dd-MMM-uuuu HH:mm:ss");
    private static final int MAX_QUOTED = 200;

    private AclParser() {}

    /** A {@code logger_get} answer for {@code request} over {@code window}. */
    public static TimeSeries series(byte[] body, String where, DeviceRequest request, TimeWindow window, ZoneId zone) {
        String[] lines = AclText.lines(body);
        double[] times = new double[Math.min(lines.length, 1 << 16)];
        double[] values = new double[times.length];
        int n = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.contains("No values")) {
                return TimeSeries.withoutSamples(request, window, FetchStatus.empty(quote(line)));
            }
            if (isError(line)) {
                String detail = "logger error: " + quote(line); // no URL or file: a replayed answer reads as the live one
                if (n == 0) {
                    return TimeSeries.withoutSamples(request, window, FetchStatus.error(detail));
                }
                return TimeSeries.of(request, window, times, values, n,
                        FetchStatus.partial(detail + " (after " + n + " samples)"));
            }
            if (n == times.length) {
                times = Arrays.copyOf(times, n * 2);
                values = Arrays.copyOf(values, n * 2);
            }
            String[] t = line.split("\\s+");
            if (t.length == 2 && isFinite(t[0]) && VALUE.matcher(t[1]).matches()) {
                times[n] = Double.parseDouble(t[0]);
                values[n++] = value(t[1]);
            } else if (t.length == 3 && VALUE.matcher(t[2]).matches()) {
                LocalDateTime local = localTime(t[0] + " " + t[1], where, i, line);
                times[n] = epochSeconds(local, zone);
                values[n++] = value(t[2]);
            } else {
                throw bad(where, i, line, "\"utc_seconds value\", \"date time value\", \"No values\" or a logger error");
            }
        }
        if (n == 0) {
            throw new DataLoggerException("ACL answer from " + where + " holds no samples, no \"No values\" and no logger error");
        }
        return TimeSeries.of(request, window, times, values, n, FetchStatus.ok());
    }

    /** An {@code event_log} answer for TCLK {@code event}, times converted from local wall-clock time in {@code zone} to UTC. */
    public static List<EventOccurrence> events(byte[] body, String where, int event, ZoneId zone) {
        String[] lines = AclText.lines(body);
        List<EventOccurrence> out = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.contains("No occurrences of event")) {
                return List.of();
            }
            if (isError(line)) {
                throw new DataLoggerException("logger error at " + where + " line " + (i + 1) + ": " + quote(line));
            }
            Matcher m = EVENT_ROW.matcher(line);
            if (!m.matches() || !isFinite(m.group(3))) {
                if (out.isEmpty()) {
                    continue; // a header line: their number changed between 2019 and 2026
                }
                throw bad(where, i, line, "an event row \"dd-MMM-yyyy HH:mm:ss.SSS seconds\"");
            }
            LocalDateTime local = localTime(m.group(1) + " " + m.group(2), where, i, line);
            double seconds = Double.parseDouble(m.group(3));
            out.add(new EventOccurrence(event, local.atZone(zone).toInstant(), seconds));
        }
        if (out.isEmpty()) {
            throw new DataLoggerException("ACL answer from " + where + " holds no event rows and no \"No occurrences of event\"");
        }
        return List.copyOf(out);
    }

    /** A {@code tlg_info/all_event_info} answer: the current supercycle's events in timeline order. */
    public static List<TimelineSlot> timeline(byte[] body, String where) {
        String[] lines = AclText.lines(body);
        List<TimelineSlot> out = new ArrayList<>();
        int header = 0;
        while (header < lines.length - 1 && lines[header].isBlank()) {
            header++;
        }
        for (int i = header + 1; i < lines.length; i++) { // the first line is the header, "Event information :"
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (isError(line)) {
                throw new DataLoggerException("logger error at " + where + " line " + (i + 1) + ": " + quote(line));
            }
            String[] t = line.split("\\s+");
            if (t.length < 11 || !HEX_EVENT.matcher(t[3]).matches() || !isFinite(t[10])) {
                throw bad(where, i, line, "a timeline row with the event in hex in column 3 and the offset in seconds in column 10");
            }
            double offset = Double.parseDouble(t[10]);
            if (offset < 0) {
                throw bad(where, i, line, "a non-negative offset in column 10");
            }
            out.add(new TimelineSlot(out.size(), Integer.parseInt(t[3], 16), offset));
        }
        if (out.isEmpty()) {
            throw new DataLoggerException("ACL answer from " + where + " holds no timeline rows");
        }
        return List.copyOf(out);
    }

    /** A {@code read} answer: {@code DEV = VALUE UNITS} or a bare value. */
    public static double scalar(byte[] body, String where, DeviceName device) {
        String[] lines = AclText.lines(body);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (isError(line)) {
                throw new DataLoggerException("logger error reading " + device + " at " + where + " line " + (i + 1) + ": " + quote(line));
            }
            int eq = line.indexOf('=');
            String[] t = line.substring(eq + 1).strip().split("\\s+");
            if (!VALUE.matcher(t[0]).matches()) {
                throw bad(where, i, line, "\"" + device + " = VALUE UNITS\" or a bare value");
            }
            for (int j = i + 1; j < lines.length; j++) {
                if (!lines[j].isBlank()) {
                    throw bad(where, j, lines[j].strip(), "one line with the value of " + device);
                }
            }
            return value(t[0]);
        }
        throw new DataLoggerException("ACL answer from " + where + " is empty: expected the value of " + device);
    }

    /** An ACL error line: {@code ! message}, or {@code message - DIO_NO_SUCH} (the code may follow a device name). */
    static boolean isError(String line) {
        return line.startsWith("!") || ERROR_TAIL.matcher(line).matches();
    }

    private static boolean isFinite(String token) {
        return FINITE.matcher(token).matches() && Double.isFinite(Double.parseDouble(token));
    }

    /** A value token already matched by {@link #VALUE}: a number, or NaN / infinity in any case. */
    private static double value(String token) {
        String t = token.toLowerCase(Locale.ROOT);
        if (t.endsWith("nan")) {
            return Double.NaN;
        }
        if (t.endsWith("inf") || t.endsWith("infinity")) {
            return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return Double.parseDouble(token);
    }

    private static LocalDateTime localTime(String text, String where, int index, String line) {
        DateTimeFormatter f = Character.isDigit(text.charAt(2)) ? ISO_LOCAL : ACNET_LOCAL;
        try {
            return LocalDateTime.parse(text, f);
        } catch (DateTimeParseException e) {
            throw bad(where, index, line, "a local date and time such as 2020-03-10 00:00:00.048 or 27-JUN-2019 00:00:00.062");
        }
    }

    /** Local wall-clock time to UTC seconds: in a DST gap the time moves forward, in an overlap the earlier offset wins. */
    private static double epochSeconds(LocalDateTime local, ZoneId zone) {
        var instant = local.atZone(zone).toInstant();
        return instant.getEpochSecond() + instant.getNano() / 1e9;
    }

    private static DateTimeFormatter local(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
                .toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
    }

    private static DataLoggerException bad(String where, int index, String line, String expected) {
        return new DataLoggerException("ACL answer from " + where + " line " + (index + 1) + ": expected " + expected + ", got " + quote(line));
    }

    private static String quote(String line) {
        return "\"" + (line.length() <= MAX_QUOTED ? line : line.substring(0, MAX_QUOTED) + "…") + "\"";
    }
}
