package org.runops.core.refrun;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The kind of run, a hard filter for references: a cosmics run is never compared with a collision
 * run, nor a heavy-ion run with a proton run. Read from Certhelper dataset names
 * ({@code /Express/Cosmics23/DQM}, {@code /StreamHIExpress/HIRun2018A-Express-v1/DQMIO}), which is
 * all the history carries, or from an OMS run's HLT key ({@link #fromHltKey}).
 */
public enum RunType {
    COLLISIONS, COSMICS, HEAVY_ION, UNKNOWN;

    private static final Pattern HEAVY_ION_COLLISIONS = Pattern.compile("collisions\\d*hi");

    /**
     * The run type a dataset name implies; {@link #UNKNOWN} for empty and legacy "To Be Defined" names.
     * Known gap: {@code Commissioning2023} reads as collisions although its runs share references with
     * {@code Cosmics23}; this costs the recommender its top-5 lead over most-recent from run 363000.
     */
    public static RunType fromDataset(String dataset) {
        String s = dataset.toLowerCase(Locale.ROOT);
        if (s.isBlank() || s.contains("to be defined")) {
            return UNKNOWN;
        }
        if (s.contains("cosmic")) {
            return COSMICS;
        }
        // HIRun2018A, StreamHIExpress, HIForward, HIMinimumBias, Collisions2023HI, Collisions2022HISpecial
        if (s.contains("hirun") || s.contains("/hi") || s.contains("/streamhi") || HEAVY_ION_COLLISIONS.matcher(s).find()) {
            return HEAVY_ION;
        }
        return COLLISIONS;
    }

    /**
     * Certhelper's rule for a run from OMS ({@code oms/models.py OmsRun.save}): collisions iff the HLT
     * key contains {@code /cdaq/physics} or {@code /cdaq/special} and the run had stable beams;
     * otherwise cosmics. (Heavy-ion runs are collisions here: OMS tells them by {@code fill_type_runtime}.)
     */
    public static RunType fromHltKey(String hltKey, boolean stableBeam) {
        boolean physicsMenu = hltKey != null && (hltKey.contains("/cdaq/physics") || hltKey.contains("/cdaq/special"));
        return physicsMenu && stableBeam ? COLLISIONS : COSMICS;
    }

    /** True when a reference of type {@code other} may serve a target of this type (unknown matches anything). */
    public boolean compatibleWith(RunType other) {
        return this == UNKNOWN || other == UNKNOWN || this == other;
    }
}
