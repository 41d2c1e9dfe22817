package org.runops.dqm.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.runops.core.ledger.AtomicFiles;

/**
 * The crawl's permanent cache: archived DQM histograms never change, so a GUI answer is kept for good,
 * keyed by (run, dataset, ME), mirroring the jsonfairy URL:
 * <pre>
 * &lt;dir&gt;/&lt;run&gt;/datasets.json                         {"listed": "&lt;instant&gt;", "names": [the run's dataset names]}
 * &lt;dir&gt;/&lt;run&gt;/&lt;P&gt;/&lt;W&gt;/&lt;T&gt;/&lt;ME path&gt;.json          the raw jsonfairy body
 * &lt;dir&gt;/&lt;run&gt;/&lt;P&gt;/&lt;W&gt;/&lt;T&gt;/&lt;ME path&gt;.notfound      empty: the GUI said "unsupported type"
 * </pre>
 * Every path segment is percent-encoded outside {@code A-Za-z0-9._+-} (and {@code .}/{@code ..} fully),
 * so names from the GUI cannot leave the folder. Files are written atomically; only answers are stored,
 * never failures. I/O errors are {@link UncheckedIOException}s naming the file.
 */
public final class CrawlCache {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    public CrawlCache(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir");
    }

    /** A run's dataset names and when they were listed. */
    public record DatasetList(List<String> names, Instant listed) {
        public DatasetList {
            names = List.copyOf(names);
            Objects.requireNonNull(listed, "listed");
        }
    }

    /**
     * The run's dataset names as last listed, or empty when never listed or the file is damaged (so it is listed again
     * and overwritten). The array form written before the listing time was stored counts as listed when last modified.
     */
    public Optional<DatasetList> datasets(long run) {
        Path file = runDir(run).resolve("datasets.json");
        try {
            JsonNode root = JSON.readTree(Files.readAllBytes(file));
            JsonNode names;
            Instant listed;
            if (root != null && root.isArray()) {
                names = root;
                listed = Files.getLastModifiedTime(file).toInstant();
            } else if (root != null && root.path("names").isArray() && root.path("listed").isTextual()) {
                names = root.get("names");
                listed = Instant.parse(root.get("listed").asText());
            } else {
                return Optional.empty();
            }
            List<String> out = new ArrayList<>(names.size());
            for (JsonNode name : names) {
                if (!name.isTextual()) {
                    return Optional.empty();
                }
                out.add(name.asText());
            }
            return Optional.of(new DatasetList(out, listed));
        } catch (NoSuchFileException | JsonProcessingException | DateTimeParseException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read cached dataset list " + file + ": " + e.getMessage(), e);
        }
    }

    public void putDatasets(long run, List<String> names, Instant listed) {
        Path file = runDir(run).resolve("datasets.json");
        ObjectNode json = JSON.createObjectNode().put("listed", listed.toString());
        names.forEach(json.putArray("names")::add);
        try {
            write(file, JSON.writeValueAsBytes(json));
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

    /** Stores the body and then drops a not-found marker of an earlier answer (a --retry-not-found success). */
    public void putBody(long run, String dataset, String mePath, byte[] body) {
        write(entry(run, dataset, mePath, ".json"), body);
        Path marker = entry(run, dataset, mePath, ".notfound");
        try {
            Files.deleteIfExists(marker);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete cache file " + marker + ": " + e.getMessage(), e);
        }
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
        String[] parts = ArchiveUrls.checkDataset(dataset).split("/", -1);
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
        return PercentEncoding.encode(text, CrawlCache::safe);
    }

    private static boolean safe(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-' || c == '+';
    }
}
