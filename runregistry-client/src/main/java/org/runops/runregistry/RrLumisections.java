package org.runops.runregistry;

import java.util.List;
import org.runops.runregistry.internal.RecordFiles;
import org.runops.runregistry.internal.RrJson;
import org.runops.runregistry.internal.RrRecords;
import org.runops.runregistry.internal.RrWriter;

/**
 * Lumisection flags as JSON, in the server's shapes: {@code rr_lumisections} (an array, element i is lumisection
 * i+1) and {@code rr_lumisection_ranges} ({@code [{start, end, <column>: {status, cause, comment}}]}). What
 * {@code runops rr lumis --format json} writes reads back with {@link #parse} / {@link #parseRanges}.
 */
public final class RrLumisections {
    private RrLumisections() {}

    public static String toJson(List<LumiFlags> lumisections) {
        for (int i = 0; i < lumisections.size(); i++) {
            if (lumisections.get(i).lumisection() != i + 1) {
                throw new IllegalArgumentException("element " + i + " is lumisection " + lumisections.get(i).lumisection()
                        + ": the array form needs lumisections 1, 2, 3, ... in order");
            }
        }
        return RecordFiles.pretty(RrWriter.lumisections(lumisections));
    }

    public static String rangesToJson(List<LumiRange> ranges) {
        return RecordFiles.pretty(RrWriter.ranges(ranges));
    }

    public static List<LumiFlags> parse(byte[] json, String source) {
        return RrRecords.lumisections(RrJson.tree(json, source), source);
    }

    public static List<LumiRange> parseRanges(byte[] json, String source) {
        return RrRecords.ranges(RrJson.tree(json, source), source);
    }
}
