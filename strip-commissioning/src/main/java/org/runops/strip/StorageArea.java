package org.runops.strip;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.runops.core.events.DaqRunDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fff storage root ({@code /raid/fff}) and the analysis data directory ({@code /opt/cmssw/Data}):
 * where run directories, EDM files, per-run outputs and analysis lock files are.
 */
public final class StorageArea {
    private static final Logger LOG = LoggerFactory.getLogger(StorageArea.class);
    private static final Pattern RUN_DIR = Pattern.compile("run(\\d{1,18})");

    private final Path storageRoot;
    private final Path dataDirectory;

    public StorageArea(Path storageRoot, Path dataDirectory) {
        this.storageRoot = storageRoot;
        this.dataDirectory = dataDirectory;
    }

    /** What listing the storage root found: runs by number, and the entries that are not run directories. */
    public record Listing(Map<Long, Path> runs, List<String> ignored) {}

    /**
     * The {@code run<digits>} directories under the storage root. Anything else ({@code runX},
     * stray files) is skipped with a warning; the original crashed on the first such name.
     *
     * @throws java.io.UncheckedIOException when the storage root cannot be listed
     */
    public Listing list() {
        Map<Long, Path> runs = new TreeMap<>();
        List<String> ignored = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(storageRoot)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                Matcher m = RUN_DIR.matcher(name);
                if (m.matches() && Files.isDirectory(p)) {
                    runs.put(Long.parseLong(m.group(1)), p);
                } else {
                    ignored.add(name);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot list the storage root " + storageRoot, e);
        }
        if (!ignored.isEmpty()) {
            LOG.warn("{}: ignoring {} entries that are not run<digits> directories, e.g. {}", storageRoot, ignored.size(),
                    ignored.subList(0, Math.min(3, ignored.size())));
        }
        return new Listing(runs, ignored);
    }

    public Path runDirectory(long run) {
        return storageRoot.resolve(String.format(Locale.ROOT, "run%06d", run));
    }

    /** {@code <storage>/run<N>/run<N>.root}, the EDM file the conversion writes. */
    public Path edmFile(long run) {
        return runDirectory(run).resolve("run" + run + ".root");
    }

    /** {@code <data>/<run>/}: where the client and source files of a run go. */
    public Path outputDirectory(long run) {
        return dataDirectory.resolve(Long.toString(run));
    }

    /**
     * The analysis lock files present for any of {@code partitions}: the cron's {@code lock_<P>_<run>}
     * and the name the analysis script really writes, {@code lock_<P>_<run>.txt} (spec §2).
     */
    public List<Path> locks(long run, List<String> partitions) {
        List<Path> found = new ArrayList<>();
        for (String partition : partitions) {
            for (String name : List.of("lock_" + partition + "_" + run, "lock_" + partition + "_" + run + ".txt")) {
                Path lock = dataDirectory.resolve(name);
                if (Files.exists(lock)) {
                    found.add(lock);
                }
            }
        }
        return found;
    }

    /** Zero-event run by the robust rule of spec §3.4.8. */
    public boolean isZeroEventRun(long run) {
        return DaqRunDirectory.scan(runDirectory(run)).isZeroEventRun();
    }

    /** The run's {@code .raw} payload files. */
    public List<Path> rawFiles(long run) {
        List<Path> raw = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(runDirectory(run), "*.raw")) {
            entries.forEach(raw::add);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot list " + runDirectory(run), e);
        }
        return raw;
    }
}
