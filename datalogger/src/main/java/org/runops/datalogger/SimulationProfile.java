package org.runops.datalogger;

/** What the simulated backend generates: per-device value ranges and noise (being built: see issue 10). */
public record SimulationProfile(String name) {
    /** Booster GMPS devices with the ranges of the BOOSTR day. */
    public static SimulationProfile booster() {
        return new SimulationProfile("booster");
    }
}
