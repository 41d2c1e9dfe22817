package org.runops.core.events;

import java.util.List;
import java.util.OptionalLong;

/** What the DAQ metadata of one run directory says. (Stub: the events work fills in the components.) */
public final class DaqRunSummary {

    /** The run's event count: EoR {@code data[0]} when usable, else the sum over index files, else empty. */
    public OptionalLong expectedEvents() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Sum of {@code NEvents} over the readable index {@code .jsn} files. */
    public long indexEvents() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Number of index {@code .jsn} files found (readable or not). */
    public int indexFiles() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Per-file problems and lumisection gaps. */
    public List<FileProblem> problems() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** This summary as an {@link EventCount} (status OK, UNKNOWN or MISSING). */
    public EventCount toEventCount() {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
