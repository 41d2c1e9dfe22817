package org.runops.core.refrun;

import java.util.Comparator;
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
}
