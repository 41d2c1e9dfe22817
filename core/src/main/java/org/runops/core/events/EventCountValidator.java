package org.runops.core.events;

/**
 * Compares an expected event count (e.g. the DAQ's) with the count in the output (e.g. the EDM
 * file's {@code Events} tree) and says why they agree or not. A side that could not be read (I/O
 * error, interrupt) makes the verdict {@link Verdict#INDETERMINATE}, never a failure. Then the
 * output's state is judged (missing, zombie, recovered, no tree, unreadable), then whether there is
 * an expectation at all, then the numbers.
 *
 * <pre>{@code
 * EventCountReport r = new EventCountValidator().validate(
 *         EventCountSource.daq(runDir), EventCountSource.rootTree(edm, "Events"));
 * }</pre>
 */
public final class EventCountValidator {

    public EventCountReport validate(EventCountSource expected, EventCountSource actual) {
        return validate(expected.count(), actual.count());
    }

    public EventCountReport validate(EventCount expected, EventCount actual) {
        Verdict verdict = verdict(expected, actual);
        return new EventCountReport(expected, actual, verdict, reason(verdict, expected, actual));
    }

    private static Verdict verdict(EventCount expected, EventCount actual) {
        if (actual.status().indeterminate() || expected.status().indeterminate()) {
            // Without the expected count even a missing output is no verdict: whether there is anything to produce is unknown.
            return Verdict.INDETERMINATE;
        }
        switch (actual.status()) {
            case MISSING:
                return Verdict.OUTPUT_MISSING;
            case ZOMBIE:
                return Verdict.OUTPUT_ZOMBIE;
            case RECOVERED:
                return Verdict.OUTPUT_RECOVERED;
            case TREE_MISSING:
                return Verdict.TREE_MISSING;
            case UNREADABLE:
            case UNKNOWN:
                return Verdict.OUTPUT_UNREADABLE;
            default:
                break;
        }
        if (expected.events().isEmpty()) {
            return Verdict.EXPECTED_UNKNOWN;
        }
        return expected.events().getAsLong() == actual.events().getAsLong() ? Verdict.MATCH : Verdict.MISMATCH;
    }

    private static String reason(Verdict verdict, EventCount expected, EventCount actual) {
        switch (verdict) {
            case MATCH:
                return "both have " + actual.events().getAsLong() + " events (" + expected.detail() + "; " + actual.detail() + ")";
            case MISMATCH: {
                long want = expected.events().getAsLong();
                long got = actual.events().getAsLong();
                long diff = want - got;
                return expected.detail() + " says " + want + " events, " + actual.detail() + " has " + got + " ("
                        + Math.abs(diff) + (diff > 0 ? " missing)" : " too many)");
            }
            case EXPECTED_UNKNOWN:
                return "no expected count: " + expected.detail() + " (output has " + actual.events().getAsLong() + ")";
            case OUTPUT_RECOVERED:
                return "output was not closed properly: " + actual.detail() + " has " + actual.events().getAsLong()
                        + " entries, what was last saved before the crash, not the job's total";
            case OUTPUT_MISSING:
                return "output missing: " + actual.detail();
            case OUTPUT_ZOMBIE:
                return "ROOT would not open the output: " + actual.detail();
            case TREE_MISSING:
                return "output has no such tree: " + actual.detail();
            case INDETERMINATE: {
                EventCount unread = actual.status().indeterminate() ? actual : expected;
                return "could not be checked now (" + unread.status() + "): " + unread.detail();
            }
            default:
                return "output cannot be read: " + actual.detail();
        }
    }
}
