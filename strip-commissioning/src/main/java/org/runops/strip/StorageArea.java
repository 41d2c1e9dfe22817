package org.runops.strip;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.runops.core.events.DaqRunDirectory;

/**
 * The fff storage root ({@code /raid/fff}) and the analysis data directory ({@code /opt/cmssw/Data}):
 * where run directories, EDM files, per-run outputs and analysis lock files are. Which runs are there is
 * {@link org.runops.core.run.RunCatalog#fff}'s listing.
 */
final class StorageArea {

    private final Path storageRoot;
    private final Path dataDirectory;

    StorageArea(Path storageRoot, Path dataDirectory) {
        this.storageRoot = storageRoot;
        this.dataDirectory = dataDirectory;
    }

    Path runDirectory(long run) {
        return storageRoot.resolve(String.format(Locale.ROOT, "run%06d", run));
    }

    /** {@code <storage>/run<N>/run<N>.root}, the EDM file the conversion writes. */
    Path edmFile(long run) {
        return runDirectory(run).resolve("run" + run + ".root");
    }

    /** {@code <data>/<run>/}: where the client and source files of a run go. */
    Path outputDirectory(long run) {
        return dataDirectory.resolve(Long.toString(run));
    }

    /**
     * The analysis lock files present for any of {@code partitions}: the cron's {@code lock_<P>_<run>}
     * and the name the analysis script really writes, {@code lock_<P>_<run>.txt} (spec §2).
     */
    List<Path> locks(long run, List<String> partitions) {
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
    boolean isZeroEventRun(long run) {
        return DaqRunDirectory.scan(runDirectory(run)).isZeroEventRun();
    }

    /** The run's {@code .raw} payload files. */
    List<Path> rawFiles(long run) {
        List<Path> raw = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(runDirectory(run), "*.raw")) {
            entries.forEach(raw::add);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot list " + runDirectory(run), e);
        }
        return raw;
    }
}
