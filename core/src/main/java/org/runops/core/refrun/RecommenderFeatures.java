package org.runops.core.refrun;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.runops.core.csv.CsvReader;
import org.runops.core.run.RunRecord;

/**
 * The run conditions the recommender uses by default, and how it uses them: the OMS run attributes
 * spec §2.5 compared on (all in the OMS runs table, {@code omsrundata_2018.csv} has them) are
 * distances; {@code b_field} is only a hard filter — 0 T and 3.8 T runs are never each other's
 * reference — and never a distance, because within one bucket its spread (3.799 vs 3.801 T) is
 * read-back noise that standardising on a small pool would blow up to whole standard deviations.
 *
 * <pre>{@code
 * FeatureTable f = RecommenderFeatures.read(Path.of("features.csv"));   // runops oms runs --format features
 * ReferenceRunRecommender r = ReferenceRunRecommender.builder().features(f).build();
 * }</pre>
 */
public final class RecommenderFeatures {
    /** The column of run numbers in OMS tables. */
    public static final String RUN_COLUMN = "run_number";
    /** The magnetic field in T: a hard filter when a feature table has it. */
    public static final String B_FIELD = "b_field";
    /** Compared by distance by default, in this order. */
    public static final List<String> DISTANCES = List.of("init_lumi", "end_lumi", "duration", "hlt_physics_rate", "l1_rate",
            "energy", "last_lumisection_number");
    /** The default columns: {@link #DISTANCES}, then {@link #B_FIELD}. */
    public static final List<String> DEFAULTS = Stream.concat(DISTANCES.stream(), Stream.of(B_FIELD)).toList();

    private RecommenderFeatures() {}

    /**
     * Reads the {@link #DEFAULTS} of a CSV with a {@link #RUN_COLUMN}, as {@link FeatureCsv#read}
     * does; {@code b_field} only when the file has it (the 2018 OMS runs table has not: without it, no
     * run is filtered by field). A missing distance column is a {@link org.runops.core.csv.CsvFormatException}.
     */
    public static FeatureTable read(Path csv) {
        try (CsvReader reader = CsvReader.open(csv)) {
            List<String> columns = reader.header().contains(B_FIELD) ? DEFAULTS : DISTANCES;
            return FeatureCsv.read(reader, RUN_COLUMN, columns);
        }
    }

    /**
     * The {@link #DEFAULTS} of runs from a run catalogue ({@link FeatureTable#fromRuns}); a run without
     * {@code b_field} has it missing, which filters nothing.
     */
    public static FeatureTable of(List<RunRecord> runs) {
        return FeatureTable.fromRuns(runs, DEFAULTS);
    }

    /** Distance weights for {@code table}'s columns: 1 each, 0 for {@link #B_FIELD} (a filter only). */
    static double[] distanceWeights(FeatureTable table) {
        double[] weights = new double[table.dimensions()];
        Arrays.fill(weights, 1.0);
        int field = table.columns().indexOf(B_FIELD);
        if (field >= 0) {
            weights[field] = 0;
        }
        return weights;
    }
}
