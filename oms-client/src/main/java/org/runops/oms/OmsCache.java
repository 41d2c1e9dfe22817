package org.runops.oms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import org.runops.core.CacheDirectories;
import org.runops.core.RegularFiles;
import org.runops.core.ledger.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On-disk cache of finished OMS runs and fills, which never change (certifier's "ask OMS only for
 * unknown runs", spec §5). One file per record, {@code runs/<run>.json} and {@code fills/<fill>.json},
 * in the OMS response shape; a run or fill without {@code end_time} is never stored. For run ranges the
 * cache also remembers which run numbers are settled ({@code runs-covered.txt}): below the highest
 * finished run seen, and below any run still going on, no new run can appear (run numbers grow), so
 * those parts of a range need no request at all. Files are written atomically; a corrupt file is
 * ignored with a WARN and fetched again.
 */
public final class OmsCache {
    private static final Logger LOG = LoggerFactory.getLogger(OmsCache.class);
    private static final String COVERED = "runs-covered.txt";

    private final Path directory;

    private OmsCache(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** A cache in {@code directory} (created on first write). */
    public static OmsCache at(Path directory) {
        return new OmsCache(directory);
    }

    /**
     * {@code $XDG_CACHE_HOME/runops/oms/<host>} (else {@code $HOME/.cache/...}): one cache per OMS instance,
     * since integration and production may differ.
     */
    public static Path defaultDirectory(Function<String, String> env, HttpUrl baseUrl) {
        String instance = baseUrl.host() + (baseUrl.port() == HttpUrl.defaultPort(baseUrl.scheme()) ? "" : "_" + baseUrl.port());
        return CacheDirectories.of(env, "oms", instance)
                .orElseThrow(() -> new OmsException("no cache directory: neither XDG_CACHE_HOME nor HOME is set"));
    }

    public Path directory() {
        return directory;
    }

    /** An inclusive range of run numbers. */
    public record RunRange(long first, long last) {
        public RunRange {
            if (first > last) {
                throw new IllegalArgumentException("empty run range " + first + ".." + last);
            }
        }

        public boolean contains(long run) {
            return run >= first && run <= last;
        }
    }

    /** What the cache answers for a run range: the cached rows and the parts OMS must still be asked for. */
    public record Lookup(List<OmsRecord> cached, List<RunRange> missing) {
        public Lookup {
            cached = List.copyOf(cached);
            missing = List.copyOf(missing);
        }
    }

    /** The cached finished run, if any. */
    public Optional<OmsRecord> run(long run) {
        return read(runFile(run));
    }

    /** The cached finished fill, if any. */
    public Optional<OmsRecord> fill(long fill) {
        return read(fillFile(fill));
    }

    /** Stores a run if it is finished; returns whether it was stored. */
    public boolean putRun(OmsRecord record) {
        OmsRun run = OmsRun.from(record);
        return run.isFinished() && write(runFile(run.runNumber()), record);
    }

    /** Stores a fill if it is finished; returns whether it was stored. */
    public boolean putFill(OmsRecord record) {
        OmsFill fill = OmsFill.from(record);
        return fill.isFinished() && write(fillFile(fill.fillNumber()), record);
    }

    /**
     * The cached runs of {@code first..last} and the sub-ranges that are not settled yet. A settled run
     * whose file is corrupt is reported missing, so it is fetched again. (A deleted file looks like a gap
     * in the run numbers: delete {@code runs-covered.txt} to have a range asked again.)
     */
    public Lookup lookup(long first, long last) {
        List<RunRange> missing = new ArrayList<>();
        List<Long> stored = cachedRunNumbers(first, last); // one listing of the folder, not one per range
        List<OmsRecord> cached = new ArrayList<>();
        long next = first; // first run number not yet accounted for
        for (RunRange covered : covered()) {
            if (covered.last() < next || covered.first() > last) {
                continue;
            }
            if (covered.first() > next) {
                missing.add(new RunRange(next, covered.first() - 1));
            }
            long from = Math.max(next, covered.first());
            long to = Math.min(last, covered.last());
            readCovered(stored, from, to, cached, missing);
            next = to + 1;
            if (next > last) {
                break;
            }
        }
        if (next <= last) {
            missing.add(new RunRange(next, last));
        }
        cached.sort(Comparator.comparingLong(r -> OmsRun.numberOf(r, "run_number"))); // no timestamps parsed to sort
        return new Lookup(cached, merge(missing));
    }

    /** Records that every run of {@code range} is known: the cached files are the whole truth there. */
    public void markSettled(RunRange range) {
        List<RunRange> all = new ArrayList<>(covered());
        all.add(range);
        List<RunRange> merged = merge(all);
        StringBuilder text = new StringBuilder("# run ranges whose runs are all finished and cached: first last\n");
        merged.forEach(r -> text.append(r.first()).append(' ').append(r.last()).append('\n'));
        try {
            AtomicFiles.write(directory.resolve(COVERED), text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.warn("cannot write OMS cache index {}: {}", directory.resolve(COVERED), e.toString());
        }
    }

    /** The settled ranges, merged and ascending; a damaged index counts as empty (everything is asked again). */
    public List<RunRange> covered() {
        Path file = directory.resolve(COVERED);
        List<String> lines;
        try {
            lines = RegularFiles.readString(file).lines().toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            LOG.warn("ignoring unreadable OMS cache index {}: {}", file, e.toString());
            return List.of();
        }
        List<RunRange> ranges = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            try {
                ranges.add(new RunRange(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
            } catch (RuntimeException e) {
                LOG.warn("ignoring corrupt OMS cache index {} (line {}: '{}')", file, i + 1, line);
                return List.of();
            }
        }
        return merge(ranges);
    }

    private void readCovered(List<Long> stored, long from, long to, List<OmsRecord> cached, List<RunRange> missing) {
        for (long run : stored) {
            if (run < from || run > to) {
                continue;
            }
            Optional<OmsRecord> r = run(run);
            if (r.isPresent()) {
                cached.add(r.get());
            } else {
                missing.add(new RunRange(run, run)); // corrupt: ask OMS again
            }
        }
    }

    private List<Long> cachedRunNumbers(long from, long to) {
        Path dir = directory.resolve("runs");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json") && !n.startsWith("."))
                    .map(n -> parseRun(n.substring(0, n.length() - 5)))
                    .filter(n -> n >= from && n <= to)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list OMS cache " + dir, e);
        }
    }

    private static long parseRun(String name) {
        try {
            return Long.parseLong(name);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private Path runFile(long run) {
        return directory.resolve("runs").resolve(run + ".json");
    }

    private Path fillFile(long fill) {
        return directory.resolve("fills").resolve(fill + ".json");
    }

    private Optional<OmsRecord> read(Path file) {
        byte[] bytes;
        try {
            bytes = RegularFiles.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("ignoring unreadable OMS cache file {}: {}", file, e.toString());
            return Optional.empty();
        }
        try {
            List<OmsRecord> records = OmsPage.parse(bytes, file.toString()).records();
            if (records.size() != 1) {
                LOG.warn("ignoring OMS cache file {}: {} records instead of 1", file, records.size());
                return Optional.empty();
            }
            return Optional.of(records.get(0));
        } catch (OmsException e) {
            LOG.warn("ignoring corrupt OMS cache file: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private boolean write(Path file, OmsRecord record) {
        try {
            AtomicFiles.write(file, OmsJson.page(List.of(record)));
            return true;
        } catch (IOException e) {
            LOG.warn("cannot write OMS cache file {}: {}", file, e.toString());
            return false;
        }
    }

    private static List<RunRange> merge(List<RunRange> ranges) {
        List<RunRange> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingLong(RunRange::first));
        List<RunRange> merged = new ArrayList<>();
        for (RunRange r : sorted) {
            if (!merged.isEmpty() && r.first() <= merged.get(merged.size() - 1).last() + 1) {
                RunRange last = merged.remove(merged.size() - 1);
                merged.add(new RunRange(last.first(), Math.max(last.last(), r.last())));
            } else {
                merged.add(r);
            }
        }
        return merged;
    }
}
