package org.runops.examples.cli;

import java.nio.file.Path;
import java.util.List;
import org.runops.core.refrun.FeatureTable;
import org.runops.core.refrun.RunReferencePair;
import picocli.CommandLine.Option;

/** The history and feature options {@code runops refrun} commands share. */
final class RefrunInputs {
    /** The OMS attributes spec §2.5 compared on; all are in the OMS runs table (omsrundata_2018.csv has them). */
    static final String DEFAULT_FEATURES = "init_lumi,end_lumi,duration,hlt_physics_rate,l1_rate,energy,last_lumisection_number";

    @Option(names = "--history", paramLabel = "FILE",
            description = {"Certhelper run->reference dump (allRunsRefRuns JSON in any known form; runops certhelper pairs",
                "--format json saves one). Without it the history comes from the Certhelper server, cached (--url, --ttl)."})
    Path history;

    @picocli.CommandLine.Mixin
    CertHelperServerOptions server;

    @Option(names = "--features", paramLabel = "FILE",
            description = "CSV of run conditions, one row per run with a run_number column (e.g. an OMS runs table).")
    Path features;

    @Option(names = "--feature-columns", paramLabel = "A,B,...", split = ",", defaultValue = DEFAULT_FEATURES,
            description = "Feature columns of --features (default: ${DEFAULT-VALUE}); b_field, when listed, is also a hard filter.")
    List<String> featureColumns;

    List<RunReferencePair> readHistory() {
        return (history != null ? server.readFile(history, "--history") : server.fetch()).pairs();
    }

    /** The feature table, or null without --features. */
    FeatureTable readFeatures() {
        return features == null ? null : FeatureTable.readCsv(features, "run_number", featureColumns);
    }
}
