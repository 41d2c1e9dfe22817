package org.runops.studies;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.runops.core.refrun.RunReferencePair;
import org.runops.oms.OmsRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joins OMS runs, OMS fills and the Certhelper history into one flat table, the way
 * wbmcrawlr/trackerstudies flatten them (spec §1.8):
 * <ul>
 * <li>a record becomes its attributes, then one {@code <attr>_unit} column per attribute with a unit;
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
     * Flattens OMS records: their attributes in order of first appearance, then {@code <attr>_unit}
     * columns. {@code keyAttribute} ({@code run_number}, {@code fill_number}) is taken from the record's
     * id when a projection left it out, so every row has its key.
     */
    public static StudyTable flatten(List<OmsRecord> records, String keyAttribute) {
        LinkedHashSet<String> attributes = new LinkedHashSet<>();
        attributes.add(keyAttribute);
        LinkedHashSet<String> units = new LinkedHashSet<>();
        for (OmsRecord r : records) {
            attributes.addAll(r.attributes().keySet());
        }
        for (OmsRecord r : records) {
            for (String a : attributes) { // units in attribute order, whatever order meta.row had
                if (r.units().containsKey(a)) {
                    units.add(a);
                }
            }
        }
        List<String> columns = new ArrayList<>(attributes);
        units.forEach(a -> columns.add(a + "_unit"));
        StudyTable.Builder out = StudyTable.builder(columns);
        for (OmsRecord r : records) {
            Object[] row = new Object[columns.size()];
            int i = 0;
            for (String a : attributes) {
                row[i++] = r.attributes().get(a);
            }
            for (String a : units) {
                row[i++] = r.units().get(a);
            }
            if (row[0] == null) {
                row[0] = StudyTable.wholeNumber(r.id()).isPresent() ? (Object) StudyTable.wholeNumber(r.id()).getAsLong() : r.id();
            }
            out.add(row);
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
