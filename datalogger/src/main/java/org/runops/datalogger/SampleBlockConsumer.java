package org.runops.datalogger;

/**
 * Receives a device's samples block by block while a data file is scanned, so a whole day of a
 * 15 Hz device never has to sit in memory. The arrays are reused between calls: copy what you keep.
 */
@FunctionalInterface
public interface SampleBlockConsumer {
    /** The next {@code length} samples, in file order: {@code utcSeconds[0..length)} and {@code values[0..length)}. */
    void accept(double[] utcSeconds, double[] values, int length);
}
