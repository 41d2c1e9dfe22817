package org.runops.datalogger;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a data file says about itself: what it holds ({@code params} or {@code events}), which backend
 * the data came from (so simulated data can never pass for real), the window asked for and when the
 * file was made. Written as file-level attributes.
 */
public record DataFileHeader(String kind, String backend, TimeWindow window, Instant created) {
    public static final String PARAMS = "params";
    public static final String EVENTS = "events";

    public DataFileHeader {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(created, "created");
        if (kind.isBlank() || backend.isBlank()) {
            throw new IllegalArgumentException("a data file header needs a kind and a backend: " + kind + ", " + backend);
        }
    }

    /** The file-level attributes, in the order written: format, kind, backend, window_start, window_end, created. */
    public Map<String, String> attributes() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(DataFiles.ATTR_FORMAT, DataFiles.FORMAT);
        m.put(DataFiles.ATTR_KIND, kind);
        m.put(DataFiles.ATTR_BACKEND, backend);
        m.put(DataFiles.ATTR_WINDOW_START, window.start().toString());
        m.put(DataFiles.ATTR_WINDOW_END, window.end().toString());
        m.put(DataFiles.ATTR_CREATED, created.toString());
        return m;
    }
}
