package org.runops.calo;

import java.util.Objects;

/**
 * A step of planning or executing could not be done, and which: the launcher turns each step into its
 * own exit code, so a cron log tells a catalogue outage from a CDB outage from a failed submission.
 */
public class PlanStepException extends CaloException {
    private static final long serialVersionUID = 1L;

    /** The steps that can fail on their own. */
    public enum Step {
        /** The FileCatalog could not be read. */
        CATALOG,
        /** The CDB could not be asked at all. */
        CDB,
        /** The batch system did not take the submission. */
        SUBMISSION
    }

    private final Step step;

    public PlanStepException(Step step, String message, Throwable cause) {
        super(message, cause);
        this.step = Objects.requireNonNull(step, "step");
    }

    public Step step() {
        return step;
    }
}
