package org.runops.core.events;

import java.nio.file.Path;

/**
 * Writes an fff run directory the way the CMS DAQ (evb BU) does: {@code fu.lock}, {@code hlt/},
 * {@code jsd/}, index/EoLS/EoR {@code .jsn} files (and optionally empty {@code .raw} stand-ins),
 * for tests, demos and benchmarks.
 */
public final class FffRunDirectoryWriter {

    private FffRunDirectoryWriter() {}

    /** A writer for {@code <storageRoot>/run<runNumber zero-padded to 6>}. */
    public static FffRunDirectoryWriter create(Path storageRoot, long runNumber) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Adds lumisection {@code ls} with one index file per element, each holding that many events. */
    public FffRunDirectoryWriter lumiSection(int ls, long... eventsPerIndexFile) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Whether to write the EoR file (default true). */
    public FffRunDirectoryWriter endOfRun(boolean write) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Writes everything and returns the run directory. */
    public Path write() {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
