package org.runops.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.runops.certhelper.CertHelperHistory;
import org.runops.core.RegularFiles;
import org.runops.oms.OmsPage;
import org.runops.oms.OmsRecord;
import org.runops.runregistry.RrDataset;
import org.runops.runregistry.RrDatasets;
import org.runops.studies.DqmFeatures;
import org.runops.studies.FullStudyTable;
import org.runops.studies.StudyJoin;
import org.runops.studies.StudyTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code runops studies table}: Run Registry flags ⋈ runs ⋈ fills ⋈ certification ⋈ DQM features → one CSV or JSON table. */
@Command(
        name = "table",
        mixinStandardHelpOptions = true,
        header = "Join Run Registry flags, OMS runs, fills, the Certhelper history and DQM histograms into one flat table.",
        description = {
            "The trackerstudies notebook's table, one row per (run, reconstruction).",
            "With --rr: one row per Run Registry dataset (run_number, reconstruction, rr_dataset, rr_class, rr_significant,",
            "tracker_state, and the flags pixel, strip, tracking: BAD if any lumisection is BAD, else GOOD if any is GOOD,",
            "else the most frequent other status), the OMS runs left-joined on run_number, the Certhelper history on",
            "(run, reconstruction) (reference_run, reference_reconstruction, dataset).",
            "Without --rr: the OMS runs left-joined with the Certhelper history on run_number (one row per certified",
            "reconstruction; reconstruction, reference_run, reference_reconstruction, dataset; a run without a Certhelper",
            "row appears once, with reconstruction empty, and gets no DQM columns).",
            "OMS runs are flattened (attributes plus <attr>_unit columns) and joined with the fills on fill_number",
            "(columns fill__*, empty for runs without a fill). Runs and fills are saved OMS JSON responses (*.json, one or",
            "more pages) or one CSV table each; or the runs come from run catalogues (--catalog oms|fff:DIR|rundb[:CONFIG],",
            "repeatable: joined, see runops runs list) for --from..--to.",
            "--dqm DIR adds <prefix>.mean, .rms, .entries, .integral for each DQM histogram of a crawl directory",
            "(runops dqm crawl: DIR/<ME name>/<run>_<reco>.json; a missing histogram leaves the cells empty), and",
            "reference_cost (the tracking map against its reference's, MSE/2 of z-normalised maps; both maps of the row's",
            "reconstruction, as the notebook and runops refrun check compare them) and angular_entropy.",
            "Without --out the table goes to standard output.",
            "Exit codes: 0 written; 2 bad arguments or unreadable input."
        })
