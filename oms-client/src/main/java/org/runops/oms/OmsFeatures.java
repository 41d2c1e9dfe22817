package org.runops.oms;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.runops.core.refrun.FeatureTable;
import org.runops.core.run.Quantity;
import org.runops.core.run.UnitException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OMS run conditions as a {@link FeatureTable} for the reference-run recommender: one row per run,
 * luminosities converted to one unit per family (OMS writes 10^30, 10^33 or 10^34 depending on the
 * era and instance), the fill's colliding bunches and peak pileup joined on the fill number.
 * A value that is missing, or whose unit cannot be converted (logged with the run), is NaN: the
 * recommender treats it as missing rather than comparing numbers in different units.
 */
public final class OmsFeatures {
    private static final Logger LOG = LoggerFactory.getLogger(OmsFeatures.class);
    /**
     * The columns, in order; luminosities in their family's {@linkplain Quantity#inReferenceUnit() reference unit}
     * (instantaneous 10^{34}cm^{-2}s^{-1}, integrated pb^{-1}), duration in s, b_field in T.
     */
    public static final List<String> COLUMNS = List.of("init_lumi", "end_lumi", "delivered_lumi", "recorded_lumi", "duration",
            "last_lumisection_number", "b_field", "energy", "l1_rate", "hlt_physics_rate", "bunches_colliding", "peak_pileup");

    private OmsFeatures() {}

    /** The table of {@code runs}; {@code fills} may be empty (their columns are then NaN). A run listed twice is an error. */
    public static FeatureTable table(List<OmsRun> runs, List<OmsFill> fills) {
        Map<Long, OmsFill> byNumber = new HashMap<>();
        fills.forEach(f -> byNumber.put(f.fillNumber(), f));
        FeatureTable.Builder table = FeatureTable.builder(COLUMNS);
        for (OmsRun run : runs) {
            OmsFill fill = run.fillNumber().isPresent() ? byNumber.get(run.fillNumber().getAsLong()) : null;
            table.add(run.runNumber(),
                    convert(run, "init_lumi", run.initLumi()),
                    convert(run, "end_lumi", run.endLumi()),
                    convert(run, "delivered_lumi", run.deliveredLumi()),
                    convert(run, "recorded_lumi", run.recordedLumi()),
                    run.duration().map(d -> (double) d.toSeconds()).orElse(Double.NaN),
                    orNaN(run.lastLumisection()),
                    orNaN(run.bField()),
                    orNaN(run.energy()),
                    orNaN(run.l1Rate()),
                    orNaN(run.hltPhysicsRate()),
                    fill == null ? Double.NaN : orNaN(fill.bunchesColliding()),
                    fill == null ? Double.NaN : orNaN(fill.peakPileup()));
        }
        return table.build();
    }

    private static double convert(OmsRun run, String attribute, Optional<Quantity> q) {
        if (q.isEmpty()) {
            return Double.NaN;
        }
        try {
            return q.get().inReferenceUnit().value();
        } catch (UnitException e) {
            LOG.warn("run {}: {} left out of the features: {}", run.runNumber(), attribute, e.getMessage());
            return Double.NaN;
        }
    }

    private static double orNaN(OptionalDouble v) {
        return v.isPresent() ? v.getAsDouble() : Double.NaN;
    }

    private static double orNaN(OptionalLong v) {
        return v.isPresent() ? v.getAsLong() : Double.NaN;
    }
}
