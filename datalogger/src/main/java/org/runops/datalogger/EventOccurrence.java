package org.runops.datalogger;

import java.time.Instant;
import java.util.Objects;

/**
 * One occurrence of a TCLK clock event: its true UTC time (the logger prints local wall-clock time;
 * the backend converts it in its zone) and the seconds into the supercycle the logger reports (the
 * original column {@code SCmicrosec}, which despite its name holds seconds).
 */
public record EventOccurrence(int event, Instant time, double secondsIntoSupercycle) {
    public EventOccurrence {
        if (event < 0 || event > 0xFF) {
            throw new IllegalArgumentException("TCLK events are one byte, 00..ff: " + event);
        }
        Objects.requireNonNull(time, "time");
    }
}
