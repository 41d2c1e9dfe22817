package org.runops.core.refrun;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One proposed reference run with its score and what each signal contributed to it.
 *
 * @param run           the candidate reference run
 * @param score         the sum of the contributions
 * @param contributions score parts by signal (signals that contributed nothing are absent)
 */
public record ScoredCandidate(long run, double score, Map<Signal, Double> contributions) {
    public ScoredCandidate {
        Objects.requireNonNull(contributions, "contributions");
        contributions = contributions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(contributions));
    }
}
