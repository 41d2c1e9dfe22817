package org.runops.datalogger;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A DataLogger data file opened for reading: the files runops writes (HDF5, CSV) and the ones the
 * original scripts wrote (pandas "table" HDF5: one key per device, both column styles, and the
 * data nanny's {@code Timestamps}/{@code Data}). Keys are the device names (or DRF strings) as stored.
 */
public interface DataFileReader extends AutoCloseable {
    Path path();

    /** The series stored in the file, in file order. */
    List<String> keys();

    /** File-level attributes (backend, node, window start/end, ...); empty for legacy files. */
    Map<String, String> attributes();

    /** The attributes of one series (node, units, window, backend, status, ...); empty where the format has none. */
    default Map<String, String> keyAttributes(String key) {
        return Map.of();
    }

    /** Streams one series' samples in blocks; a damaged or foreign series throws {@link DataLoggerException} naming the file and key. */
    void scan(String key, SampleBlockConsumer consumer);

    @Override
    void close();
}
