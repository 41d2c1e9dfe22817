package org.runops.core.refrun;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One certification's choice: run {@code run} (of a reconstruction and dataset) was compared against
 * reference run {@code referenceRun}. Certhelper exports no dates: run numbers give the time order.
 *
 * @param run                     the certified run
 * @param reconstruction          its reconstruction type ({@code express}, {@code prompt}, ...; empty when unknown)
 * @param referenceRun            the reference run chosen
 * @param referenceReconstruction the reference's reconstruction type (empty when unknown)
 * @param dataset                 the dataset ({@code /Express/Collisions2022/DQM}, legacy "To Be Defined"; empty when unknown)
 */
public record RunReferencePair(long run, String reconstruction, long referenceRun, String referenceReconstruction, String dataset) {
    private static final Comparator<RunReferencePair> CERTIFICATION_ORDER = Comparator.comparingLong(RunReferencePair::run)
            .thenComparing(p -> Reconstruction.parse(p.reconstruction()));

    public RunReferencePair {
        if (run <= 0 || referenceRun <= 0) {
            throw new IllegalArgumentException("run numbers must be positive: run " + run + ", reference " + referenceRun);
        }
        Objects.requireNonNull(reconstruction, "reconstruction");
        Objects.requireNonNull(referenceReconstruction, "referenceReconstruction");
        Objects.requireNonNull(dataset, "dataset");
    }

    /**
     * The order certifications happen in: by run number (Certhelper exports no dates), and within one run
     * by reconstruction in declaration order (online, express, prompt, rereco, rerecoul, see
     * {@link Reconstruction#certifiedBefore}): a run's express row before its prompt row. Unknown
     * reconstructions come last; a stable sort keeps the input order of equal rows.
     */
    public static Comparator<RunReferencePair> certificationOrder() {
        return CERTIFICATION_ORDER;
    }

    /**
     * {@code rows} sorted in {@link #certificationOrder()}, with the rows certified after express (prompt,
     * rereco, rerecoul) placed as if their run number were {@code lagRuns} higher: the prompt row of run N comes
     * after the express rows of the runs below N + {@code lagRuns} (ties by run number, then reconstruction). Lag 0 is {@link #certificationOrder()}.
     * The key is computed once per row (no reconstruction parsing inside the sort); stable.
     */
    static List<RunReferencePair> inCertificationOrder(List<RunReferencePair> rows, long lagRuns) {
        if (lagRuns < 0) {
            throw new IllegalArgumentException("lag must be >= 0 run numbers, got " + lagRuns);
        }
        record Keyed(long when, int reco, RunReferencePair row) {}
        List<Keyed> keyed = new ArrayList<>(rows.size());
        for (RunReferencePair row : rows) {
            Reconstruction reco = Reconstruction.parse(row.reconstruction());
            long when = Reconstruction.EXPRESS.certifiedBefore(reco) ? row.run() + lagRuns : row.run();
            keyed.add(new Keyed(when, reco.ordinal(), row));
        }
        keyed.sort(Comparator.comparingLong(Keyed::when).thenComparingLong(k -> k.row().run()).thenComparingInt(Keyed::reco));
        List<RunReferencePair> out = new ArrayList<>(keyed.size());
        keyed.forEach(k -> out.add(k.row()));
        return out;
    }
}
