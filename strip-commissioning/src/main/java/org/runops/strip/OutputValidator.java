package org.runops.strip;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.runops.core.events.EventCountReport;
import org.runops.core.events.EventCountSource;
import org.runops.core.events.EventCountValidator;

/**
 * The checks of spec §1.5–1.6 with the original's bugs fixed: the EDM file's Events entries against the
 * DAQ count (EoR first, index sum as fallback; zombie or recovered fails), client and source files of
 * the run (8-digit zero-padded names matched by regex, the partition required in scope mode), and a
 * complete ANALYSIS row (all three IDs; the partition's row in scope mode).
 */
public final class OutputValidator {
    private final StorageArea storage;
    private final EventCountValidator events = new EventCountValidator();

    public OutputValidator(StorageArea storage) {
        this.storage = storage;
    }

    /**
     * @param partition   for a scope run, the DB partition name whose outputs are checked; empty otherwise
     * @param analysisRows the run's ANALYSIS rows, newest first
     */
    public Validation validate(long run, Optional<String> partition, List<AnalysisRow> analysisRows) {
        EventCountReport report = events.validate(EventCountSource.daq(storage.runDirectory(run)),
                EventCountSource.rootTree(storage.edmFile(run), "Events"));
        boolean hasComm = hasFile(run, "Client", partition) && hasFile(run, "Source", partition);
        Optional<AnalysisRow> row = analysisRows.stream()
                .filter(r -> partition.isEmpty() || r.partitionName().equals(partition.get()))
                .findFirst();
        boolean dbValid = row.map(AnalysisRow::complete).orElse(false);
        return new Validation(report.passed(), hasComm, dbValid, report.verdict() + ": " + report.reason());
    }

    /** {@code SiStripCommissioning<kind>_[...]<run padded>[...].root} in the run's output directory. */
    boolean hasFile(long run, String kind, Optional<String> partition) {
        Pattern name = Pattern.compile("SiStripCommissioning" + kind + "_(.*_)?0*" + run + "(_.*)?\\.root");
        Path dir = storage.outputDirectory(run);
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String n = f.getFileName().toString();
                if (name.matcher(n).matches() && (partition.isEmpty() || n.contains(partition.get()))) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot list " + dir, e);
        }
    }
}
