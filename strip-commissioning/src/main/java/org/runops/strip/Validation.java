package org.runops.strip;

import java.util.Objects;
import org.runops.core.events.Verdict;

/**
 * The checks of a run's outputs (spec §1.5-1.6), with the fields of the failed ledger's line.
 *
 * @param edm       the EDM file's Events count against the DAQ count; {@link Verdict#INDETERMINATE}
 *                  when either could not be read now
 * @param hasComm   the client and source files are present
 * @param dbValid   the ANALYSIS table has a complete row for the run (and partition, for scope runs)
 * @param edmDetail the event-count verdict and reason, for humans
 */
public record Validation(Verdict edm, boolean hasComm, boolean dbValid, String edmDetail) {

    public Validation {
        Objects.requireNonNull(edm, "edm");
        Objects.requireNonNull(edmDetail, "edmDetail");
    }

    /** The EDM file's count matches the DAQ count (not a zombie, not recovered): the original's hasEDM. */
    public boolean hasEdm() {
        return edm.passed();
    }

    /** The EDM check could not be made: this validation is no basis for deleting or condemning anything. */
    public boolean indeterminate() {
        return edm.indeterminate();
    }

    public String describe() {
        String edmState = hasEdm() ? "ok" : indeterminate() ? "could not be checked" : "not valid";
        return "EDM " + edmState + " (" + edmDetail + "), client/source files "
                + (hasComm ? "present" : "missing") + ", ANALYSIS rows " + (dbValid ? "complete" : "missing or incomplete");
    }
}
