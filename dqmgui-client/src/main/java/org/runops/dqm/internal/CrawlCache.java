package org.runops.dqm.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.runops.core.ledger.AtomicFiles;
import org.runops.dqm.DqmException;

/**
 * The crawl's permanent cache: archived DQM histograms never change, so a GUI answer is kept for good,
 * keyed by (run, dataset, ME), mirroring the jsonfairy URL:
 * <pre>
 * &lt;dir&gt;/&lt;run&gt;/datasets.json                         the run's dataset names (JSON array)
 * &lt;dir&gt;/&lt;run&gt;/&lt;P&gt;/&lt;W&gt;/&lt;T&gt;/&lt;ME path&gt;.json          the raw jsonfairy body
 * &lt;dir&gt;/&lt;run&gt;/&lt;P&gt;/&lt;W&gt;/&lt;T&gt;/&lt;ME path&gt;.notfound      empty: the GUI said "unsupported type"
 * </pre>
 * Every path segment is percent-encoded outside {@code A-Za-z0-9._+-} (and {@code .}/{@code ..} fully),
 * so names from the GUI cannot leave the folder. Files are written atomically; only answers are stored,
 * never failures. I/O errors are {@link UncheckedIOException}s naming the file.
 */
public final class CrawlCache {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> NAMES = new TypeReference<>() {};
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final Path dir;

    public CrawlCache(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir");
    }

    /** The run's dataset names as last listed, or empty when never listed (or the file is unreadable as a list). */
    public Optional<List<String>> datasets(long run) {
        Path file = runDir(run).resolve("datasets.json");
        try {
            List<String> names = JSON.readValue(Files.readAllBytes(file), NAMES);
            // damaged (by hand): list again and overwrite
            return names == null || names.stream().anyMatch(Objects::isNull) ? Optional.empty() : Optional.of(List.copyOf(names));
        } catch (NoSuchFileException | JsonProcessingException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read cached dataset list " + file + ": " + e.getMessage(), e);
        }
    }

    public void putDatasets(long run, List<String> names) {
        Path file = runDir(run).resolve("datasets.json");
        try {
            write(file, JSON.writeValueAsBytes(names));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dataset names of run " + run + " are not serialisable", e);
        }
    }

    /** The cached jsonfairy body, or empty when not cached. */
    public Optional<byte[]> body(long run, String dataset, String mePath) {
        Path file = entry(run, dataset, mePath, ".json");
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read cache file " + file + ": " + e.getMessage(), e);
        }
    }

    public void putBody(long run, String dataset, String mePath, byte[] body) {
        write(entry(run, dataset, mePath, ".json"), body);
    }

    /** Whether the GUI said it has no such histogram (and {@link #putBody} was not called since). */
    public boolean isNotFound(long run, String dataset, String mePath) {
        return Files.exists(entry(run, dataset, mePath, ".notfound"));
    }

    public void putNotFound(long run, String dataset, String mePath) {
        write(entry(run, dataset, mePath, ".notfound"), new byte[0]);
    }

    /** The cache file of ({@code run}, {@code dataset}, {@code mePath}) with {@code suffix}; the dataset must be {@code /P/W/T}. */
    Path entry(long run, String dataset, String mePath, String suffix) {
        String[] parts = dataset.split("/", -1);
        if (parts.length != 4 || !parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty() || parts[3].isEmpty()) {
            throw new DqmException("dataset '" + dataset + "' of run " + run + " is not /<primary>/<processing>/<tier>");
        }
        Path p = runDir(run).resolve(segment(parts[1])).resolve(segment(parts[2])).resolve(segment(parts[3]));
        String[] me = MePaths.segments(mePath);
        for (int i = 0; i < me.length - 1; i++) {
            p = p.resolve(segment(me[i]));
        }
        return p.resolve(segment(me[me.length - 1]) + suffix);
    }

    private Path runDir(long run) {
        return dir.resolve(Long.toString(run));
    }

    private static void write(Path file, byte[] bytes) {
        try {
            AtomicFiles.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write cache file " + file + ": " + e.getMessage(), e);
        }
    }

    /** One file-name segment: percent-encoded outside {@code A-Za-z0-9._+-}; {@code .} and {@code ..} encoded whole. */
    static String segment(String text) {
        if (text.equals(".") || text.equals("..")) {
            return text.replace(".", "%2E");
        }
        StringBuilder out = null;
        byte[] utf8 = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!safe(c)) {
                utf8 = text.getBytes(StandardCharsets.UTF_8);
                out = new StringBuilder(utf8.length * 3);
                break;
            }
        }
        if (out == null) {
            return text;
        }
        for (byte b : utf8) {
            char c = (char) (b & 0xFF);
            if (c < 0x80 && safe(c)) {
                out.append(c);
            } else {
                out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
        return out.toString();
    }

    private static boolean safe(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-' || c == '+';
    }
}
