package org.runops.studies;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.runops.core.refrun.Reconstruction;
import org.runops.core.refrun.RunReferencePair;
import org.runops.runregistry.FlagStatus;
import org.runops.runregistry.RrDataset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The table the trackerstudies notebook builds ({@code utils.load_runs}), one row per (run, reconstruction):
 * <ol>
 * <li>rows: one per Run Registry dataset — {@code run_number}, {@code reconstruction} (from the dataset
 *     name, {@link TrackerFlags#reconstruction}), {@code rr_dataset}, {@code rr_class}, {@code rr_significant},
 *     {@code tracker_state} and the flags {@code pixel}, {@code strip}, {@code tracking}
 *     ({@link TrackerFlags}); datasets marked deleted are left out, and the first dataset wins when two give
 *     the same (run, reconstruction).
 *     Without Run Registry datasets the rows are the OMS runs joined with the Certhelper history
 *     ({@link StudyJoin#join(StudyTable, List)}: one per certified reconstruction, and a run without a
 *     Certhelper row once, with {@code reconstruction} empty: it gets no DQM features or costs);
 * <li>⋈ OMS runs on {@code run_number} (left; their columns as flattened, {@code <attr>_unit} included), runs
 *     ⋈ fills on {@code fill_number} first (columns {@code fill__*}, {@link StudyJoin#withFills});
 * <li>⋈ Certhelper on (run, reconstruction) (left), when a history is given: {@code reference_run},
 *     {@code reference_reconstruction}, {@code dataset};
 * <li>⋈ DQM features from a crawl directory on (run, reconstruction): {@code <prefix>.mean|.rms|.entries|.integral}
 *     per {@link DqmFeature}; a missing histogram gives NaN (an empty cell), never a dropped row;
 * <li>{@code reference_cost} (the tracking map of the row against its reference's, both of the row's
 *     reconstruction — as the notebook's {@code calculate_tracking_map_reference_cost(run, ref, row.reco)} and
 *     {@code refrun check} do, even when Certhelper names another reference reconstruction) and
 *     {@code angular_entropy} ({@link TrackingMaps}); empty when a map is missing.
 * </ol>
 */
public final class FullStudyTable {
    private static final Logger LOG = LoggerFactory.getLogger(FullStudyTable.class);

    /** The columns the Run Registry rows start with. */
    public static final List<String> RR_COLUMNS = List.of("run_number", "reconstruction", "rr_dataset", "rr_class",
            "rr_significant", "tracker_state", "pixel", "strip", "tracking");
    /** The columns of the Certhelper join on (run, reconstruction). */
    public static final List<String> REFERENCE_COLUMNS = List.of("reference_run", "reference_reconstruction", "dataset");
    public static final String REFERENCE_COST = "reference_cost";
    public static final String ANGULAR_ENTROPY = "angular_entropy";

    private FullStudyTable() {}

    /** Progress of a build. */
    @FunctionalInterface
    public interface Progress {
        void rowDone(int done, int total);

        /** Told once the DQM features are read: {@code found} of {@code asked} (row, histogram) pairs had a histogram under {@code root}. */
        default void histogramsFound(long found, long asked, Path root) {}
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The inputs; each is optional, but the rows need Run Registry datasets or OMS runs. */
    public static final class Builder {
        private List<RrDataset> datasets;
        private StudyTable runs;
        private StudyTable fills;
        private List<RunReferencePair> certification; // null: not joined
        private Path dqm;
        private List<DqmFeature> features = DqmFeatures.NOTEBOOK;
        private String trackingMap = DqmFeatures.TRACKING_MAP;
        private Progress progress = (done, total) -> { };

        private Builder() {}

        /** Run Registry datasets ({@code RrDatasets.read}): one row each. */
        public Builder runRegistry(List<RrDataset> d) {
            this.datasets = List.copyOf(d);
            return this;
        }

        /** OMS runs, flattened ({@link StudyJoin#flatten}, or a CSV table with {@code run_number}). */
        public Builder runs(StudyTable t) {
            this.runs = Objects.requireNonNull(t, "runs");
            return this;
        }

        /** OMS fills, flattened (with {@code fill_number}); joined to the runs. */
        public Builder fills(StudyTable t) {
            this.fills = Objects.requireNonNull(t, "fills");
            return this;
        }

        /** The Certhelper history. */
        public Builder certification(List<RunReferencePair> pairs) {
            this.certification = List.copyOf(pairs);
            return this;
        }

        /** A crawl directory ({@code org.runops.dqm.CrawlLayout}) for the DQM features and the tracking-map columns. */
        public Builder dqm(Path crawlDirectory) {
            this.dqm = Objects.requireNonNull(crawlDirectory, "crawlDirectory");
            return this;
        }

        /** The DQM features (default {@link DqmFeatures#NOTEBOOK}). */
        public Builder features(List<DqmFeature> f) {
            this.features = List.copyOf(f);
            return this;
        }

        /** The tracking map's ME path (default {@link DqmFeatures#TRACKING_MAP}); null leaves out reference_cost and angular_entropy. */
        public Builder trackingMap(String mePath) {
            this.trackingMap = mePath;
            return this;
        }

        /** Told after each row's DQM histograms are read (rows done, rows in all): the long part of a build. */
        public Builder progress(Progress p) {
            this.progress = Objects.requireNonNull(p, "progress");
            return this;
        }

        public StudyTable build() {
            if (datasets == null && runs == null) {
                throw new StudyException("the studies table needs Run Registry datasets or OMS runs for its rows");
            }
            StudyTable oms = runs != null && fills != null ? StudyJoin.withFills(runs, fills) : runs;
            StudyTable table;
            if (datasets != null) {
                table = withRuns(runRegistryRows(datasets), oms);
                table = certification == null ? table : joinReferences(table, certification);
            } else {
                table = certification == null ? oms : StudyJoin.join(oms, certification);
            }
            if (dqm != null) {
                if (!table.hasColumn("reconstruction")) {
                    throw new StudyException("DQM features are per (run, reconstruction): give Run Registry datasets or a Certhelper history");
                }
                DqmCrawlDirectory crawl = new DqmCrawlDirectory(dqm);
                table = withFeatures(table, crawl, features, progress);
                if (trackingMap != null) {
                    table = withTrackingMapColumns(table, crawl, trackingMap);
                }
            }
            return table;
        }
    }

    /** A row's identity: (run, reconstruction); a dataset of unrecognised reconstruction is told apart by its name. */
    private record RowKey(long run, Reconstruction reco, String unknownDataset) {
        static RowKey of(long run, Reconstruction reco) {
            return new RowKey(run, reco, null);
        }
    }

    static StudyTable runRegistryRows(List<RrDataset> datasets) {
        StudyTable.Builder out = StudyTable.builder(RR_COLUMNS);
        Map<RowKey, String> seen = new HashMap<>();
        for (RrDataset d : datasets) {
            if (d.deleted()) {
                continue; // removed from Run Registry: not a certification
            }
            Reconstruction reco = TrackerFlags.reconstruction(d.name());
            RowKey key = new RowKey(d.run(), reco, reco == Reconstruction.UNKNOWN ? d.name() : null);
            String first = seen.putIfAbsent(key, d.name());
            if (first != null) {
                LOG.info("run {}: datasets {} and {} are both {}; the first one's row is kept", d.run(), first, d.name(), reco);
                continue;
            }
            out.add(d.run(), reco == Reconstruction.UNKNOWN ? null : reco.certhelperName(), d.name(),
                    d.runClass().isEmpty() ? null : d.runClass(), d.significant(), d.workspaceState("tracker").orElse(null),
                    flag(d, "pixel"), flag(d, "strip"), flag(d, "tracking"));
        }
        return out.build();
    }

    private static String flag(RrDataset d, String column) {
        return TrackerFlags.status(d, column).map(FlagStatus::name).orElse(null);
    }

    /** rows ⋈ OMS runs on run_number (left); the runs' other columns appended. */
    static StudyTable withRuns(StudyTable rows, StudyTable runs) {
        if (runs == null) {
            return rows;
        }
        int key = runs.indexOf("run_number");
        List<String> columns = new ArrayList<>(rows.columns());
        List<Integer> take = new ArrayList<>();
        for (int c = 0; c < runs.columns().size(); c++) {
            String name = runs.columns().get(c);
            if (c == key) {
                continue;
            }
            if (rows.hasColumn(name)) {
                throw new StudyException("the OMS runs have a column \"" + name + "\" that the Run Registry rows already have");
            }
            columns.add(name);
            take.add(c);
        }
        Map<Long, Object[]> byRun = new HashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            Object[] r = runs.rawRow(i);
            StudyTable.wholeNumber(r[key]).ifPresent(n -> byRun.putIfAbsent(n, r));
        }
        int rowKey = rows.indexOf("run_number");
        StudyTable.Builder out = StudyTable.builder(columns);
        for (int i = 0; i < rows.size(); i++) {
            Object[] row = Arrays.copyOf(rows.rawRow(i), columns.size());
            OptionalLong n = StudyTable.wholeNumber(row[rowKey]);
            Object[] run = n.isPresent() ? byRun.get(n.getAsLong()) : null;
            if (run != null) {
                for (int t = 0; t < take.size(); t++) {
                    row[rows.columns().size() + t] = run[take.get(t)];
                }
            }
            out.add(row);
        }
        return out.build();
    }

    /** rows ⋈ Certhelper on (run, reconstruction), left; the first pair of a (run, reconstruction) wins, as StudyJoin's. */
    static StudyTable joinReferences(StudyTable rows, List<RunReferencePair> certification) {
        Map<RowKey, RunReferencePair> byKey = new HashMap<>();
        for (RunReferencePair p : certification) {
            byKey.putIfAbsent(RowKey.of(p.run(), Reconstruction.parse(p.reconstruction())), p);
        }
        List<Object> refs = new ArrayList<>(rows.size());
        List<Object> refRecos = new ArrayList<>(rows.size());
        List<Object> datasets = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            RunReferencePair p = key(rows, i).map(byKey::get).orElse(null);
            refs.add(p == null ? null : p.referenceRun());
            refRecos.add(p == null || p.referenceReconstruction().isEmpty() ? null : p.referenceReconstruction());
            datasets.add(p == null || p.dataset().isEmpty() ? null : p.dataset());
        }
        return rows.withColumns(REFERENCE_COLUMNS, List.of(refs, refRecos, datasets));
    }

    private static Optional<RowKey> key(StudyTable rows, int i) {
        OptionalLong run = StudyTable.wholeNumber(rows.value(i, "run_number"));
        Reconstruction reco = Reconstruction.parse(Objects.toString(rows.value(i, "reconstruction"), null));
        return run.isPresent() && reco != Reconstruction.UNKNOWN ? Optional.of(RowKey.of(run.getAsLong(), reco)) : Optional.empty();
    }

    /** The four statistics of every feature, per row; NaN (empty) where the crawl has no histogram. Built in one pass: 300 columns. */
    static StudyTable withFeatures(StudyTable table, DqmCrawlDirectory crawl, List<DqmFeature> features, Progress progress) {
        List<String> columns = new ArrayList<>(table.columns());
        features.forEach(f -> columns.addAll(f.columns()));
        int width = table.columns().size();
        int stats = DqmFeature.STATISTICS.size();
        StudyTable.Builder out = StudyTable.builder(columns);
        long found = 0;
        for (int i = 0; i < table.size(); i++) {
            Object[] row = Arrays.copyOf(table.rawRow(i), columns.size());
            OptionalLong run = StudyTable.wholeNumber(table.value(i, "run_number"));
            Reconstruction reco = Reconstruction.parse(Objects.toString(table.value(i, "reconstruction"), null));
            if (run.isPresent() && reco != Reconstruction.UNKNOWN) {
                for (int f = 0; f < features.size(); f++) {
                    double[] values = crawl.statistics(features.get(f), run.getAsLong(), reco);
                    found += Double.isNaN(values[2]) ? 0 : 1;
                    for (int s = 0; s < stats; s++) {
                        row[width + f * stats + s] = values[s]; // NaN becomes null in the builder
                    }
                }
            }
            out.add(row);
            progress.rowDone(i + 1, table.size());
        }
        long asked = (long) table.size() * features.size();
        if (found == 0 && asked > 0) {
            LOG.warn("DQM features: none of {} histograms found under {}", asked, crawl.root());
        }
        progress.histogramsFound(found, asked, crawl.root());
        return out.build();
    }

    /** reference_cost and angular_entropy from the tracking maps. */
    static StudyTable withTrackingMapColumns(StudyTable table, DqmCrawlDirectory crawl, String mePath) {
        int n = table.size();
        double[] cost = new double[n];
        double[] entropy = new double[n];
        boolean hasReference = table.hasColumn("reference_run");
        for (int i = 0; i < n; i++) {
            cost[i] = Double.NaN;
            entropy[i] = Double.NaN;
            OptionalLong run = StudyTable.wholeNumber(table.value(i, "run_number"));
            Reconstruction reco = Reconstruction.parse(Objects.toString(table.value(i, "reconstruction"), null));
            if (run.isEmpty() || reco == Reconstruction.UNKNOWN) {
                continue;
            }
            Optional<double[][]> map = crawl.map(mePath, run.getAsLong(), reco);
            if (map.isEmpty()) {
                continue;
            }
            entropy[i] = TrackingMaps.angularEntropy(map.get());
            OptionalLong ref = hasReference ? StudyTable.wholeNumber(table.value(i, "reference_run")) : OptionalLong.empty();
            if (ref.isPresent()) {
                Optional<double[][]> refMap = crawl.referenceMap(mePath, ref.getAsLong(), reco); // the row's reconstruction, as the notebook
                cost[i] = refMap.map(m -> TrackingMaps.referenceCost(map.get(), m)).orElse(Double.NaN);
            }
        }
        return table.withColumns(List.of(REFERENCE_COST, ANGULAR_ENTROPY), new double[][] {cost, entropy});
    }
}
