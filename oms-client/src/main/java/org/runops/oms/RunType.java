package org.runops.oms;

/** Certhelper's run classes (spec §1.7). */
public enum RunType {
    COLLISIONS,
    COSMICS;

    /**
     * Certhelper's rule ({@code oms/models.py OmsRun.save}): collisions iff the HLT key contains
     * {@code /cdaq/physics} or {@code /cdaq/special} and the run had stable beams; otherwise cosmics.
     */
    public static RunType of(String hltKey, boolean stableBeam) {
        boolean physicsMenu = hltKey != null && (hltKey.contains("/cdaq/physics") || hltKey.contains("/cdaq/special"));
        return physicsMenu && stableBeam ? COLLISIONS : COSMICS;
    }
}
