package org.runops.calo;

import java.util.List;
import java.util.Objects;

/**
 * One run a plan makes maps for: one map job, reading the run's valid files.
 *
 * @param runTag     the run and its winning tag
 * @param files      its valid HIST files (exist, not empty), sorted
 * @param mapsNeeded the payload types the CDB lacks or holds for another tag, in calibration order
 */
public record RunTask(RunTag runTag, List<String> files, List<String> mapsNeeded) {
    public RunTask {
        Objects.requireNonNull(runTag, "runTag");
        files = List.copyOf(files);
        mapsNeeded = List.copyOf(mapsNeeded);
        if (files.isEmpty() || mapsNeeded.isEmpty()) {
            throw new IllegalArgumentException("run " + runTag.run() + ": a task needs files and maps, got " + files.size()
                    + " files and " + mapsNeeded.size() + " maps");
        }
    }
}
