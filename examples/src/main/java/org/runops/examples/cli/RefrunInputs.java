package org.runops.examples.cli;

import java.nio.file.Path;
import java.util.List;
import org.runops.core.refrun.FeatureTable;
import org.runops.core.refrun.RecommenderFeatures;
import org.runops.core.refrun.RunReferencePair;
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

    // the default list is RecommenderFeatures.DEFAULTS; RefrunCliTest checks that this help names each
    @Option(names = "--feature-columns", paramLabel = "A,B,...", split = ",",
            description = {"Feature columns of --features (default: init_lumi, end_lumi, duration, hlt_physics_rate, l1_rate, energy,",
                "last_lumisection_number, and b_field when the file has it). b_field is a hard filter only: 0 T and 3.8 T",
                "runs are never each other's reference."})
    List<String> featureColumns;

    List<RunReferencePair> readHistory() {
        return (history != null ? server.readFile(history, "--history") : server.fetch()).pairs();
    }

    /** The feature table, or null without --features. */
    FeatureTable readFeatures() {
        if (features == null) {
            return null;
        }
        return featureColumns == null ? RecommenderFeatures.read(features)
                : FeatureTable.readCsv(features, RecommenderFeatures.RUN_COLUMN, featureColumns);
    }
}
