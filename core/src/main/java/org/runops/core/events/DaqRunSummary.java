package org.runops.core.events;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the DAQ metadata of one fff run directory says.
 *
 * @param directory       the run directory
 * @param exists          whether it is a directory at all
 * @param runNumber       the number in its name ({@code run<digits>}), when it has one
 * @param endOfRunFile    the EoR file, when there is one ({@code run<N>_ls0000_EoR.jsn}, any number of zeros)
 * @param endOfRunEvents  EoR {@code NEvents}, when the EoR file is there and readable
 * @param endOfRunUnreadable why an EoR file that is there says nothing (damaged, not a regular file,
 *                        unreadable), naming the file; empty when it is fine, absent or merely empty (the BU's
 *                        placeholder, spec §3.4.1)
 * @param indexEvents     sum of {@code NEvents} over the readable index files
 * @param indexFiles      index {@code .jsn} files found (readable or not)
 * @param badIndexFiles   index files that could not be read
 * @param rawFiles        {@code .raw} payload files found
 * @param openDirectory   whether {@code open/} exists (the BU is still writing, or crashed)
 * @param problems        per-file problems, lumisection gaps and disagreements
 */
public record DaqRunSummary(
        Path directory,
        boolean exists,
        OptionalLong runNumber,
        Optional<Path> endOfRunFile,
        OptionalLong endOfRunEvents,
        Optional<String> endOfRunUnreadable,
        long indexEvents,
        int indexFiles,
        int badIndexFiles,
        int rawFiles,
        boolean openDirectory,
        List<FileProblem> problems) {

    public DaqRunSummary {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(runNumber, "runNumber");
        Objects.requireNonNull(endOfRunFile, "endOfRunFile");
        Objects.requireNonNull(endOfRunEvents, "endOfRunEvents");
        Objects.requireNonNull(endOfRunUnreadable, "endOfRunUnreadable");
        problems = List.copyOf(problems);
    }

    /**
     * The run's event count: EoR {@code NEvents} when usable, else the sum over index files when
     * every index file could be read. A sum with unreadable files is not a count: empty then.
     */
    public OptionalLong expectedEvents() {
        if (endOfRunEvents.isPresent()) {
            return endOfRunEvents;
        }
        if (indexFiles > 0 && badIndexFiles == 0) {
            return OptionalLong.of(indexEvents);
        }
        return OptionalLong.empty();
    }

    /**
     * A run that was started and stopped without events (spec §3.4.8, more robust than "4 entries"):
     * the EoR says 0, or there are no index or raw files, no EoR or an empty one, and nothing is still being
     * written. A damaged or unreadable EoR says nothing, so it never makes a zero-event run.
     */
    public boolean isZeroEventRun() {
        if (endOfRunEvents.isPresent()) {
            return endOfRunEvents.getAsLong() == 0;
        }
        return endOfRunUnreadable.isEmpty() && exists && indexFiles == 0 && rawFiles == 0 && !openDirectory;
    }

    /** This summary as an {@link EventCount} (status OK, UNKNOWN, MISSING, or IO_ERROR for an unreadable EoR and nothing else). */
    public EventCount toEventCount() {
        if (!exists) {
            return new EventCount(OptionalLong.empty(), CountStatus.MISSING, "no run directory " + directory, problems);
        }
        if (endOfRunEvents.isPresent()) {
            return new EventCount(endOfRunEvents, CountStatus.OK, "DAQ EoR NEvents of " + directory.getFileName(), problems);
        }
        if (indexFiles > 0 && badIndexFiles == 0) {
            return new EventCount(OptionalLong.of(indexEvents), CountStatus.OK,
                    "DAQ sum over " + indexFiles + " index files of " + directory.getFileName() + " (no usable EoR)", problems);
        }
        if (badIndexFiles > 0) {
            return new EventCount(OptionalLong.empty(), CountStatus.UNKNOWN, "no usable EoR and " + badIndexFiles + " of "
                    + indexFiles + " index files unreadable (readable ones hold " + indexEvents + " events)", problems);
        }
        if (endOfRunUnreadable.isPresent()) {
            // Neither zero nor a number: what the run holds is unknown until the EoR can be read.
            return new EventCount(OptionalLong.empty(), CountStatus.IO_ERROR, endOfRunUnreadable.get()
                    + ", and there are no index files to count instead", problems);
        }
        if (isZeroEventRun()) {
            return new EventCount(OptionalLong.of(0), CountStatus.OK, "DAQ: no index or raw files and no EoR count in "
                    + directory.getFileName() + " (zero-event run)", problems);
        }
        return new EventCount(OptionalLong.empty(), CountStatus.UNKNOWN,
                "no usable EoR and no index files in " + directory.getFileName(), problems);
    }
}
