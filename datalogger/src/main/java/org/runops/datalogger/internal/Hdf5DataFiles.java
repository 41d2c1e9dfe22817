package org.runops.datalogger.internal;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Node;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.runops.core.RegularFiles;
import org.runops.datalogger.DataFileHeader;
import org.runops.datalogger.DataFileReader;
import org.runops.datalogger.DataFiles;
import org.runops.datalogger.DataLoggerException;
import org.runops.datalogger.StoredSeries;

/** Opens HDF5 data files (runops' own or the original scripts' pandas tables) and writes runops' own, with jhdf. */
public final class Hdf5DataFiles {
    static final String UTC_SECONDS = "utc_seconds";
    static final String VALUE = "value";
    /** File attribute: the series keys in the order written. */
    static final String KEYS = "keys";

    private Hdf5DataFiles() {}

    public static DataFileReader open(Path file) {
        checkNotTruncated(file);
        HdfFile hdf;
        try {
            hdf = new HdfFile(file);
        } catch (RuntimeException e) {
            throw new DataLoggerException("damaged HDF5 file " + file + ": " + e.getMessage(), e);
        }
        try {
            Map<String, String> attributes = textAttributes(hdf);
            if (DataFiles.FORMAT.equals(attributes.get(DataFiles.ATTR_FORMAT))) {
                return new RunopsHdf5Reader(file, hdf, attributes);
            }
            return PandasTableReader.open(file, hdf);
        } catch (RuntimeException e) {
            hdf.close();
            throw e instanceof DataLoggerException d ? d : new DataLoggerException("damaged HDF5 file " + file + ": " + e.getMessage(), e);
        }
    }

    public static void write(Path tmp, DataFileHeader header, List<StoredSeries> series) {
        try (WritableHdfFile hdf = HdfFile.write(tmp)) {
            header.attributes().forEach(hdf::putAttribute);
            // jhdf does not keep the order groups were added in: the file says it
            hdf.putAttribute(KEYS, series.stream().map(StoredSeries::key).toArray(String[]::new));
            for (StoredSeries s : series) {
                WritableGroup g = hdf.putGroup(DataFiles.groupName(s.key()));
                g.putAttribute(DataFiles.ATTR_NAME, s.key());
                s.attributes().forEach(g::putAttribute);
                g.putAttribute(DataFiles.ATTR_SAMPLES, Long.toString(s.size()));
                if (s.size() > 0) { // jhdf cannot write zero-length datasets
                    g.putDataset(UTC_SECONDS, s.utcSeconds());
                    g.putDataset(VALUE, s.values());
                }
            }
        } catch (RuntimeException e) {
            throw new DataLoggerException("cannot write HDF5 file " + tmp + ": " + e.getMessage(), e);
        }
    }

    /** The scalar attributes of a node as text; arrays and other shapes are left out. */
    static Map<String, String> textAttributes(Node node) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Attribute> e : node.getAttributes().entrySet()) {
            Object data = e.getValue().isEmpty() ? null : e.getValue().getData();
            if (data instanceof String || data instanceof Number) {
                out.put(e.getKey(), data.toString());
            } else if (data != null && data.getClass().isArray() && Array.getLength(data) == 1 && Array.get(data, 0) instanceof String s) {
                out.put(e.getKey(), s);
            }
        }
        return out;
    }

    /**
     * A file cut short (a copy or a write that died) still has the superblock, which says where the
     * file ends: compare that with its size before jhdf reads past the end and fails obscurely.
     */
    static void checkNotTruncated(Path file) {
        byte[] head;
        long size;
        try (InputStream in = RegularFiles.newInputStream(file)) {
            head = in.readNBytes(64);
            size = Files.size(file);
        } catch (IOException e) {
            throw new DataLoggerException("cannot read HDF5 file " + file + ": " + RegularFiles.reason(e), e);
        }
        ByteBuffer b = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        if (head.length < 16) {
            throw new DataLoggerException("truncated HDF5 file " + file + ": " + head.length + " bytes, shorter than an HDF5 superblock");
        }
        int version = head[8];
        int offsetSize = version < 2 ? head[13] : head[9];
        int eofAt = switch (version) {
            case 0 -> 24 + 2 * offsetSize;
            case 1 -> 28 + 2 * offsetSize;
            default -> 12 + 2 * offsetSize;
        };
        if (offsetSize != 8 || head.length < eofAt + 8) {
            return; // unusual superblock: let the HDF5 reader judge it
        }
        long declaredEnd = b.getLong(eofAt) + b.getLong(eofAt - 2 * offsetSize);
        if (declaredEnd > size) {
            throw new DataLoggerException("truncated HDF5 file " + file + ": its superblock says it is " + declaredEnd
                    + " bytes long but it has " + size + " (an interrupted copy or write?)");
        }
    }
}
