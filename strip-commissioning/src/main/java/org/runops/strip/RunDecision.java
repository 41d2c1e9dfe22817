package org.runops.strip;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/** The final word on one run in one pass, as the pass report and {@code history.jsonl} spell it. */
public enum RunDecision {
    /** Not now (a decision-table row, a lease held elsewhere). */
    SKIP("nothing recorded; looked at again next pass"),
    /** A mode that is never analysed. */
    IGNORED("recorded in ignoredruns.txt; not looked at again"),
    /** Validated, or a zero-event run. */
    GOOD("recorded in analyzedruns.txt; not looked at again"),
    /** The first validation failed: analysed once more in the same pass. */
    RETRY("analysed once more in this pass"),
    /** The second validation failed too. */
    FAILED("recorded in failedruns.txt; not looked at again"),
    /**
     * The outputs could not be checked (I/O error, interrupt, database unreachable, a file that
     * changed between two reads): neither good nor bad.
     */
    RETRY_LATER("could not be checked now: nothing deleted, no ledger line; looked at again next pass"),
    /** A bad file or row stopped this run's processing. */
    ERROR("nothing recorded; looked at again next pass"),
    /** Decided in a dry run. */
    DRY_RUN("dry run: nothing done or recorded");

    private final String consequence;

    RunDecision(String consequence) {
        this.consequence = consequence;
    }

    /** What this decision leaves behind, in words: which ledger, and whether the run comes back. */
    public String consequence() {
        return consequence;
    }

    /** The decision a history line names, when it is one of these (older lines may name others). */
    public static Optional<RunDecision> parse(String name) {
        Objects.requireNonNull(name, "name");
        return Arrays.stream(values()).filter(d -> d.name().equals(name)).findFirst();
    }
}
