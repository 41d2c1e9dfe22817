package org.runops.runregistry;

import java.nio.file.Path;
import java.util.List;
import org.runops.runregistry.internal.RecordFiles;
import org.runops.runregistry.internal.RrRecords;
import org.runops.runregistry.internal.RrWriter;

/**
 * Saved dataset records: what {@code runops rr datasets --format json} writes and the tracker-studies table
 * reads. A file holds a JSON array of records in either shape (the server's or the Python client's
 * flattened one, as in {@code data/runregistry/rr_dataset_record_*.json}), one such record, or a saved
 * {@code datasets_filtered_ordered} page. Written in the flattened shape, which reads back to equal records.
 *
 * <pre>{@code
 * List<RrDataset> flags = RrDatasets.read(Path.of("datasets.json"));
 * flags.get(0).triplet("tracker-strip").map(t -> t.count(FlagStatus.GOOD));
 * }</pre>
 */
public final class RrDatasets {
    private RrDatasets() {}

    /** The datasets saved in {@code file}; a {@link RunRegistryException} naming the file and record otherwise. */
    public static List<RrDataset> read(Path file) {
        return RecordFiles.read(file, "datasets", RrRecords::dataset);
    }

    /** The datasets in {@code body}; {@code source} names it in errors. */
    public static List<RrDataset> parse(byte[] body, String source) {
        return RecordFiles.parse(body, source, "datasets", RrRecords::dataset);
    }

    /** {@code datasets} as a pretty-printed JSON array in the flattened shape. */
    public static String toJson(List<RrDataset> datasets) {
        return RecordFiles.pretty(RrWriter.datasets(datasets));
    }

    /** {@link #toJson} written to {@code file} atomically. */
    public static void write(Path file, List<RrDataset> datasets) {
        RecordFiles.write(file, toJson(datasets));
    }
}
