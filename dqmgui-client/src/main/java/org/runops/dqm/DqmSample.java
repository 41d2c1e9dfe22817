package org.runops.dqm;

import java.util.LinkedHashSet;
import java.util.List;
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

    /** The distinct dataset names of {@code samples}, in their order: what {@link DatasetResolver#pick} chooses from. */
    public static List<String> datasetNames(List<DqmSample> samples) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (DqmSample s : samples) {
            names.add(s.dataset());
        }
        return List.copyOf(names);
    }
}
