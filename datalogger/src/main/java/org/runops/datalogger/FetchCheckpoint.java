package org.runops.datalogger;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.runops.core.ledger.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The finished chunks of a fetch, one file each in a directory, so a fetch that is killed or loses its
 * server and is started again with the same directory fetches only the missing chunks. A file is keyed by
 * backend, node, device and chunk window, written atomically, and carries a checksum: a file that cannot be
 * read back exactly (torn, foreign, for another key) is logged by name and fetched again, never trusted.
 *
 * <p>Files stay until the caller has published what it built from them, then removes them with
 * {@link #clear(String, TimeWindow)}:
 * <pre>{@code
 * FetchCheckpoint cp = FetchCheckpoint.in(dir);
 * List<TimeSeries> data = client.fetchAll(devices, window, FetchOptions.defaults().withCheckpoint(dir));
 * writeAndMoveIntoPlace(data);
 * cp.clear(client.backendName(), window);
 * }</pre>
 */
public final class FetchCheckpoint {
    private static final Logger LOG = LoggerFactory.getLogger(FetchCheckpoint.class);
    private static final String MAGIC = "runops-datalogger-chunk 1";
    private static final String SUFFIX = ".chunk";
    private static final String SEP = "--";
    /** backend--node--device--start--end.chunk; instants as epoch seconds.nanoseconds. */
    private static final Pattern NAME = Pattern.compile("([A-Za-z0-9]+)--([A-Za-z0-9]+)--([A-Za-z0-9_%]+)--(-?\\d+)\\.(\\d{9})--(-?\\d+)\\.(\\d{9})\\.chunk");

    private final Path directory;

    private FetchCheckpoint(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** The checkpoint files in {@code directory} (created when the first chunk is written). */
    public static FetchCheckpoint in(Path directory) {
        return new FetchCheckpoint(directory);
    }

    public Path directory() {
        return directory;
    }

    /** The file that holds {@code device}'s chunk {@code chunk} fetched from {@code backend}. */
    public Path file(String backend, DeviceRequest device, TimeWindow chunk) {
        if (!backend.matches("[A-Za-z0-9]+")) {
            throw new IllegalArgumentException("backend name must be letters and digits for a checkpoint file name: \"" + backend + "\"");
        }
        return directory.resolve(backend + SEP + device.node().name() + SEP + DataFiles.groupName(device.device().text()) + SEP
                + instant(chunk.start()) + SEP + instant(chunk.end()) + SUFFIX);
    }

    /** The chunk as fetched before; empty when there is none or its file is damaged (logged, then fetched again). */
    public Optional<TimeSeries> read(String backend, DeviceRequest device, TimeWindow chunk) {
        Path file = file(backend, device, chunk);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("cannot read checkpoint {}: {}; fetching that chunk again", file, e.toString());
            return Optional.empty();
        }
        try {
            return Optional.of(decode(bytes, backend, device, chunk));
        } catch (IOException | RuntimeException e) {
            LOG.warn("checkpoint {} is damaged or not for {} {}: {}; fetching that chunk again", file, device, chunk, e.getMessage());
            return Optional.empty();
        }
    }

    /** Keeps a finished chunk ({@code series.window()} is the chunk), replacing an older file atomically. */
    public void write(String backend, TimeSeries series) {
        Path file = file(backend, series.request(), series.window());
        try {
            Files.createDirectories(directory);
            AtomicFiles.write(file, encode(backend, series));
        } catch (IOException e) {
            throw new DataLoggerException("cannot write checkpoint " + file + ": " + e, e);
        }
    }

    /**
     * Removes every checkpoint file of {@code backend} whose chunk lies inside {@code window}: call it once
     * the output built from them is in place. Other files in the directory are left alone.
     *
     * @return how many files were removed
     */
    public int clear(String backend, TimeWindow window) {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path f : files) {
                Matcher m = NAME.matcher(f.getFileName().toString());
                if (m.matches() && m.group(1).equals(backend)
                        && !parse(m.group(4), m.group(5)).isBefore(window.start()) && !parse(m.group(6), m.group(7)).isAfter(window.end())) {
                    Files.deleteIfExists(f);
                    removed++;
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new DataLoggerException("cannot clear checkpoints of " + backend + " " + window + " in " + directory + ": " + e, e);
        }
        return removed;
    }

    private static byte[] encode(String backend, TimeSeries s) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 16 * s.size());
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeUTF(MAGIC);
        out.writeUTF(backend);
        out.writeUTF(s.request().node().name());
        out.writeUTF(s.request().device().text());
        out.writeLong(s.window().start().getEpochSecond());
        out.writeInt(s.window().start().getNano());
        out.writeLong(s.window().end().getEpochSecond());
        out.writeInt(s.window().end().getNano());
        out.writeUTF(s.status().kind().name());
        out.writeUTF(s.status().detail());
        out.writeUTF(s.units().orElse(""));
        out.writeInt(s.size());
        for (int i = 0; i < s.size(); i++) {
            out.writeDouble(s.utcSeconds(i));
        }
        for (int i = 0; i < s.size(); i++) {
            out.writeDouble(s.value(i));
        }
        CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray());
        out.writeLong(crc.getValue());
        out.flush();
        return bytes.toByteArray();
    }

    private static TimeSeries decode(byte[] bytes, String backend, DeviceRequest device, TimeWindow chunk) throws IOException {
        if (bytes.length < Long.BYTES) {
            throw new IOException(bytes.length + " bytes, too short");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - Long.BYTES);
        if (crc.getValue() != ByteBuffer.wrap(bytes, bytes.length - Long.BYTES, Long.BYTES).getLong()) {
            throw new IOException("checksum mismatch (torn or altered file)");
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, bytes.length - Long.BYTES));
        expect("format", MAGIC, in.readUTF());
        expect("backend", backend, in.readUTF());
        expect("node", device.node().name(), in.readUTF());
        expect("device", device.device().text(), in.readUTF());
        TimeWindow stored = new TimeWindow(Instant.ofEpochSecond(in.readLong(), in.readInt()), Instant.ofEpochSecond(in.readLong(), in.readInt()));
        expect("window", chunk.toString(), stored.toString());
        FetchStatus status = new FetchStatus(FetchStatus.Kind.valueOf(in.readUTF()), in.readUTF());
        String units = in.readUTF();
        int n = in.readInt();
        if (n < 0 || (long) n * 16 != in.available()) {
            throw new IOException("sample count " + n + " does not match the " + in.available() + " bytes of samples");
        }
        double[] times = new double[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = in.readDouble();
        }
        for (int i = 0; i < n; i++) {
            values[i] = in.readDouble();
        }
        TimeSeries s = TimeSeries.of(device, chunk, times, values, status);
        return units.isEmpty() ? s : s.withUnits(units);
    }

    private static void expect(String what, String wanted, String found) throws IOException {
        if (!wanted.equals(found)) {
            throw new IOException(what + " is \"" + found + "\", expected \"" + wanted + "\"");
        }
    }

    private static String instant(Instant t) {
        return String.format(Locale.ROOT, "%d.%09d", t.getEpochSecond(), t.getNano());
    }

    private static Instant parse(String seconds, String nanos) {
        return Instant.ofEpochSecond(Long.parseLong(seconds), Long.parseLong(nanos));
    }
}
