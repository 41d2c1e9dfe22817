package org.runops.strip;

/**
 * The checks of a run's outputs (spec §1.5-1.6), with the fields of the failed ledger's line.
 *
 * @param hasEdm  the EDM file's Events count matches the DAQ count (not a zombie, not recovered)
 * @param hasComm the client and source files are present
 * @param dbValid the ANALYSIS table has a complete row for the run (and partition, for scope runs)
 * @param edmDetail the event-count verdict and reason, for humans
 */
public record Validation(boolean hasEdm, boolean hasComm, boolean dbValid, String edmDetail) {

    public String describe() {
        return "EDM " + (hasEdm ? "ok" : "not valid") + " (" + edmDetail + "), client/source files "
                + (hasComm ? "present" : "missing") + ", ANALYSIS rows " + (dbValid ? "complete" : "missing or incomplete");
    }
}
