package org.runops.core.events;

/**
 * Compares an expected event count (e.g. the DAQ's) with the count in the output (e.g. the EDM
 * file's {@code Events} tree) and says why they agree or not.
 *
 * <pre>{@code
 * EventCountReport r = new EventCountValidator().validate(
 *         EventCountSource.daq(runDir), EventCountSource.rootTree(edm, "Events"));
 * }</pre>
 */
public final class EventCountValidator {

    public EventCountReport validate(EventCountSource expected, EventCountSource actual) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public EventCountReport validate(EventCount expected, EventCount actual) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
