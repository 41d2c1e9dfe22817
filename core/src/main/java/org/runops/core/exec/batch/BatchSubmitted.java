package org.runops.core.exec.batch;

import java.util.List;
import java.util.Objects;

/**
 * What a batch system accepted: keep it (e.g. in a state store) to ask for the jobs' states later.
 *
 * @param system    the batch system's name, e.g. {@code local}
 * @param clusterId the cluster (HTCondor) or array (Slurm) id of the whole submission
 * @param jobIds    one id per job, in input order
 */
public record BatchSubmitted(String system, String clusterId, List<String> jobIds) {
    public BatchSubmitted {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(clusterId, "clusterId");
        jobIds = List.copyOf(jobIds);
        if (jobIds.isEmpty()) {
            throw new IllegalArgumentException("submission " + system + ":" + clusterId + " has no jobs");
        }
    }
}
