package org.runops.studies;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The DQM histograms of the tracker-studies table (spec dqm-runregistry §5): trackerstudies'
 * {@code load.py} prefix table (ME name → column prefix), each ME with the offline path dqmcrawlr's README
 * crawls it from (the tracking "Quick collection" under {@code highPurityTracks/pt_1}, seeds under
 * {@code generalTracks/TrackBuilding}, PixelPhase1, SiStrip). A crawl stores each under its ME name
 * ({@code org.runops.dqm.CrawlLayout}), so the table reads {@code <dir>/<ME name>/<run>_<reco>.json}.
 *
 * <p>One deliberate difference: load.py spells {@code adc_PXForward}'s prefix {@code adc.PXFoward}; here it
 * is {@code adc.PXForward}.
 */
public final class DqmFeatures {
    /** The tracking map of {@code reference_cost} and {@code angular_entropy} (offline path). */
    public static final String TRACKING_MAP = "Tracking/TrackParameters/generalTracks/GeneralProperties/TrackEtaPhi_ImpactPoint_GenTk";

    /** All 77 histograms of the notebook, in load.py's order. */
    public static final List<DqmFeature> NOTEBOOK = List.of(
            f("Chi2oNDF", "Tracking/TrackParameters/highPurityTracks/pt_1/GeneralProperties/Chi2oNDF_GenTk"),
            f("Hits", "Tracking/TrackParameters/highPurityTracks/pt_1/HitProperties/NumberOfRecHitsPerTrack_GenTk"),
            f("Hits.Pixel", "Tracking/TrackParameters/highPurityTracks/pt_1/HitProperties/Pixel/NumberOfRecHitsPerTrack_Pixel_GenTk"),
            f("Hits.Strip", "Tracking/TrackParameters/highPurityTracks/pt_1/HitProperties/Strip/NumberOfRecHitsPerTrack_Strip_GenTk"),
            f("Seeds.detachedTriplet", "Tracking/TrackParameters/generalTracks/TrackBuilding/NumberOfSeeds_detachedTripletStepSeeds_detachedTripletStep"),
            f("Seeds.initialStep", "Tracking/TrackParameters/generalTracks/TrackBuilding/NumberOfSeeds_initialStepSeeds_initialStep"),
            f("Seeds.lowPtTriplet", "Tracking/TrackParameters/generalTracks/TrackBuilding/NumberOfSeeds_lowPtTripletStepSeeds_lowPtTripletStep"),
            f("Seeds.mixedTriplet", "Tracking/TrackParameters/generalTracks/TrackBuilding/NumberOfSeeds_mixedTripletStepSeeds_mixedTripletStep"),
            f("Seeds.pixelLess", "Tracking/TrackParameters/generalTracks/TrackBuilding/NumberOfSeeds_pixelLessStepSeeds_pixelLessStep"),
            f("Seeds.pixelPair", "Tracking/TrackParameters/generalTracks/TrackBuilding/NumberOfSeeds_pixelPairStepSeeds_pixelPairStep"),
            f("Seeds.tobTec", "Tracking/TrackParameters/generalTracks/TrackBuilding/NumberOfSeeds_tobTecStepSeeds_tobTecStep"),
            f("Tracks", "Tracking/TrackParameters/highPurityTracks/pt_1/GeneralProperties/NumberOfTracks_GenTk"),
            f("TrackEta", "Tracking/TrackParameters/highPurityTracks/pt_1/GeneralProperties/TrackEta_ImpactPoint_GenTk"),
            f("TrackPhi", "Tracking/TrackParameters/highPurityTracks/pt_1/GeneralProperties/TrackPhi_ImpactPoint_GenTk"),
            f("TrackPt", "Tracking/TrackParameters/highPurityTracks/pt_1/GeneralProperties/TrackPt_ImpactPoint_GenTk"),
            f("eventrate.BX", "PixelPhase1/Phase1_MechanicalView/eventrate_per_BX"),
            f("deadRoc", "PixelPhase1/deadRocTotal"),
            f("digis.PXBarrel", "PixelPhase1/Phase1_MechanicalView/num_digis_PXBarrel"),
            f("adc.PXBarrel", "PixelPhase1/Phase1_MechanicalView/adc_PXBarrel"),
            f("digis.lumiblock.PXBarrel", "PixelPhase1/Phase1_MechanicalView/num_digis_per_LumiBlock_PXBarrel"),
            f("adc.lumiblock.PXBarrel", "PixelPhase1/Phase1_MechanicalView/adc_per_LumiBlock_PXBarrel"),
            f("digis.PXForward", "PixelPhase1/Phase1_MechanicalView/num_digis_PXForward"),
            f("adc.PXForward", "PixelPhase1/Phase1_MechanicalView/adc_PXForward"),
            f("digis.lumiblock.PXForward", "PixelPhase1/Phase1_MechanicalView/num_digis_per_LumiBlock_PXForward"),
            f("adc.lumiblock.PXForward", "PixelPhase1/Phase1_MechanicalView/adc_per_LumiBlock_PXForward"),
            f("clusters.PXBarrel", "PixelPhase1/Phase1_MechanicalView/num_clusters_PXBarrel"),
            f("clusters.PXForward", "PixelPhase1/Phase1_MechanicalView/num_clusters_PXForward"),
            f("clusters.lumiblock.PXBarrel", "PixelPhase1/Phase1_MechanicalView/num_clusters_per_LumiBlock_PXBarrel"),
            f("clusters.lumiblock.PXForward", "PixelPhase1/Phase1_MechanicalView/num_clusters_per_LumiBlock_PXForward"),
            f("ntracks", "PixelPhase1/Tracks/ntracks"),
            f("ntracksinpixvolume", "PixelPhase1/Tracks/ntracksinpixvolume"),
            f("charge.PXBarrel", "PixelPhase1/Tracks/charge_PXBarrel"),
            f("charge.PXForward", "PixelPhase1/Tracks/charge_PXForward"),
            f("size.PXBarrel", "PixelPhase1/Tracks/size_PXBarrel"),
            f("size.PXForward", "PixelPhase1/Tracks/size_PXForward"),
            f("charge.Inner.PXLayer_1", "PixelPhase1/Tracks/PXBarrel/chargeInner_PXLayer_1"),
            f("charge.Inner.PXLayer_2", "PixelPhase1/Tracks/PXBarrel/chargeInner_PXLayer_2"),
            f("charge.Inner.PXLayer_3", "PixelPhase1/Tracks/PXBarrel/chargeInner_PXLayer_3"),
            f("charge.Inner.PXLayer_4", "PixelPhase1/Tracks/PXBarrel/chargeInner_PXLayer_4"),
            f("charge.Outer.PXLayer_1", "PixelPhase1/Tracks/PXBarrel/chargeOuter_PXLayer_1"),
            f("charge.Outer.PXLayer_2", "PixelPhase1/Tracks/PXBarrel/chargeOuter_PXLayer_2"),
            f("charge.Outer.PXLayer_3", "PixelPhase1/Tracks/PXBarrel/chargeOuter_PXLayer_3"),
            f("charge.Outer.PXLayer_4", "PixelPhase1/Tracks/PXBarrel/chargeOuter_PXLayer_4"),
            f("charge.PXDisk_+1", "PixelPhase1/Tracks/PXForward/charge_PXDisk_+1"),
            f("charge.PXDisk_+2", "PixelPhase1/Tracks/PXForward/charge_PXDisk_+2"),
            f("charge.PXDisk_+3", "PixelPhase1/Tracks/PXForward/charge_PXDisk_+3"),
            f("charge.PXDisk_-1", "PixelPhase1/Tracks/PXForward/charge_PXDisk_-1"),
            f("charge.PXDisk_-2", "PixelPhase1/Tracks/PXForward/charge_PXDisk_-2"),
            f("charge.PXDisk_-3", "PixelPhase1/Tracks/PXForward/charge_PXDisk_-3"),
            f("residual.x.PXBarrel", "PixelPhase1/Tracks/residual_x_PXBarrel"),
            f("residual.x.PXForward", "PixelPhase1/Tracks/residual_x_PXForward"),
            f("residual.y.PXBarrel", "PixelPhase1/Tracks/residual_y_PXBarrel"),
            f("residual.y.PXForward", "PixelPhase1/Tracks/residual_y_PXForward"),
            f("size.PXLayer_1", "PixelPhase1/Tracks/PXBarrel/size_PXLayer_1"),
            f("size.PXLayer_2", "PixelPhase1/Tracks/PXBarrel/size_PXLayer_2"),
            f("size.PXLayer_3", "PixelPhase1/Tracks/PXBarrel/size_PXLayer_3"),
            f("size.PXLayer_4", "PixelPhase1/Tracks/PXBarrel/size_PXLayer_4"),
            f("size.PXDisk_+1", "PixelPhase1/Tracks/PXForward/size_PXDisk_+1"),
            f("size.PXDisk_+2", "PixelPhase1/Tracks/PXForward/size_PXDisk_+2"),
            f("size.PXDisk_+3", "PixelPhase1/Tracks/PXForward/size_PXDisk_+3"),
            f("size.PXDisk_-1", "PixelPhase1/Tracks/PXForward/size_PXDisk_-1"),
            f("size.PXDisk_-2", "PixelPhase1/Tracks/PXForward/size_PXDisk_-2"),
            f("size.PXDisk_-3", "PixelPhase1/Tracks/PXForward/size_PXDisk_-3"),
            f("FEDErrors", "SiStrip/ReadoutView/FED/nFEDErrors"),
            f("BadActiveChannels", "SiStrip/ReadoutView/Fiber/nBadActiveChannelStatusBits"),
            f("clusters.OnTrack.TIB", "SiStrip/MechanicalView/TIB/Summary_ClusterStoNCorr_OnTrack__TIB"),
            f("clusters.OnTrack.TOB", "SiStrip/MechanicalView/TOB/Summary_ClusterStoNCorr_OnTrack__TOB"),
            f("clusters.OnTrack.TID.MINUS", "SiStrip/MechanicalView/TID/MINUS/Summary_ClusterStoNCorr_OnTrack__TID__MINUS"),
            f("clusters.OnTrack.TID.PLUS", "SiStrip/MechanicalView/TID/PLUS/Summary_ClusterStoNCorr_OnTrack__TID__PLUS"),
            f("clusters.OnTrack.TEC.MINUS", "SiStrip/MechanicalView/TEC/MINUS/Summary_ClusterStoNCorr_OnTrack__TEC__MINUS"),
            f("clusters.OnTrack.TEC.PLUS", "SiStrip/MechanicalView/TEC/PLUS/Summary_ClusterStoNCorr_OnTrack__TEC__PLUS"),
            f("clusters.OffTrack.TIB", "SiStrip/MechanicalView/TIB/Summary_TotalNumberOfClusters_OffTrack__TIB"),
            f("clusters.OffTrack.TOB", "SiStrip/MechanicalView/TOB/Summary_TotalNumberOfClusters_OffTrack__TOB"),
            f("clusters.OffTrack.TID.MINUS", "SiStrip/MechanicalView/TID/MINUS/Summary_TotalNumberOfClusters_OffTrack__TID__MINUS"),
            f("clusters.OffTrack.TID.PLUS", "SiStrip/MechanicalView/TID/PLUS/Summary_TotalNumberOfClusters_OffTrack__TID__PLUS"),
            f("clusters.OffTrack.TEC.MINUS", "SiStrip/MechanicalView/TEC/MINUS/Summary_TotalNumberOfClusters_OffTrack__TEC__MINUS"),
            f("clusters.OffTrack.TEC.PLUS", "SiStrip/MechanicalView/TEC/PLUS/Summary_TotalNumberOfClusters_OffTrack__TEC__PLUS"));

