package org.runops.examples.cli;

import org.runops.calo.PlanStepException;
import org.runops.core.exec.batch.SubmissionLockedException;

/**
 * Exit codes of {@code runops calo plan} and {@code runops calo status}, in the spirit of sPHENIX's
 * production scripts (0 also for "nothing to do"; one code per failure class, so a cron mail says which
 * service to look at). The launcher's own codes (2 usage or configuration, 3 bug) keep their meaning.
 */
final class CaloExitCodes {
    /** Nothing to do, a dry run rendered, or jobs submitted. */
    static final int OK = ExitCodes.OK;
    /** A bad option, a missing binary, {@code OFFLINE_MAIN} unset, a demo plan for a real batch system. */
    static final int CONFIGURATION = ExitCodes.INPUT_ERROR;
    /** The FileCatalog could not be read: nothing was planned. */
    static final int CATALOG_UNREACHABLE = 40;
    /** The CDB could not be asked at all: nothing was planned. */
    static final int CDB_UNREACHABLE = 41;
    /** The plan was made and executed, but some runs could not be decided (CDB or file check): they wait for the next run. */
    static final int RUNS_DEFERRED = 42;
    /** The batch system refused the jobs: the plan's files are written, nothing was recorded as submitted. */
    static final int SUBMISSION_FAILED = 50;
    /** Another run (an overlapping cron call) holds the lock of the submission store: nothing was done. */
    static final int LOCKED = 60;

    /** The help footer, one line per code group. */
    static final String FOOTER = "Exit codes: 0 nothing to do, dry run or submitted; 2 configuration error; 3 a bug;%n"
            + "40 FileCatalog unreachable; 41 CDB unreachable; 42 some runs deferred (CDB or file check undecided; the rest was done);%n"
            + "50 submission failed; 60 another run holds the lock.";

    private CaloExitCodes() {}

    /** The code of a failure these commands name on their own, or -1 for the launcher's handling. */
    static int of(Exception e) {
        if (e instanceof SubmissionLockedException) {
            return LOCKED;
        }
        if (e instanceof PlanStepException p) {
            return switch (p.step()) {
                case CATALOG -> CATALOG_UNREACHABLE;
                case CDB -> CDB_UNREACHABLE;
                case SUBMISSION -> SUBMISSION_FAILED;
            };
        }
        return -1;
    }
}
