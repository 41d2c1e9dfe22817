package org.runops.core.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.runops.core.events.DaqRunDirectory;
import org.runops.core.events.DaqRunSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runs of an fff storage root ({@code /raid/fff}, spec strip-commissioning §3): one run per
 * {@code run<digits>} folder. Anything else under the root ({@code runX}, {@code lost+found}, a file
 * named like a run, {@code run000000}: run numbers are positive) is left out with one warning per
 * listing; the original job crashed on the first such name.
 *
 * <p>What a record says, from the folder's DAQ metadata ({@link DaqRunDirectory}):
 * <ul>
 * <li>{@code directory}: the run folder;
 * <li>{@code state}: {@code open} when {@code open/} exists (the BU is still writing, or crashed),
 *     else {@code closed} when the end-of-run file {@code run<N>_ls0000_EoR.jsn} exists (even empty: the
 *     BU or hltd closed the run), else {@code unknown} (older runs have no EoR; a run may be going on);
 * <li>{@code events}: the DAQ's event count (EoR {@code NEvents}, else the sum over readable index
 *     files), absent when it cannot be known;
 * <li>end: the modification time of a readable EoR file, which the BU writes once, when the run stops
 *     (a folder copied without keeping times carries the copy's time); null otherwise;
 * <li>start: always null: nothing in the folder records when the run started ({@code fu.lock} and the
 *     folder itself change while the run goes on).
 * </ul>
 * {@link #runNumbers} only lists the root; {@link #runs} reads every listed folder's metadata.
 */
public final class FffRunCatalog implements RunCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(FffRunCatalog.class);
    private static final Pattern RUN_DIR = Pattern.compile("run(\\d{1,18})");

    private final Path storageRoot;

    FffRunCatalog(Path storageRoot) {
        this.storageRoot = Objects.requireNonNull(storageRoot, "storageRoot");
    }

    /** The storage root this catalogue lists. */
    public Path storageRoot() {
        return storageRoot;
    }

    /**
     * What one listing of the storage root found.
     *
     * @param runs    run folders by run number, ascending
     * @param ignored names of the entries that are not run folders
     */
    public record Listing(NavigableMap<Long, Path> runs, List<String> ignored) {
        public Listing {
            runs = Collections.unmodifiableNavigableMap(new TreeMap<>(runs));
            ignored = List.copyOf(ignored);
        }
    }

    /**
     * Lists the storage root once; entries that are not run folders are logged as one warning.
     *
     * @throws CatalogException when the storage root cannot be listed
     */
    public Listing list() {
        NavigableMap<Long, Path> runs = new TreeMap<>();
        List<String> ignored = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(storageRoot)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                Matcher m = RUN_DIR.matcher(name);
                long run = m.matches() ? Long.parseLong(m.group(1)) : 0;
                if (run > 0 && Files.isDirectory(p)) {
                    runs.put(run, p);
                } else {
                    ignored.add(name);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new CatalogException("fff storage root " + storageRoot + ": cannot list it: " + e, e);
        }
        if (!ignored.isEmpty()) {
            LOG.warn("{}: ignoring {} entries that are not run<digits> directories, e.g. {}", storageRoot, ignored.size(),
                    ignored.subList(0, Math.min(3, ignored.size())));
        }
        return new Listing(runs, ignored);
    }

    @Override
    public List<Long> runNumbers(long firstRun, long lastRun) {
        RunCatalog.requireRange(firstRun, lastRun);
        return List.copyOf(list().runs().subMap(firstRun, true, lastRun, true).keySet());
    }

    @Override
    public List<RunRecord> runs(long firstRun, long lastRun) {
        RunCatalog.requireRange(firstRun, lastRun);
        List<RunRecord> out = new ArrayList<>();
        list().runs().subMap(firstRun, true, lastRun, true).forEach((run, dir) -> out.add(record(run, dir)));
        return out;
    }

    private RunRecord record(long run, Path dir) {
        DaqRunSummary daq;
        try {
            daq = DaqRunDirectory.scan(dir);
        } catch (UncheckedIOException e) {
            throw new CatalogException("fff run folder " + dir + ": cannot read it: " + e.getCause(), e);
        }
        Optional<Path> endOfRun = daq.endOfRunFile(); // as the DAQ scan found it, not a name made again here
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("directory", dir.toString());
        attributes.put("state", daq.openDirectory() ? "open"
                : endOfRun.isPresent() ? "closed" : "unknown");
        daq.expectedEvents().ifPresent(n -> attributes.put(RunRecord.EVENTS, Long.toString(n)));
        Instant end = null;
        if (daq.endOfRunEvents().isPresent() && endOfRun.isPresent()) {
            try {
                end = Files.getLastModifiedTime(endOfRun.get()).toInstant();
            } catch (IOException e) {
                throw new CatalogException("fff run folder " + dir + ": cannot read the time of " + endOfRun.get().getFileName() + ": " + e, e);
            }
        }
        return new RunRecord(run, null, end, attributes);
    }

    @Override
    public String toString() {
        return "fff run folders in " + storageRoot;
    }
}
