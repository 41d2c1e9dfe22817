package org.runops.studies;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.runops.core.refrun.Reconstruction;
import org.runops.runregistry.FlagStatus;
import org.runops.runregistry.RrDataset;
import org.runops.runregistry.TripletSummary;

/**
 * The tracker certification of one Run Registry dataset as the notebook's columns {@code pixel},
 * {@code strip}, {@code tracking} (Run Registry v3 gave one status per dataset; v4 counts lumisections per
 * status in the triplet summaries of {@code tracker-pixel}, {@code tracker-strip}, {@code tracker-track}).
 *
 * <p>The rule, per column: <b>BAD</b> if any lumisection is BAD (a bad stretch makes the dataset a bad
 * example for the study); else <b>GOOD</b> if any is GOOD; else the status with the most lumisections
 * among STANDBY, EXCLUDED, NOTSET, EMPTY (ties in that order); missing (null) when the dataset has no
 * summary for the column or only unflagged ("NO VALUE FOUND") lumisections. The tracker workspace's
 * sign-off state (OPEN, SIGNOFF, COMPLETED) is a workflow state, not a quality: it is its own column,
 * {@code tracker_state}, never a substitute for a flag.
 */
public final class TrackerFlags {
    /** Table column → Run Registry column. The Python client's attribute list spells pixel {@code tracker-pix}: read too. */
    public static final Map<String, String> COLUMNS = columns();
    private static final List<FlagStatus> OTHERS = List.of(FlagStatus.STANDBY, FlagStatus.EXCLUDED, FlagStatus.NOTSET, FlagStatus.EMPTY);

    private TrackerFlags() {}

    private static Map<String, String> columns() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("pixel", "tracker-pixel");
        m.put("strip", "tracker-strip");
        m.put("tracking", "tracker-track");
        return Collections.unmodifiableMap(m);
    }

    /** The status of {@code column} ({@code pixel}, {@code strip}, {@code tracking}) by the rule above; empty when missing. */
    public static Optional<FlagStatus> status(RrDataset dataset, String column) {
        String rr = COLUMNS.get(column);
        if (rr == null) {
            throw new IllegalArgumentException("no tracker flag column '" + column + "'; known: " + COLUMNS.keySet());
        }
        Optional<TripletSummary> summary = dataset.triplet(rr);
        if (summary.isEmpty() && column.equals("pixel")) {
            summary = dataset.triplet("tracker-pix");
        }
        return summary.flatMap(TrackerFlags::status);
    }

    /** The rule above on one summary. */
    public static Optional<FlagStatus> status(TripletSummary summary) {
        if (summary.has(FlagStatus.BAD)) {
            return Optional.of(FlagStatus.BAD);
        }
        if (summary.has(FlagStatus.GOOD)) {
            return Optional.of(FlagStatus.GOOD);
        }
        FlagStatus most = null;
        for (FlagStatus s : OTHERS) {
            if (summary.count(s) > 0 && (most == null || summary.count(s) > summary.count(most))) {
                most = s;
            }
        }
        return Optional.ofNullable(most);
    }

    /**
     * The reconstruction a Run Registry dataset name stands for: {@code online} is ONLINE, the rest as
     * Certhelper reads dataset names ({@link Reconstruction#fromDataset}: express, prompt, rereco, rerecoul).
     */
    public static Reconstruction reconstruction(String datasetName) {
        return datasetName.strip().toLowerCase(Locale.ROOT).equals("online") ? Reconstruction.ONLINE
                : Reconstruction.fromDataset(datasetName);
    }
}
