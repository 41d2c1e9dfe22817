package org.runops.core.events;

import java.nio.file.Path;

/** Reads the DAQ metadata ({@code .jsn}/{@code .jsd}) of one fff run directory. */
public final class DaqRunDirectory {

    private DaqRunDirectory() {}

    /**
     * Scans {@code runDirectory}: EoR, EoLS and index {@code .jsn} files. Bad files are reported in
     * {@link DaqRunSummary#problems()}, never thrown; a missing directory gives a summary whose count is MISSING.
     */
    public static DaqRunSummary scan(Path runDirectory) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
