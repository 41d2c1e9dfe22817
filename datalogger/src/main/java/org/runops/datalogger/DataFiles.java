package org.runops.datalogger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.runops.core.RegularFiles;
import org.runops.core.ledger.AtomicFiles;
import org.runops.datalogger.internal.CsvDataFiles;
import org.runops.datalogger.internal.Hdf5DataFiles;

/**
 * Reads and writes DataLogger data files.
 *
 * <p>{@link #open} tells the format from the file's first bytes and streams samples in blocks of
 * {@link #BLOCK_SIZE}, so memory does not grow with the number of samples. It reads runops' own HDF5
 * and CSV files and the HDF5 files of the original scripts: pandas {@code to_hdf(format="table")}
 * files with one key per device (columns {@code utc_seconds}, {@code value}), the 2019 style
 * ({@code utc_seconds<DEV>}, {@code <DEV>}, also several devices under one key {@code x}), event
 * files ({@code epoch}, {@code SCmicrosec}) and the data nanny's ({@code Timestamps} in µs, {@code Data}).
 *
 * <p>runops' HDF5 layout: file attributes {@code format, kind, backend, window_start, window_end,
 * created}; one group per series named by {@link #groupName} (keys hold {@code : | @ ,}), with the
 * real key in attribute {@code name}, the series attributes ({@code node, units, window_start,
 * window_end, backend, status, samples}) and float64 datasets {@code utc_seconds} and {@code value}
 * (a series without samples has instead a one-element int64 dataset {@code empty}: jhdf 0.13 writes
 * neither zero-length datasets nor, readably, childless groups); the file attribute {@code keys}
 * lists the keys in the order written (jhdf does not keep group order).
 *
 * <p>runops' CSV layout: {@code #} lines first ({@code # name=value} file attributes, then
 * {@code # series KEY name=value} series attributes), then the header {@code key,utc_seconds,value}
 * and one row per sample, series after series; times are plain decimals, values round-trip exactly.
 *
 * <p>Writes are atomic: a temporary file in the target's folder, forced to disk, renamed over the target.
 */
public final class DataFiles {
    /** Samples per block handed to a {@link SampleBlockConsumer}. */
    public static final int BLOCK_SIZE = 1 << 16;
    /** The value of the file attribute {@code format} in runops files. */
    public static final String FORMAT = "runops-datalogger/1";

    public static final String ATTR_FORMAT = "format";
    public static final String ATTR_KIND = "kind";
    public static final String ATTR_BACKEND = "backend";
    public static final String ATTR_WINDOW_START = "window_start";
    public static final String ATTR_WINDOW_END = "window_end";
    public static final String ATTR_CREATED = "created";
    public static final String ATTR_NAME = "name";
    public static final String ATTR_NODE = "node";
    public static final String ATTR_UNITS = "units";
    public static final String ATTR_STATUS = "status";
    public static final String ATTR_SAMPLES = "samples";

    private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    private DataFiles() {}

    /** Opens a data file of any supported format; an unreadable, truncated or foreign file throws naming the file and the problem. */
    public static DataFileReader open(Path file) {
        byte[] head;
        try (InputStream in = RegularFiles.newInputStream(file)) {
            head = in.readNBytes(HDF5_SIGNATURE.length);
        } catch (IOException e) {
            throw new DataLoggerException("cannot open data file " + file + ": " + RegularFiles.reason(e), e);
        }
        if (Arrays.equals(head, HDF5_SIGNATURE)) {
            return Hdf5DataFiles.open(file);
        }
        if (head.length > 0 && (head[0] == '#' || startsWith(head, "key,"))) {
            return CsvDataFiles.open(file);
        }
        throw new DataLoggerException("not a DataLogger data file: " + file
                + " (expected HDF5, which starts with \\x89HDF, or a runops CSV, which starts with '#'; "
                + (head.length == 0 ? "the file is empty)" : "it starts with other bytes)"));
    }

    /** Writes {@code series} as runops HDF5 to {@code target}, atomically. */
    public static void writeHdf5(Path target, DataFileHeader header, List<StoredSeries> series) {
        writeAtomically(target, tmp -> Hdf5DataFiles.write(tmp, header, series));
    }

    /** Writes {@code series} as runops CSV to {@code target}, atomically. */
    public static void writeCsv(Path target, DataFileHeader header, List<StoredSeries> series) {
        writeAtomically(target, tmp -> CsvDataFiles.write(tmp, header, series));
    }

    private static void writeAtomically(Path target, AtomicFiles.Filler filler) {
        try {
            AtomicFiles.write(target, filler);
        } catch (IOException e) {
            throw new DataLoggerException("cannot write " + target + ": " + RegularFiles.reason(e), e);
        }
    }

    /**
     * The HDF5 group name of a key: letters, digits, {@code _} and {@code -} as they are, every other
     * byte of its UTF-8 form as {@code %XX} ({@code B:VIMIN} → {@code B%3AVIMIN}).
     */
    public static String groupName(String key) {
        StringBuilder out = new StringBuilder(key.length() + 8);
        for (byte b : key.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static boolean startsWith(byte[] head, String prefix) {
        if (head.length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (head[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