    private static final Map<String, DqmFeature> BY_PREFIX = new LinkedHashMap<>();

    static {
        NOTEBOOK.forEach(f -> BY_PREFIX.put(f.prefix(), f));
    }

    private DqmFeatures() {}

    private static DqmFeature f(String prefix, String mePath) {
        return new DqmFeature(prefix, mePath);
    }

    /**
     * Features by prefix from {@link #NOTEBOOK} ({@code Hits.Pixel}), or given as {@code PREFIX=ME/PATH} for
     * any other histogram. An unknown prefix is an error that lists the known ones.
     */
    public static List<DqmFeature> select(List<String> specs) {
        List<DqmFeature> out = new ArrayList<>(specs.size());
        for (String spec : specs) {
            String s = spec.trim();
            int eq = s.indexOf('=');
            if (eq >= 0) {
                String path = s.substring(eq + 1).trim();
                out.add(new DqmFeature(s.substring(0, eq).trim(), path.startsWith("/") ? path.substring(1) : path));
                continue;
            }
            DqmFeature f = BY_PREFIX.get(s);
            if (f == null) {
                throw new IllegalArgumentException("unknown DQM feature prefix '" + s + "' (give PREFIX=ME/PATH for another histogram);"
                        + " known: " + String.join(", ", BY_PREFIX.keySet()));
            }
            out.add(f);
        }
        return List.copyOf(out);
    }
}
