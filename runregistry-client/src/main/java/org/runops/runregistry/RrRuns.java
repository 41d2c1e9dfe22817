package org.runops.runregistry;

import java.nio.file.Path;
import java.util.List;
import org.runops.runregistry.internal.RecordFiles;
import org.runops.runregistry.internal.RrRecords;
import org.runops.runregistry.internal.RrWriter;

/**
 * Saved run records: what {@code runops rr runs --format json} writes. A file holds a JSON array of records in
 * either shape (the server's, or the Python client's flattened one: rr attributes spread, summary as
 * {@code lumisections}), one such record, or a saved {@code runs_filtered_ordered} page. Written in the
 * flattened shape, which reads back to equal records.
 */
public final class RrRuns {
    private RrRuns() {}

    /** The runs saved in {@code file}; a {@link RunRegistryException} naming the file and record otherwise. */
    public static List<RrRun> read(Path file) {
        return RecordFiles.read(file, "runs", RrRecords::run);
    }

    /** The runs in {@code body}; {@code source} names it in errors. */
    public static List<RrRun> parse(byte[] body, String source) {
        return RecordFiles.parse(body, source, "runs", RrRecords::run);
    }

    /** {@code runs} as a pretty-printed JSON array in the flattened shape. */
    public static String toJson(List<RrRun> runs) {
        return RecordFiles.pretty(RrWriter.runs(runs));
    }

    /** {@link #toJson} written to {@code file} atomically. */
    public static void write(Path file, List<RrRun> runs) {
        RecordFiles.write(file, toJson(runs));
    }
}
