package org.runops.studies;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.runops.core.refrun.RunReferencePair;
import org.runops.core.run.RunRecord;
import org.runops.core.run.RunTable;
import org.runops.oms.OmsRecord;
import org.runops.oms.OmsTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joins OMS runs, OMS fills and the Certhelper history into one flat table, the way
 * wbmcrawlr/trackerstudies flatten them (spec §1.8):
 * <ul>
 * <li>a record becomes its attributes, then one {@code <attr>_unit} column per attribute with a unit
 *     ({@link OmsTable}, the flattening every OMS user in runops shares);
 * <li>runs ⋈ fills on {@code fill_number}, fill columns prefixed {@code fill__}; a run without a
 *     fill, or whose fill is not in the list, keeps empty fill columns;
 * <li>a left join of the certification history on {@code run_number} adds {@code reconstruction},
 *     {@code reference_run}, {@code reference_reconstruction} and {@code dataset}: one row per
 *     (run, reconstruction) the run was certified in (the first row of the history wins when a dump
 *     repeats one), uncertified runs once with those columns empty.
 * </ul>
 */
public final class StudyJoin {
    private static final Logger LOG = LoggerFactory.getLogger(StudyJoin.class);

    /** Prefix of the fill columns. */
    public static final String FILL_PREFIX = "fill__";
    /** The columns added by the certification join. */
    public static final List<String> CERTIFICATION_COLUMNS = List.of("reconstruction", "reference_run",
            "reference_reconstruction", "dataset");

    private StudyJoin() {}

    /** runs ⋈ fills ⋈ certification, as described in the class comment. */
    public static StudyTable join(List<OmsRecord> runs, List<OmsRecord> fills, List<RunReferencePair> certification) {
        return join(withFills(flatten(runs, "run_number"), flatten(fills, "fill_number")), certification);
    }

    /** A runs table that is already flat (such as the shared CSVs) left-joined with the certification history. */
    public static StudyTable join(StudyTable runs, List<RunReferencePair> certification) {
        int runColumn = runs.indexOf("run_number");
        for (String c : CERTIFICATION_COLUMNS) {
            if (runs.hasColumn(c)) {
                throw new StudyException("the runs table already has a column \"" + c + "\"; the certification join adds it");
            }
        }
        Map<Long, Map<String, RunReferencePair>> byRun = new HashMap<>();
        for (RunReferencePair p : certification) {
            byRun.computeIfAbsent(p.run(), r -> new LinkedHashMap<>()).putIfAbsent(p.reconstruction(), p);
        }
        List<String> columns = new ArrayList<>(runs.columns());
        columns.addAll(CERTIFICATION_COLUMNS);
        StudyTable.Builder out = StudyTable.builder(columns);
        int width = runs.columns().size();
        int joined = 0;
        for (int i = 0; i < runs.size(); i++) {
            Object[] run = runs.rawRow(i);
            OptionalLong number = StudyTable.wholeNumber(run[runColumn]);
            Map<String, RunReferencePair> certified = number.isPresent() ? byRun.get(number.getAsLong()) : null;
            if (certified == null) {
                out.add(Arrays.copyOf(run, columns.size()));
                continue;
            }
            joined++;
            for (RunReferencePair p : certified.values()) {
                Object[] row = Arrays.copyOf(run, columns.size());
                row[width] = emptyToNull(p.reconstruction());
                row[width + 1] = p.referenceRun();
                row[width + 2] = emptyToNull(p.referenceReconstruction());
                row[width + 3] = emptyToNull(p.dataset());
                out.add(row);
            }
        }
        LOG.debug("certification join: {} of {} runs certified ({} history rows)", joined, runs.size(), certification.size());
        return out.build();
    }

    /**
     * Flattens OMS records with the one OMS flattening, {@link OmsTable}: {@code keyAttribute}
     * ({@code run_number}, {@code fill_number}) first, taken from the record id when a projection left it
     * out; the other attributes in order of first appearance; then {@code <attr>_unit} columns in column
     * order; lists joined with ';'.
     */
    public static StudyTable flatten(List<OmsRecord> records, String keyAttribute) {
        OmsTable t = OmsTable.of(records, keyAttribute);
        return StudyTable.of(t.columns(), t.rows());
    }

    /**
     * Runs from any run catalogue ({@code RunCatalog.runs}) as a runs table: {@link RunTable}'s columns
     * ({@code run_number}, {@code start_time}, {@code end_time}, then the attributes in first-seen order),
     * each text value typed as an unquoted CSV field is (numbers, booleans, missing). It joins with fills
     * and the certification history like a flattened OMS table.
     */
    public static StudyTable runs(List<RunRecord> runs) {
        RunTable t = RunTable.of(runs);
        StudyTable.Builder out = StudyTable.builder(t.columns());
        for (List<String> row : t.rows()) {
            out.add(row.stream().map(v -> v == null ? null : StudyTable.infer(v)).toArray());
        }
        return out.build();
    }

    /** runs ⋈ fills on {@code fill_number}; fill columns prefixed {@code fill__}, empty when the run has no known fill. */
    public static StudyTable withFills(StudyTable runs, StudyTable fills) {
        int runFill = runs.hasColumn("fill_number") ? runs.indexOf("fill_number") : -1;
        int fillKey = fills.indexOf("fill_number");
        Map<Long, Object[]> fillByNumber = new HashMap<>();
        for (int i = 0; i < fills.size(); i++) {
            Object[] fill = fills.rawRow(i);
            OptionalLong n = StudyTable.wholeNumber(fill[fillKey]);
            if (n.isPresent() && fillByNumber.putIfAbsent(n.getAsLong(), fill) != null) {
                LOG.debug("fill {} listed twice; the first record is joined", n.getAsLong());
            }
        }
        List<String> columns = new ArrayList<>(runs.columns());
        fills.columns().forEach(c -> columns.add(FILL_PREFIX + c));
        StudyTable.Builder out = StudyTable.builder(columns);
        int width = runs.columns().size();
        for (int i = 0; i < runs.size(); i++) {
            Object[] run = runs.rawRow(i);
            Object[] row = Arrays.copyOf(run, columns.size());
            OptionalLong n = runFill < 0 ? OptionalLong.empty() : StudyTable.wholeNumber(run[runFill]);
            Object[] fill = n.isPresent() ? fillByNumber.get(n.getAsLong()) : null;
            if (fill != null) {
                System.arraycopy(fill, 0, row, width, fill.length);
            }
            out.add(row);
        }
        return out.build();
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
