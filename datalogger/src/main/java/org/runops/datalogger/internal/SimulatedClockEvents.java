package org.runops.datalogger.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.runops.datalogger.EventOccurrence;
import org.runops.datalogger.TimeWindow;
import org.runops.datalogger.TimelineSlot;

/**
 * TCLK events of a simulated 60 s Booster supercycle, as observed on 2019-06-27 (spec §3.5): {@code $00}
 * once per supercycle, {@code $02} every 5 s, {@code $07} and {@code $0F} at 15 Hz, {@code $0C} 16.5 ms
 * after each {@code $0F}, {@code $10 $12 $17 $1F} once a second; no other event occurs. Supercycles start
 * on whole minutes of UTC.
 */
final class SimulatedClockEvents {
    static final Duration SUPERCYCLE = Duration.ofSeconds(60);
    private static final long SC_MICROS = SUPERCYCLE.toSeconds() * 1_000_000;
    private static final long CYCLE_MICROS = 1_000_000 / 15; // 15 Hz; rounded down, 900 cycles end before 60 s
    /** What the Timeline Generator lists: the supercycle reset, the 5 s and 1 Hz events and one Booster slot per 15 Hz cycle. */
    private static final int[] TIMELINE_EVENTS = {0x00, 0x02, 0x0F, 0x10, 0x12, 0x17, 0x1F};

    private SimulatedClockEvents() {}

    /** Microseconds into the supercycle at which {@code event} occurs, ascending; empty for events that never occur. */
    static long[] offsetsMicros(int event) {
        return switch (event) {
            case 0x00 -> new long[] {0};
            case 0x02 -> every(0, 5_000_000, 12);
            case 0x07 -> every(0, CYCLE_MICROS, 900);
            case 0x0F -> every(2_000, CYCLE_MICROS, 900);
            case 0x0C -> every(18_500, CYCLE_MICROS, 900);
            case 0x10 -> every(100_000, 1_000_000, 60);
            case 0x12 -> every(300_000, 1_000_000, 60);
            case 0x17 -> every(500_000, 1_000_000, 60);
            case 0x1F -> every(700_000, 1_000_000, 60);
            default -> new long[0];
        };
    }

    static List<EventOccurrence> occurrences(int event, TimeWindow window) {
        long[] offsets = offsetsMicros(event);
        List<EventOccurrence> out = new ArrayList<>();
        if (offsets.length == 0) {
            return out;
        }
        long firstSc = Math.floorDiv(micros(window.start()), SC_MICROS);
        long lastSc = Math.floorDiv(micros(window.end()), SC_MICROS);
        for (long sc = firstSc; sc <= lastSc; sc++) {
            for (long offset : offsets) {
                long t = sc * SC_MICROS + offset;
                Instant time = Instant.ofEpochSecond(Math.floorDiv(t, 1_000_000), Math.floorMod(t, 1_000_000) * 1000L);
                if (window.contains(time)) {
                    out.add(new EventOccurrence(event, time, offset / 1e6));
                }
            }
        }
        return out;
    }

    /** One supercycle of the timeline, ordered by offset (ties by event code) and numbered from 0. */
    static List<TimelineSlot> timeline() {
        record Entry(int event, long offset) {}
        List<Entry> entries = new ArrayList<>();
        for (int event : TIMELINE_EVENTS) {
            for (long offset : offsetsMicros(event)) {
                entries.add(new Entry(event, offset));
            }
        }
        entries.sort(Comparator.comparingLong(Entry::offset).thenComparingInt(Entry::event));
        List<TimelineSlot> slots = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            slots.add(new TimelineSlot(slots.size(), e.event(), e.offset() / 1e6));
        }
        return List.copyOf(slots);
    }

    /** Seconds into the supercycle at {@code now}, to the millisecond as {@code G:SCTIME} reads. */
    static double secondsInto(Instant now) {
        return Math.floorMod(now.toEpochMilli(), SUPERCYCLE.toMillis()) / 1000.0;
    }

    private static long[] every(long first, long spacing, int count) {
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            out[i] = first + i * spacing;
        }
        return out;
    }

    private static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
    }
}
