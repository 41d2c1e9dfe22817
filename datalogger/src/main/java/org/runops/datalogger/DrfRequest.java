package org.runops.datalogger;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A DRF (Data Request Format) string as the data nanny's request lists hold them,
 * {@code device[.property][range][.field][@event][<-extra]}, e.g. {@code B:VIMIN@p,66,true},
 * {@code L:D7LMSM.BIT_VALUE@e,52,e,0}, {@code G:PIDDB[2]@p,10000,true} or
 * {@code M:OUTTMP@p,1000,true<-LOGGER:1736942400000:1736946000000}. {@code text} is the string as
 * given; the other components are its parts as written (case kept), absent ones empty, and they
 * must spell {@code text} exactly. Use {@link #parse(String)}, which names the position of a fault.
 *
 * <p>Accepted: device = a letter or digit, a property character ({@code : ? _ | & @ $ ~ ^ # !}) and
 * 2–63 letters, digits or {@code _}; property = a known DRF property or alias; range {@code [n]},
 * {@code [a:b]}, {@code [a:]}, {@code [:b]}, {@code []} or the same in braces; field = a word;
 * event {@code I}, {@code U}, {@code N}, {@code P|Q,period[unit][,TRUE|FALSE]},
 * {@code E,hh[,H|S|E[,delay]]}, {@code S,device,value,delay,expr} (letters in any case); extra
 * {@code LOGGER:t1ms:t2ms[:node]}, {@code LOGGERDURATION:ms} or {@code LOGGERSINGLE}.
 */
public record DrfRequest(String text, String device, Optional<String> property, Optional<String> range,
        Optional<String> field, Optional<Event> event, Optional<String> extra) {

    private static final Pattern DEVICE = Pattern.compile("[A-Za-z0-9][:?_|&@$~^#!][A-Za-z0-9_]{1,62}");
    private static final Pattern RANGE = Pattern.compile("\\[\\d{0,9}(?::\\d{0,9})?]|\\{\\d{0,9}(?::\\d{0,9})?}");
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,31}");
    private static final Set<String> PROPERTIES = Set.of("READING", "READ", "PRREAD", "SETTING", "SET", "PRSET", "STATUS",
            "BASIC_STATUS", "STS", "PRBSTS", "CONTROL", "BASIC_CONTROL", "CTRL", "PRBCTL", "ANALOG", "ANALOG_ALARM", "AA",
            "PRANAB", "DIGITAL", "DIGITAL_ALARM", "DA", "PRDABL", "DESCRIPTION", "DESC", "PRDESC", "INDEX", "IDX", "PRIDX",
            "LONG_NAME", "LNGNAM", "PRLNAM", "ALARM_LIST_NAME", "LSTNAM", "PRALNM", "BIT_STATUS", "BITSTATUS");
    private static final Pattern LOGGER = Pattern.compile("(?i)LOGGER:(\\d{1,18}):(\\d{1,18})(?::([A-Za-z][A-Za-z0-9]{0,15}))?");
    private static final Pattern LOGGER_DURATION = Pattern.compile("(?i)LOGGERDURATION:\\d{1,18}");
    private static final Pattern LOGGER_SINGLE = Pattern.compile("(?i)LOGGERSINGLE");

    public DrfRequest {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(extra, "extra");
        if (!DEVICE.matcher(device).matches()) {
            throw new IllegalArgumentException("not a DRF device name: \"" + device + "\"");
        }
        property.ifPresent(p -> require(isProperty(p), "a DRF property", p));
        range.ifPresent(r -> require(RANGE.matcher(r).matches(), "a DRF range", r));
        field.ifPresent(f -> require(WORD.matcher(f).matches(), "a DRF field", f));
        extra.ifPresent(x -> require(extraProblem(x) == null, "a DRF extra", x));
        String spelled = device + property.map(p -> "." + p).orElse("") + range.orElse("") + field.map(f -> "." + f).orElse("")
                + event.map(e -> "@" + e.text()).orElse("") + extra.map(x -> "<-" + x).orElse("");
        if (!spelled.equals(text)) {
            throw new IllegalArgumentException("DRF request text \"" + text + "\" does not match its parts \"" + spelled + "\"");
        }
    }

    /** Parses {@code text}; an {@link IllegalArgumentException} names the string, the position (from 0) and what was expected there. */
    public static DrfRequest parse(String text) {
        Objects.requireNonNull(text, "text");
        int extraAt = text.indexOf("<-");
        String head = extraAt < 0 ? text : text.substring(0, extraAt);
        Optional<String> extra = Optional.empty();
        if (extraAt >= 0) {
            String x = text.substring(extraAt + 2);
            String problem = extraProblem(x);
            if (problem != null) {
                throw fault(text, extraAt + 2, problem);
            }
            extra = Optional.of(x);
        }
        int eventAt = head.indexOf('@', 2); // position 1 may be the '@' property character
        Optional<Event> event = Optional.empty();
        if (eventAt >= 0) {
            try {
                event = Optional.of(Event.parse(head.substring(eventAt + 1)));
            } catch (IllegalArgumentException e) {
                throw fault(text, eventAt + 1, e.getMessage());
            }
            head = head.substring(0, eventAt);
        }
        Matcher d = DEVICE.matcher(head);
        int pos = Math.min(2, head.length());
        while (pos < head.length() && isNameChar(head.charAt(pos))) {
            pos++;
        }
        if (!d.region(0, pos).matches()) {
            throw fault(text, 0, "a device name: a letter or digit, a property character such as : _ or |, then 2-63 of A-Z a-z 0-9 _");
        }
        String device = head.substring(0, pos);
        Optional<String> property = Optional.empty();
        Optional<String> range = Optional.empty();
        Optional<String> field = Optional.empty();
        if (pos < head.length() && head.charAt(pos) == '.') {
            int end = wordEnd(head, pos + 1);
            String word = head.substring(pos + 1, end);
            if (!WORD.matcher(word).matches()) {
                throw fault(text, pos + 1, "a property or field name after '.'");
            }
            if (isProperty(word)) {
                property = Optional.of(word);
            } else {
                field = Optional.of(word);
            }
            pos = end;
        }
        if (field.isEmpty() && pos < head.length() && (head.charAt(pos) == '[' || head.charAt(pos) == '{')) {
            int end = head.indexOf(head.charAt(pos) == '[' ? ']' : '}', pos);
            if (end < 0 || !RANGE.matcher(head.substring(pos, end + 1)).matches()) {
                throw fault(text, pos, "a range [n], [a:b], [a:], [:b] or [] (or the same in braces)");
            }
            range = Optional.of(head.substring(pos, end + 1));
            pos = end + 1;
        }
        if (field.isEmpty() && pos < head.length() && head.charAt(pos) == '.') {
            int end = wordEnd(head, pos + 1);
            String word = head.substring(pos + 1, end);
            if (!WORD.matcher(word).matches()) {
                throw fault(text, pos + 1, "a field name after '.'");
            }
            field = Optional.of(word);
            pos = end;
        }
        if (pos < head.length()) {
            throw fault(text, pos, "the end of the request, '@' and an event, or '<-' and an extra");
        }
        return new DrfRequest(text, device, property, range, field, event, extra);
    }

    /** This request reading the logger over {@code [from, to)} instead of any extra it had: {@code <-LOGGER:t1ms:t2ms[:node]}. */
    public DrfRequest fromLogger(Instant from, Instant to, Optional<LoggerNode> node) {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("logger window ends (" + to + ") before it starts (" + from + ")");
        }
        String base = extra.map(x -> text.substring(0, text.length() - x.length() - 2)).orElse(text);
        return parse(base + "<-LOGGER:" + from.toEpochMilli() + ":" + to.toEpochMilli() + node.map(n -> ":" + n.name()).orElse(""));
    }

    @Override
    public String toString() {
        return text;
    }

    /**
     * A DRF event (after {@code @}): {@code type} upper-cased, {@code arguments} as written.
     * {@code text} is the event as written, without the {@code @}.
     */
    public record Event(String text, char type, List<String> arguments) {
        private static final Pattern PERIOD = Pattern.compile("\\d{1,9}(?:\\.\\d{1,9})?[SsMmUuHhKk]?");
        private static final Pattern BOOL = Pattern.compile("(?i)true|false");
        private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]{1,2}");
        private static final Pattern TRIGGER = Pattern.compile("[HhSsEe]");
        private static final Pattern DELAY = Pattern.compile("\\d{1,9}[SsMmUu]?");
        private static final Pattern VALUE = Pattern.compile("[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d{1,3})?");
        private static final Set<String> EXPRESSIONS = Set.of("=", "!=", ">", "<", ">=", "<=", "*");

        public Event {
            Objects.requireNonNull(text, "text");
            arguments = List.copyOf(arguments);
            String problem = problem(type, arguments);
            if (problem != null) {
                throw new IllegalArgumentException("bad DRF event \"" + text + "\": expected " + problem);
            }
            if (!text.equals(type + arguments.stream().map(a -> "," + a).reduce("", String::concat))
                    && !text.equals(Character.toLowerCase(type) + arguments.stream().map(a -> "," + a).reduce("", String::concat))) {
                throw new IllegalArgumentException("DRF event text \"" + text + "\" does not match its parts");
            }
        }

        static Event parse(String text) {
            if (text.isEmpty()) {
                throw new IllegalArgumentException("an event type (I, U, N, P, Q, E or S) after '@'");
            }
            String[] parts = text.split(",", -1);
            if (parts[0].length() != 1) {
                throw new IllegalArgumentException("a one-letter event type (I, U, N, P, Q, E or S), then arguments after ','");
            }
            char type = Character.toUpperCase(parts[0].charAt(0));
            List<String> args = Arrays.asList(parts).subList(1, parts.length);
            String problem = problem(type, args);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
            return new Event(text, type, args);
        }

        /** What is wrong with an event of {@code type} and {@code args}, or null when nothing is. */
        private static String problem(char type, List<String> args) {
            int n = args.size();
            switch (type) {
                case 'I', 'U', 'N':
                    return n == 0 ? null : "no arguments after @" + type;
                case 'P', 'Q':
                    return n >= 1 && n <= 2 && PERIOD.matcher(args.get(0)).matches() && (n == 1 || BOOL.matcher(args.get(1)).matches())
                            ? null : "@" + type + ",period[unit][,TRUE|FALSE], e.g. @p,66,true";
                case 'E':
                    return n >= 1 && n <= 3 && HEX.matcher(args.get(0)).matches() && (n < 2 || TRIGGER.matcher(args.get(1)).matches())
                            && (n < 3 || DELAY.matcher(args.get(2)).matches())
                            ? null : "@E,hh[,H|S|E[,delay]] with a one-byte hex clock event, e.g. @e,52,e,0";
                case 'S':
                    return n == 4 && DEVICE.matcher(args.get(0)).matches() && VALUE.matcher(args.get(1)).matches()
                            && DELAY.matcher(args.get(2)).matches() && EXPRESSIONS.contains(args.get(3))
                            ? null : "@S,device,value,delay,expression with expression one of = != > < >= <= *";
                default:
                    return "an event type I, U, N, P, Q, E or S";
            }
        }
    }

    private static boolean isProperty(String word) {
        return PROPERTIES.contains(word.toUpperCase(Locale.ROOT));
    }

    private static int wordEnd(String s, int from) {
        int end = from;
        while (end < s.length() && isNameChar(s.charAt(end))) {
            end++;
        }
        return end;
    }

    private static boolean isNameChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_';
    }

    /** What is wrong with an extra (after {@code <-}), or null when nothing is. */
    private static String extraProblem(String x) {
        Matcher m = LOGGER.matcher(x);
        if (m.matches()) {
            return Long.parseLong(m.group(1)) <= Long.parseLong(m.group(2)) ? null
                    : "LOGGER:t1:t2 with t1 (ms) not after t2";
        }
        return LOGGER_DURATION.matcher(x).matches() || LOGGER_SINGLE.matcher(x).matches() ? null
                : "LOGGER:t1ms:t2ms[:node], LOGGERDURATION:ms or LOGGERSINGLE";
    }

    private static void require(boolean ok, String what, String value) {
        if (!ok) {
            throw new IllegalArgumentException("not " + what + ": \"" + value + "\"");
        }
    }

    private static IllegalArgumentException fault(String text, int position, String expected) {
        return new IllegalArgumentException("bad DRF request \"" + text + "\" at position " + position + ": expected " + expected);
    }
}
