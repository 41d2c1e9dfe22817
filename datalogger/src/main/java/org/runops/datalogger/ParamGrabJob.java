package org.runops.datalogger;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.runops.datalogger.internal.DraftPublisher;

/**
 * ParamDataGrabber: every device of a parameter list over one window into one data file, written as a
 * draft in {@code draftDir} and published to {@code outDir} only when whole. The fetch keeps a
 * checkpoint in {@code draftDir}, so a run killed mid-fetch and started again fetches only the
 * missing chunks; a run killed after its draft was written publishes that draft when started again.
 * A device the logger refused is recorded as ERROR (PARTIAL when it cut a chunk short) and the others
 * are kept. A fetch that could not be completed (requests failing after their retries) publishes
 * nothing and keeps its checkpoint, so a rerun fetches only the missing chunks; unless
 * {@code publishIncomplete}, which publishes what arrived with those devices PARTIAL or ERROR.
 */
public final class ParamGrabJob {
    /** The original's {@code --logger} default, used in the file name when the list mixes nodes. */
    public static final LoggerNode DEFAULT_NODE = LoggerNode.MLRN;

    private final DataLoggerClient client;
    private final Clock clock;

    /**
     * The original's options. {@code logger} present forces every device onto that node (the original's
     * behaviour); absent, each line's node is used. {@code format} is {@code h5} or {@code csv}.
     */
    public record Options(Path paramFile, GrabWindow window, Optional<LoggerNode> logger, OptionalInt maxCount, boolean dryRun,
            Path draftDir, Path outDir, ZoneId zone, FetchOptions fetch, String format, boolean publishIncomplete, GrabListener listener) {
        public Options {
            Objects.requireNonNull(paramFile, "paramFile");
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(logger, "logger");
            Objects.requireNonNull(maxCount, "maxCount");
            Objects.requireNonNull(draftDir, "draftDir");
            Objects.requireNonNull(outDir, "outDir");
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(fetch, "fetch");
            Objects.requireNonNull(listener, "listener");
            if (!format.equals("h5") && !format.equals("csv")) {
                throw new IllegalArgumentException("data file format must be h5 or csv, got '" + format + "'");
            }
        }

        /** The original's defaults: last local day, per-line nodes, all devices, files in the current folder, HDF5. */
        public static Options defaults(Path paramFile) {
            Path here = Path.of("");
            return new Options(paramFile, GrabWindow.lastDay(), Optional.empty(), OptionalInt.empty(), false, here, here,
                    DataLoggerClient.FERMILAB_ZONE, FetchOptions.defaults(), "h5", false, GrabListener.none());
        }

        public Options withPaths(Path newDraftDir, Path newOutDir) {
            return new Options(paramFile, window, logger, maxCount, dryRun, newDraftDir, newOutDir, zone, fetch, format, publishIncomplete, listener);
        }

        public Options withWindow(GrabWindow newWindow) {
            return new Options(paramFile, newWindow, logger, maxCount, dryRun, draftDir, outDir, zone, fetch, format, publishIncomplete, listener);
        }
    }

    public ParamGrabJob(DataLoggerClient client, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public GrabResult run(Options o) {
        ParamList list = ParamList.read(o.paramFile());
        if (o.logger().isPresent()) {
            list = list.withNode(o.logger().get());
        }
        if (o.maxCount().isPresent()) {
            list = list.first(o.maxCount().getAsInt());
        }
        if (list.devices().isEmpty()) {
            throw new DataLoggerException("no devices to grab in " + o.paramFile() + (list.problems().isEmpty() ? "" : "; skipped " + list.problems()));
        }
        TimeWindow window = o.window().resolve(clock, o.zone());
        String backend = client.backendName();
        String name = DataFileNames.paramFile(clock.instant(), fileNode(list, o.logger()), window, o.zone(), backend, o.format());
        Path checkpoint = o.draftDir().resolve(".checkpoint-" + name.substring(name.indexOf("_From_") + 1).replace('+', '_'));
        Path target = o.outDir().resolve(name);
        String digest = DraftPublisher.digest(list.devices());
        if (!o.dryRun()) {
            Optional<Path> leftover = DraftPublisher.leftoverDraft(o.draftDir(), name, digest);
            if (leftover.isPresent()) {
                return DraftPublisher.publishLeftover(leftover.get(), o.outDir(), Optional.of(checkpoint), window, list.problems(), o.listener());
            }
        }
        // a dry run leaves nothing behind, not even a checkpoint
        List<TimeSeries> fetched = client.fetchAll(list.devices(), window, o.dryRun() ? o.fetch() : o.fetch().withCheckpoint(checkpoint));
        List<GrabResult.Outcome> outcomes = fetched.stream().map(GrabResult.Outcome::of).toList();
        if (o.dryRun()) {
            return new GrabResult(window, Optional.empty(), outcomes, list.problems(), false);
        }
        DataFileHeader header = new DataFileHeader(DataFileHeader.PARAMS, backend, window, clock.instant());
        Optional<Path> file = DraftPublisher.publishFetched(fetched, o.publishIncomplete(), DraftPublisher.draftOf(o.draftDir(), name, digest),
                target, header, checkpoint, o.listener());
        return new GrabResult(window, file, outcomes, list.problems(), false);
    }

    /** The node in the file name: the forced one, else the list's single node, else the original's default. */
    private static LoggerNode fileNode(ParamList list, Optional<LoggerNode> forced) {
        if (forced.isPresent()) {
            return forced.get();
        }
        List<LoggerNode> nodes = list.devices().stream().map(DeviceRequest::node).distinct().toList();
        return nodes.size() == 1 ? nodes.get(0) : DEFAULT_NODE;
    }
}
