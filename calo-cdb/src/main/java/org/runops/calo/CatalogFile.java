package org.runops.calo;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One HIST_CALOQA (or HIST_CALOFITTINGQA) file of the FileCatalog.
 *
 * @param run        the run number
 * @param segment    the segment number
 * @param tag        the production tag
 * @param dstType    the {@code dsttype}, e.g. {@code HIST_CALOQA}
 * @param path       {@code files.full_file_path}
 * @param registered {@code files.time}: when it was registered (refreshed on upsert), not the file's mtime
 * @param events     the events of the DST of the same (tag, run, segment), when the query asked for them
 */
public record CatalogFile(long run, int segment, String tag, String dstType, String path, Instant registered,
        OptionalLong events) {
    public CatalogFile {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(dstType, "dstType");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(registered, "registered");
        Objects.requireNonNull(events, "events");
    }

    /** The run and tag this file belongs to. */
    public RunTag runTag() {
        return new RunTag(run, tag);
    }
}
