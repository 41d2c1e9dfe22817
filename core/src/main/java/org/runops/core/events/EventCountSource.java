package org.runops.core.events;

import java.nio.file.Path;

/** Where an event count comes from: DAQ metadata of a run directory, a ROOT tree, or a known number. */
public interface EventCountSource {

    /** One line naming the source, e.g. the run directory or the file and tree. */
    String description();

    /** Counts now. Never throws for bad input; problems are reported in the result. */
    EventCount count();

    /** The DAQ count of an fff run directory: EoR {@code NEvents}, else the sum over index files. */
    static EventCountSource daq(Path runDirectory) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Entries of a top-level tree in a ROOT file, with ROOT's zombie and recovered rules. */
    static EventCountSource rootTree(Path file, String tree) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** A count known from elsewhere (a database row, a job report). */
    static EventCountSource known(long events, String description) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
