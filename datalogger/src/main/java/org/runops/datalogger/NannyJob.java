package org.runops.datalogger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.runops.core.RegularFiles;
import org.runops.datalogger.internal.DraftPublisher;

/**
 * The data nanny (datalogger-to-ml, spec §2.8): the devices of a parameter list in fixed-duration
 * chunks (default 1 h), one file per chunk named {@code yyyyMMdd'T'HHmmss<duration>-<version>.h5}
 * under {@code outDir/YYYYMM/DD/} (UTC). It resumes after the newest chunk file of its version,
 * duration and backend already in {@code outDir} (or at {@code firstStart} when there is none) and
 * catches up on every chunk that has ended by the clock's now, or only the next one with
 * {@code runOnce}. Each chunk is drafted, published and checkpointed like {@link ParamGrabJob}, so a
 * killed run loses at most the chunk in flight; a chunk whose fetch could not be completed is not
 * published (unless {@code publishIncomplete}) and ends the catching up: the next run tries it again.
 */
public final class NannyJob {
    private final DataLoggerClient client;
    private final Clock clock;

    public record Options(Path paramFile, Instant firstStart, Duration chunk, String version, Path draftDir, Path outDir, boolean runOnce,
            FetchOptions fetch, boolean publishIncomplete, GrabListener listener) {
        public Options {
            Objects.requireNonNull(paramFile, "paramFile");
            Objects.requireNonNull(firstStart, "firstStart");
            Objects.requireNonNull(chunk, "chunk");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(draftDir, "draftDir");
            Objects.requireNonNull(outDir, "outDir");
            Objects.requireNonNull(fetch, "fetch");
            Objects.requireNonNull(listener, "listener");
            if (chunk.isNegative() || chunk.isZero()) {
                throw new IllegalArgumentException("nanny chunk duration must be positive: " + chunk);
            }
            if (version.isBlank() || version.contains("/") || version.contains("-")) {
                throw new IllegalArgumentException("list version must be non-blank without '/' or '-': '" + version + "'");
            }
        }
    }

    public NannyJob(DataLoggerClient client, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Where the next chunk starts: the end of the newest chunk file in {@code outDir} named as this nanny
     * names them (its chunk duration, version and backend marker), else {@code firstStart}.
     */
    public static Instant nextStart(Path outDir, Instant firstStart, Duration chunk, String version, String backend) {
        if (!Files.isDirectory(outDir)) {
            return firstStart;
        }
        try (Stream<Path> files = Files.walk(outDir, 3)) {
            return files.flatMap(p -> DataFileNames.nannyWindow(p.getFileName().toString())
                            .filter(w -> DataFileNames.nannyFile(outDir, w.start(), chunk, version, backend).getFileName().equals(p.getFileName()))
                            .stream())
                    .max(Comparator.comparing(TimeWindow::start)).map(TimeWindow::end).orElse(firstStart);
        } catch (IOException e) {
            throw new DataLoggerException("cannot list nanny output folder " + outDir + ": " + RegularFiles.reason(e), e);
        }
    }

    /**
     * Fetches every chunk that has ended (one with {@code runOnce}); returns one result per chunk, oldest
     * first; the last has no file when its fetch could not be completed.
     */
    public List<GrabResult> catchUp(Options o) {
        ParamList list = readList(o.paramFile());
        List<GrabResult> results = new ArrayList<>();
        Instant start = nextStart(o.outDir(), o.firstStart(), o.chunk(), o.version(), client.backendName());
        while (!clock.instant().isBefore(start.plus(o.chunk()))) {
            GrabResult r = chunk(o, list, new TimeWindow(start, start.plus(o.chunk())));
            results.add(r);
            if (r.file().isEmpty() || o.runOnce() || Thread.currentThread().isInterrupted()) {
                break;
            }
            start = start.plus(o.chunk());
        }
        return results;
    }

    /**
     * Fills the chunks of one UTC day ({@link NannyDay}) that are not on disk yet, oldest first, for a backfill
     * job: chunks already on disk are skipped, so a job run again after a failure or a kill fetches only the
     * rest. Unlike {@link #catchUp}, a chunk that could not be fetched completely does not stop the others;
     * {@code firstStart} and {@code runOnce} of the options are not used.
     *
     * @return one result per chunk fetched (none when the whole day is on disk); those without a file failed
     * @throws IllegalArgumentException when the options' chunk length does not divide a day
     */
    public List<GrabResult> fillDay(Options o, LocalDate day) {
        NannyDay nannyDay = new NannyDay(day, o.chunk());
        ParamList list = readList(o.paramFile());
        List<GrabResult> results = new ArrayList<>();
        for (TimeWindow window : nannyDay.chunks()) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            if (!NannyDay.isOnDisk(DataFileNames.nannyFile(o.outDir(), window.start(), o.chunk(), o.version(), client.backendName()))) {
                results.add(chunk(o, list, window));
            }
        }
        return results;
    }

    /** The list's devices; none is an error naming the file. */
    static ParamList readList(Path paramFile) {
        ParamList list = ParamList.read(paramFile);
        if (list.devices().isEmpty()) {
            throw new DataLoggerException("no devices in " + paramFile + (list.problems().isEmpty() ? "" : "; skipped " + list.problems()));
        }
        return list;
    }

    private GrabResult chunk(Options o, ParamList list, TimeWindow window) {
        String backend = client.backendName();
        Path target = DataFileNames.nannyFile(o.outDir(), window.start(), o.chunk(), o.version(), backend);
        Path checkpoint = o.draftDir().resolve(".checkpoint-" + target.getFileName());
        String name = target.getFileName().toString();
        Path draft = DraftPublisher.draftOf(o.draftDir(), name, DraftPublisher.digest(list.devices()));
        if (DraftPublisher.isResumable(draft)) { // a killed run's finished draft
            return DraftPublisher.publishLeftover(draft, target.getParent(), Optional.of(checkpoint), window, list.problems(), o.listener());
        }
        List<TimeSeries> fetched = client.fetchAll(list.devices(), window, o.fetch().withCheckpoint(checkpoint));
        DataFileHeader header = new DataFileHeader(DataFileHeader.PARAMS, backend, window, clock.instant());
        Optional<Path> file = DraftPublisher.publishFetched(fetched, o.publishIncomplete(), draft, target, header, checkpoint, o.listener());
        return new GrabResult(window, file, fetched.stream().map(GrabResult.Outcome::of).toList(), list.problems(), false);
    }
}
