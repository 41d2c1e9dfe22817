package org.runops.datalogger;

/**
 * One row of the Timeline Generator's current supercycle ({@code tlg_info/all_event_info}): its
 * position in the supercycle, the TCLK event and its offset in seconds from the supercycle start.
 */
public record TimelineSlot(int index, int event, double offsetSeconds) {
    public TimelineSlot {
        if (index < 0) {
            throw new IllegalArgumentException("timeline index must not be negative: " + index);
        }
        if (event < 0 || event > 0xFF) {
            throw new IllegalArgumentException("TCLK events are one byte, 00..ff: " + event);
        }
        if (!(offsetSeconds >= 0)) {
            throw new IllegalArgumentException("timeline offset must be a non-negative number of seconds: " + offsetSeconds);
        }
    }
}
