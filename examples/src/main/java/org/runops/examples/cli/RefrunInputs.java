package org.runops.examples.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.runops.core.refrun.FeatureCsv;
import org.runops.core.refrun.FeatureTable;
import org.runops.core.refrun.Recommendation;
import org.runops.core.refrun.RecommendationTarget;
import org.runops.core.refrun.RecommenderFeatures;
import org.runops.core.refrun.RecommenderSettings;
import org.runops.core.refrun.Reconstruction;
import org.runops.core.refrun.ReferenceRunRecommender;
import org.runops.core.refrun.RunReferencePair;
import org.runops.core.run.RunRecord;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The history and feature options {@code runops refrun} commands share. */
final class RefrunInputs {
    @Option(names = "--history", paramLabel = "FILE",
            description = {"Certhelper run->reference dump (allRunsRefRuns JSON in any known form; runops certhelper pairs",
                "--format json saves one). Without it the history comes from the Certhelper server, cached (--url, --ttl)."})
    Path history;

    @picocli.CommandLine.Mixin
    CertHelperServerOptions server;

    @Option(names = "--features", paramLabel = "FILE",
            description = "CSV of run conditions, one row per run with a run_number column (e.g. an OMS runs table).")
    Path features;

    @Option(names = "--features-catalog", paramLabel = "SPEC",
            description = {"Run conditions from a run catalogue instead of --features: oms, fff:DIR or rundb[:CONFIG]",
                "(repeatable: joined, see runops runs list), for the runs from the history's first to its last (and RUN);",
                "luminosities in one unit (10^34 cm^-2 s^-1, pb^-1) whatever the era wrote. OMS via --oms-*."})
    List<String> featuresCatalogs = new ArrayList<>();

    @Mixin
    OmsConnectionOptions oms;

    // the default list is RecommenderFeatures.DEFAULTS; RefrunCliTest checks that this help names each
    @Option(names = "--feature-columns", paramLabel = "A,B,...", split = ",",
            description = {"Feature columns of --features (default: init_lumi, end_lumi, duration, hlt_physics_rate, l1_rate, energy,",
                "last_lumisection_number, and b_field when the file has it). b_field is a hard filter only: 0 T and 3.8 T",
                "runs are never each other's reference."})
    List<String> featureColumns;

    /** A recommendation, how many choices the recommender learned before it, and the weights it learned. */
    record Ranked(Recommendation recommendation, int learned, Map<String, Double> weights) {}

    /**
     * The recommender of {@code refrun recommend} and {@code refrun check} alike: the history and features read,
     * the choices learned — every choice but the target run's own from its reconstruction on
     * ({@code learnAllBut}), or with {@code asOfRun} only what was certified before it ({@code learnBefore}:
     * earlier runs and the target run's earlier reconstructions) — then its ranking for {@code target}.
     */
    Ranked recommend(RecommendationTarget target, RecommenderSettings settings, boolean asOfRun) {
        List<RunReferencePair> pairs = readHistory();
        ReferenceRunRecommender recommender = ReferenceRunRecommender.builder().features(readFeatures(pairs, target.run()))
                .settings(settings).build();
        int learned = asOfRun ? recommender.learnBefore(pairs, target) : recommender.learnAllBut(pairs, target);
        return new Ranked(recommender.recommend(target), learned, recommender.learnedWeights());
    }

    /** {@code text} of {@code option} parsed, or {@code fallback} when the option is not given. */
    static Reconstruction reconstruction(String option, String text, Reconstruction fallback) {
        if (text == null) {
            return fallback;
        }
        Reconstruction r = Reconstruction.parse(text);
        if (r == Reconstruction.UNKNOWN) {
            throw new IllegalArgumentException(option + " " + text + ": expected online, express, prompt, rereco or rerecoul");
        }
        return r;
    }

    List<RunReferencePair> readHistory() {
        return (history != null ? server.readFile(history, "--history") : server.fetch()).pairs();
    }

    /**
     * The feature table, or null without --features or --features-catalog; a catalogue is asked for the runs
     * from the first to the last of {@code history} and {@code alsoRuns}.
     */
    FeatureTable readFeatures(List<RunReferencePair> history, long... alsoRuns) {
        if (features != null && !featuresCatalogs.isEmpty()) {
            throw new IllegalArgumentException("give --features FILE or --features-catalog SPEC, not both");
        }
        if (features != null) {
            return featureColumns == null ? RecommenderFeatures.read(features)
                    : FeatureCsv.read(features, RecommenderFeatures.RUN_COLUMN, featureColumns);
        }
        if (featuresCatalogs.isEmpty()) {
            return null;
        }
        LongSummaryStatistics span = Stream.concat(history.stream().flatMap(p -> Stream.of(p.run(), p.referenceRun())),
                LongStream.of(alsoRuns).boxed()).mapToLong(Long::longValue).filter(r -> r > 0).summaryStatistics();
        if (span.getCount() == 0) {
            throw new IllegalArgumentException("--features-catalog: the history names no runs to ask for");
        }
        try (RunCatalogs opened = RunCatalogs.open(featuresCatalogs, oms)) {
            List<RunRecord> runs = opened.catalog().runs(span.getMin(), span.getMax());
            return featureColumns == null ? RecommenderFeatures.of(runs) : FeatureTable.fromRuns(runs, featureColumns);
        }
    }
}
