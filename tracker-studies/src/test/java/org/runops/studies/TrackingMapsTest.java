package org.runops.studies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.runops.dqm.Histogram2D;
import org.runops.dqm.JsonFairy;
import org.runops.testing.SharedData;

class TrackingMapsTest {
    private static final String OFFLINE = "dqm/jsonfairy_offline_321012_StreamExpress_Run2018D-Express-v1_TrackEtaPhi_ImpactPoint_GenTk.json";
    private static final String ONLINE = "dqm/jsonfairy_online_321012_GlobalOnlineALL_TrackEtaPhi_ImpactPoint_GenTk.json";

    private static double[][] map(String shared) throws IOException {
        var file = SharedData.require(shared);
        return ((Histogram2D) JsonFairy.parse(Files.readAllBytes(file), file.toString()).orElseThrow()).contentArray();
    }

    /**
     * The two real maps of run 321012 (offline express, 27.5 M tracks, and online, 0.22 M). The numbers were
     * computed independently with Python, numpy 2.4 and scipy 1.17 on the same files, exactly as
     * trackerstudies/algorithms.py does (content = numpy.array(hist.bins.content)):
     * <pre>
     * z = lambda a: (a - a.mean()) / a.std();  ((z(off) - z(on))**2).mean() / 2        → 0.18147101902148655
     * angular_correlation_entropy(off) (binned_statistic(..., bins=50), stats.entropy) → 3.815252801786452
     * angular_correlation_entropy(on)                                                   → 3.8633212673428083
     * </pre>
     */
    @Test
    void realMapsOf321012OfflineAgainstOnline() throws IOException {
        double[][] offline = map(OFFLINE);
        double[][] online = map(ONLINE);
        assertThat(offline.length).isEqualTo(32);
        assertThat(offline[0].length).isEqualTo(31);
        assertThat(TrackingMaps.referenceCost(offline, online)).isCloseTo(0.18147101902148655, within(1e-12));
        assertThat(TrackingMaps.referenceCost(online, offline)).isCloseTo(0.18147101902148655, within(1e-12));
        assertThat(TrackingMaps.referenceCost(offline, offline)).isZero();
        assertThat(TrackingMaps.angularEntropy(offline)).isCloseTo(3.815252801786452, within(1e-12));
        assertThat(TrackingMaps.angularEntropy(online)).isCloseTo(3.8633212673428083, within(1e-12));
        assertThat(TrackingMaps.angularEntropy(online)).isLessThan(Math.log(TrackingMaps.ENTROPY_BINS));
    }

    @Test
    void costIgnoresScaleAndOffsetAndIsNaNWhenItCannotBeTold() {
        double[][] a = {{1, 2, 3}, {4, 5, 6}};
        double[][] scaled = {{12, 22, 32}, {42, 52, 62}};
        assertThat(TrackingMaps.referenceCost(a, scaled)).isCloseTo(0, within(1e-15));
        // reversed: z = -z, so the mean of (2z)² / 2 = 2 (the population variance of z is 1)
        assertThat(TrackingMaps.referenceCost(a, new double[][] {{6, 5, 4}, {3, 2, 1}})).isCloseTo(2, within(1e-12));
        assertThat(TrackingMaps.referenceCost(a, new double[][] {{7, 7, 7}, {7, 7, 7}})).isNaN(); // flat: no shape
        assertThat(TrackingMaps.referenceCost(a, new double[][] {{1, 2}, {3, 4}})).isNaN(); // another binning
        assertThat(TrackingMaps.referenceCost(new double[0][], new double[0][])).isNaN();
    }

    /**
     * A 1×3 map {0, 0, 3}: ordered pairs at distance 0 (3, |Δ| 0), 1 (4: |Δ| 0, 0, 3, 3) and 2 (2: |Δ| 3, 3).
     * 50 bins over [0, 2], width 0.04: distance 1 falls in bin 25, 2 in the last, closed bin 49.
     * Means: bin 0 → 0, bin 25 → 1.5, bin 49 → 3; p = 1/3, 2/3: entropy = ln 3 − (2/3) ln 2 = 0.6365141682948128.
     */
    @Test
    void entropyOfAHandComputedMap() {
        // distances 0, 1 and 2 only: 47 of the 50 bins are empty, and scipy 1.17.1 gives nan, as here
        assertThat(TrackingMaps.angularEntropy(new double[][] {{0, 0, 3}})).isNaN();
        assertThat(TrackingMaps.angularEntropy(new double[][] {{5, 5}, {5, 5}})).isNaN();
        assertThat(TrackingMaps.angularEntropy(new double[][] {{5}})).isNaN();
    }
}
