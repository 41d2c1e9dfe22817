package org.runops.dqm;

import java.util.Objects;

/**
 * One (run, dataset) the GUI holds, as its samples list it ({@code type} {@code offline_data} or
 * {@code online_data}; {@code version} and {@code importversion} as sent).
 */
public record DqmSample(String type, long run, String dataset, String version, int importVersion) {
    public DqmSample {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(version, "version");
        if (run < 0) {
            throw new IllegalArgumentException("run must not be negative: " + run);
        }
    }
}
