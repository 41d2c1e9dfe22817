package org.runops.certhelper;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.runops.core.refrun.Reconstruction;
import org.runops.core.refrun.RunReferencePair;

/**
 * Counts over a run→reference history, to see at a glance what a dump holds.
 *
 * @param rows                every row
 * @param runs                distinct certified runs
 * @param references          distinct reference runs
 * @param datasets            distinct datasets (the empty "unknown" one included)
 * @param perReconstruction   rows per reconstruction of the certified run, in enum order
 * @param firstRun            lowest certified run (0 when empty)
 * @param lastRun             highest certified run (0 when empty)
 * @param referenceAfterRun   rows whose reference is a later run than the run (re-certification, re-reco)
 */
public record HistorySummary(long rows, long runs, long references, long datasets,
        Map<Reconstruction, Long> perReconstruction, long firstRun, long lastRun, long referenceAfterRun) {
    public HistorySummary {
        EnumMap<Reconstruction, Long> copy = new EnumMap<>(Reconstruction.class);
        copy.putAll(perReconstruction);
        perReconstruction = Collections.unmodifiableMap(copy);
    }

    public static HistorySummary of(List<RunReferencePair> pairs) {
        Set<Long> runs = new HashSet<>();
        Set<Long> references = new HashSet<>();
        Set<String> datasets = new HashSet<>();
        Map<Reconstruction, Long> perReco = new EnumMap<>(Reconstruction.class);
        long first = Long.MAX_VALUE;
        long last = 0;
        long after = 0;
        for (RunReferencePair p : pairs) {
            runs.add(p.run());
            references.add(p.referenceRun());
            datasets.add(p.dataset());
            perReco.merge(Reconstruction.parse(p.reconstruction()), 1L, Long::sum);
            first = Math.min(first, p.run());
            last = Math.max(last, p.run());
            after += p.referenceRun() > p.run() ? 1 : 0;
        }
        return new HistorySummary(pairs.size(), runs.size(), references.size(), datasets.size(), perReco,
                pairs.isEmpty() ? 0 : first, last, after);
    }
}
