package org.runops.strip;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.runops.core.events.EventCountReport;
import org.runops.core.events.EventCountSource;
import org.runops.core.events.EventCountValidator;

/**
 * The checks of spec §1.5–1.6 with the original's bugs fixed: the EDM file's Events entries against the
 * DAQ count (EoR first, index sum as fallback; zombie or recovered fails; a file that cannot be read
 * now is {@link org.runops.core.events.Verdict#INDETERMINATE}, not a failure), client and source files of
 * the run (8-digit zero-padded names matched by regex, the partition required in scope mode), and a
 * complete ANALYSIS row (all three IDs; the partition's row in scope mode).
 */
final class OutputValidator {
    private final StorageArea storage;
    private final Function<Path, EventCountSource> edmCount;
    private final EventCountValidator events = new EventCountValidator();

    OutputValidator(StorageArea storage) {
        this(storage, edm -> EventCountSource.rootTree(edm, "Events"));
    }

    /** The seam under {@link #OutputValidator(StorageArea)}: how the EDM file's events are counted. */
    OutputValidator(StorageArea storage, Function<Path, EventCountSource> edmCount) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.edmCount = Objects.requireNonNull(edmCount, "edmCount");
    }

    /**
     * @param partition   for a scope run, the DB partition name whose outputs are checked; empty otherwise
     * @param analysisRows the run's ANALYSIS rows, newest first
     */
    Validation validate(long run, Optional<String> partition, List<AnalysisRow> analysisRows) {
        EventCountReport report = events.validate(EventCountSource.daq(storage.runDirectory(run)), edmCount.apply(storage.edmFile(run)));
        boolean hasComm = hasFile(run, "Client", partition) && hasFile(run, "Source", partition);
        Optional<AnalysisRow> row = analysisRows.stream()
                .filter(r -> partition.isEmpty() || r.partitionName().equals(partition.get()))
                .findFirst();
        boolean dbValid = row.map(AnalysisRow::complete).orElse(false);
        return new Validation(report.verdict(), hasComm, dbValid, report.verdict() + ": " + report.reason());
    }

    /** {@code SiStripCommissioning<kind>_[...]<run padded>[...].root} in the run's output directory. */
    boolean hasFile(long run, String kind, Optional<String> partition) {
        Pattern name = Pattern.compile("SiStripCommissioning" + kind + "_(.*_)?0*" + run + "(_.*)?\\.root");
        Path dir = storage.outputDirectory(run);
        // Files.isDirectory says false on EACCES or a stale NFS handle too: only a folder that is not
        // there means "no output"; any other failure must not be recorded as a missing file
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String n = f.getFileName().toString();
                if (name.matcher(n).matches() && (partition.isEmpty() || n.contains(partition.get()))) {
                    return true;
                }
            }
            return false;
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot list " + dir, e);
        }
    }
}