final class StudiesTableCommand implements Callable<Integer> {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--runs", arity = "1..*", paramLabel = "FILE",
            description = "OMS runs: saved JSON responses (several pages allowed) or one CSV table.")
    private List<Path> runs = List.of();

    @Option(names = "--catalog", paramLabel = "SPEC", description = "Runs from a run catalogue instead of --runs (repeatable: joined).")
    private List<String> catalogs = List.of();

    @Option(names = "--from", paramLabel = "RUN", description = "With --catalog: first run number.")
    private long from;

    @Option(names = "--to", paramLabel = "RUN", description = "With --catalog: last run number (inclusive).")
    private long to;

    @picocli.CommandLine.Mixin
    private OmsConnectionOptions oms;

    @Option(names = "--fills", arity = "1..*", paramLabel = "FILE",
            description = "OMS fills: saved JSON responses or one CSV table (with a fill_number column).")
    private List<Path> fills = List.of();

    @Option(names = "--certhelper", paramLabel = "DUMP",
            description = "A saved Certhelper allRunsRefRuns dump (JSON array, any known format).")
    private Path certhelper;

    @Option(names = "--rr", arity = "1..*", paramLabel = "FILE",
            description = "Run Registry datasets saved by 'runops rr datasets --format json' (or the Python client): one row each.")
    private List<Path> rr = List.of();

    @Option(names = "--dqm", paramLabel = "DIR", description = "A DQM crawl directory (runops dqm crawl) for the histogram columns.")
    private Path dqm;

    @Option(names = "--dqm-features", split = ",", paramLabel = "PREFIX",
            description = {"With --dqm: the histograms, by prefix (Hits.Pixel) or as PREFIX=ME/PATH (default: the notebook's 77,",
                "Chi2oNDF, Hits, Hits.Pixel, Hits.Strip, Seeds.*, Tracks, TrackEta/Phi/Pt, PixelPhase1 and SiStrip ones)."})
    private List<String> dqmFeatures;

    @Option(names = "--tracking-map", paramLabel = "ME", description = {"With --dqm: the ME path of reference_cost and",
        "angular_entropy (default: " + DqmFeatures.TRACKING_MAP + ")."})
    private String trackingMap = DqmFeatures.TRACKING_MAP;

    @Option(names = "--progress", description = "Show a progress bar on stderr while the DQM histograms are read (default: on a terminal).")
    private boolean progress;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the table here (atomically) instead of standard output.")
    private Path out;

    @Option(names = "--format", paramLabel = "csv|json",
            description = "Output format (default: from the --out extension, else csv).")
    private String format;

    @Override
    public Integer call() {
        if (!runs.isEmpty() && !catalogs.isEmpty() || runs.isEmpty() && catalogs.isEmpty() && rr.isEmpty()) {
            throw new IllegalArgumentException("give the runs either as --runs FILE... or as --catalog SPEC --from R1 --to R2"
                    + " (or the rows as --rr FILE...)");
        }
        if (dqm == null && dqmFeatures != null) {
            throw new IllegalArgumentException("--dqm-features needs --dqm DIR");
        }
        FullStudyTable.Builder builder = FullStudyTable.builder();
        if (!runs.isEmpty() || !catalogs.isEmpty()) {
            builder.runs(runs.isEmpty() ? fromCatalogs() : read(runs, "run_number"));
        }
        if (!fills.isEmpty()) {
            builder.fills(read(fills, "fill_number"));
        }
        if (!rr.isEmpty()) {
            List<RrDataset> datasets = new ArrayList<>();
            rr.forEach(f -> datasets.addAll(RrDatasets.read(f)));
            builder.runRegistry(datasets);
        }
        if (certhelper != null) {
            builder.certification(CertHelperHistory.read(certhelper));
        }
        if (dqm != null) {
            builder.dqm(dqm).trackingMap(trackingMap);
            if (dqmFeatures != null) {
                builder.features(DqmFeatures.select(dqmFeatures));
            }
        }
        StudyTable table;
        String[] histograms = new String[1];
        try (ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), progress || System.console() != null, "dqm", "rows")) {
            table = builder.progress(new FullStudyTable.Progress() {
                @Override
                public void rowDone(int done, int total) {
                    bar.update(done, total);
                }

                @Override
                public void histogramsFound(long found, long asked, Path root) {
                    histograms[0] = "DQM features: " + found + " of " + asked + " histograms found under " + root;
                }
            }).build();
        }
        if (histograms[0] != null) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(histograms[0]); // after the bar is closed, so the line is not overwritten
            err.flush();
        }
        StudiesOutput.write(table, out, format, spec.commandLine().getOut());
        if (out != null) {
            PrintWriter o = spec.commandLine().getOut();
            o.println("wrote " + table.size() + " rows × " + table.columns().size() + " columns to " + out);
            o.flush();
        }
        return ExitCodes.OK;
    }

    private StudyTable fromCatalogs() {
        if (from <= 0 || to < from) {
            throw new IllegalArgumentException("--catalog needs --from and --to, positive with --from <= --to, got " + from + ".." + to);
        }
        try (RunCatalogs opened = RunCatalogs.open(catalogs, oms)) {
            return StudyJoin.runs(opened.catalog().runs(from, to));
        }
    }

    /** Saved OMS responses are flattened together; a CSV file is read as a flat table. */
    private static StudyTable read(List<Path> files, String key) {
        boolean allJson = files.stream().allMatch(StudiesTableCommand::isJson);
        if (allJson) {
            List<OmsRecord> records = new ArrayList<>();
            for (Path f : files) {
                try {
                    records.addAll(OmsPage.parse(RegularFiles.readAllBytes(f), f.toString()).records());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return StudyJoin.flatten(records, key);
        }
        if (files.size() != 1) {
            throw new IllegalArgumentException("give saved OMS JSON responses or one CSV table, not " + files);
        }
        return StudyTable.readCsv(files.get(0));
    }

    private static boolean isJson(Path f) {
        return f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }
}
