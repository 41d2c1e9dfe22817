package org.runops.calo.internal;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One HIST row of the FileCatalog as read: a {@code datasets} row joined with one of its {@code files}
 * replicas, and the events of its segment's DST.
 *
 * @param run        {@code datasets.runnumber}
 * @param segment    {@code datasets.segment}
 * @param tag        the tag column's value
 * @param dstType    {@code datasets.dsttype}
 * @param lfn        {@code datasets.filename} = {@code files.lfn}
 * @param host       {@code files.full_host_name}
 * @param path       {@code files.full_file_path}
 * @param registered {@code files.time} (the epoch when NULL: such a file never makes its tag win)
 * @param events     the largest {@code events} of the {@code DST_CALO%} rows of the same tag, run and segment, if any
 */
public record CatalogRow(long run, int segment, String tag, String dstType, String lfn, String host, String path,
        Instant registered, OptionalLong events) {
    public CatalogRow {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(dstType, "dstType");
        Objects.requireNonNull(lfn, "lfn");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(registered, "registered");
        Objects.requireNonNull(events, "events");
    }

    /** Whether it is a HIST_CALOQA file (not a HIST_CALOFITTINGQA one): only these decide which tag wins. */
    boolean decidesTag() {
        return dstType.startsWith("HIST_CALOQA");
    }
}
