package org.runops.datalogger;

import java.nio.file.Path;

/** What a grab job reports besides fetch progress (which goes to the {@link FetchListener} of its {@link FetchOptions}). */
public interface GrabListener {
    /** The draft is complete on disk and about to be published. */
    default void draftWritten(Path draft) {}

    /** The file is in its final place. */
    default void published(Path file) {}

    static GrabListener none() {
        return new GrabListener() {};
    }
}
