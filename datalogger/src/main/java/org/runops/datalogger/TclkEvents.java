package org.runops.datalogger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.runops.core.RegularFiles;

/**
 * The meanings of TCLK clock events, read from a list in the workflow's {@code TCLK_Events.txt} format:
 * one event a line, {@code $0C,CLK<tab or spaces>15 Hz; synchronized to GMPS BMIN Delayed}, the
 * description optionally in double quotes, trailing white space ignored, blank lines skipped.
 */
public final class TclkEvents {
    private static final Pattern LINE = Pattern.compile("\\$([0-9A-Fa-f]{2}),([^\\s,]+)\\s+(.*?)\\s*");

    /** One event: its code (0x00..0xFF), the machine it belongs to ({@code CLK}, {@code BSTR}, {@code MI}, ...) and what it means. */
    public record Event(int code, String machine, String description) {
        public Event {
            if (code < 0 || code > 0xFF) {
                throw new IllegalArgumentException("TCLK events are one byte, 00..ff: " + code);
            }
            Objects.requireNonNull(machine, "machine");
            Objects.requireNonNull(description, "description");
        }
    }

    private final Map<Integer, Event> events;

    private TclkEvents(Map<Integer, Event> events) {
        this.events = events;
    }

    /** Reads {@code file}; a line of another form or a code listed twice fails naming the file and line. */
    public static TclkEvents read(Path file) {
        String text;
        try {
            text = RegularFiles.readString(file);
        } catch (IOException e) {
            throw new DataLoggerException("cannot read TCLK event list " + file + ": " + RegularFiles.reason(e), e);
        }
        Map<Integer, Event> events = new TreeMap<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            Matcher m = LINE.matcher(lines[i]);
            if (!m.matches()) {
                throw new DataLoggerException("TCLK event list " + file + " line " + (i + 1)
                        + ": expected \"$HH,MACHINE description\", got \"" + lines[i].strip() + "\"");
            }
            String description = m.group(3);
            if (description.length() >= 2 && description.startsWith("\"") && description.endsWith("\"")) {
                description = description.substring(1, description.length() - 1);
            }
            Event e = new Event(Integer.parseInt(m.group(1), 16), m.group(2), description.strip());
            if (events.putIfAbsent(e.code(), e) != null) {
                throw new DataLoggerException("TCLK event list " + file + " line " + (i + 1) + ": event $" + m.group(1) + " is listed twice");
            }
        }
        return new TclkEvents(events);
    }

    /** The event with {@code code}, if listed. */
    public Optional<Event> get(int code) {
        return Optional.ofNullable(events.get(code));
    }

    /** Every listed event, by code. */
    public Collection<Event> all() {
        return events.values();
    }
}
