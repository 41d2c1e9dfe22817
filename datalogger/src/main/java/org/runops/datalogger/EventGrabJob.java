package org.runops.datalogger;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.runops.datalogger.internal.DraftPublisher;

/**
 * EventDataGrabber: the occurrences of TCLK events {@code 00..maxEvent} over one window into one data
 * file, one series {@code Event<hh>} (lower-case hex) per event that occurred: {@code utc_seconds} are
 * true UTC times (the original stored local wall-clock time as if it were UTC), {@code value} the
 * seconds into the supercycle (the original's {@code SCmicrosec}). Events without occurrences are
 * left out of the file, as the original did. An event whose request fails (after its retries) makes
 * the grab incomplete: nothing is published, so a rerun asks again (events need no checkpoint: one
 * request each); unless {@code publishIncomplete}, which keeps that event in the file as a series
 * without samples and status ERROR. Same draft and publish rules as {@link ParamGrabJob}. An interrupt
 * stops the grab between two requests and writes nothing.
 */
public final class EventGrabJob {
    /** The original's {@code --maxEvt} default, 0xff. */
    public static final int DEFAULT_MAX_EVENT = 0xFF;
    /** The {@code units} attribute of event series. */
    public static final String UNITS = "s into supercycle";

    private final DataLoggerClient client;
    private final Clock clock;

    /** The original's options; {@code oneAndDone} ({@code -o}) stops after the first event that occurred. */
    public record Options(GrabWindow window, int maxEvent, boolean oneAndDone, boolean dryRun, Path draftDir, Path outDir, ZoneId zone,
            String format, boolean publishIncomplete, GrabListener listener) {
        public Options {
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(draftDir, "draftDir");
            Objects.requireNonNull(outDir, "outDir");
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(listener, "listener");
            if (maxEvent < 0 || maxEvent > 0xFF) {
                throw new IllegalArgumentException("maxEvt must be a TCLK event 00..ff, got " + Integer.toHexString(maxEvent));
            }
            if (!format.equals("h5") && !format.equals("csv")) {
                throw new IllegalArgumentException("data file format must be h5 or csv, got '" + format + "'");
            }
        }

        /** The original's defaults: last local day, events 00..ff, files in the current folder, HDF5. */
        public static Options defaults() {
            Path here = Path.of("");
            return new Options(GrabWindow.lastDay(), DEFAULT_MAX_EVENT, false, false, here, here, DataLoggerClient.FERMILAB_ZONE, "h5",
                    false, GrabListener.none());
        }
    }

    public EventGrabJob(DataLoggerClient client, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The series key of an event: {@code Event0c}. */
    public static String key(int event) {
        return String.format(Locale.ROOT, "Event%02x", event);
    }

    public GrabResult run(Options o) {
        TimeWindow window = o.window().resolve(clock, o.zone());
        String backend = client.backendName();
        String name = DataFileNames.eventFile(clock.instant(), window, o.zone(), backend, o.format());
        Path target = o.outDir().resolve(name);
        String digest = DraftPublisher.digest(List.of(o.maxEvent(), o.oneAndDone()));
        if (!o.dryRun()) {
            Optional<Path> leftover = DraftPublisher.leftoverDraft(o.draftDir(), name, digest);
            if (leftover.isPresent()) {
                return DraftPublisher.publishLeftover(leftover.get(), o.outDir(), Optional.empty(), window, List.of(), o.listener());
            }
        }
        List<GrabResult.Outcome> outcomes = new ArrayList<>();
        List<StoredSeries> stored = new ArrayList<>();
        for (int e = 0; e <= o.maxEvent(); e++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new DataLoggerException("grab of events 00.." + String.format(Locale.ROOT, "%02x", o.maxEvent()) + " over " + window
                        + " interrupted before event " + key(e) + "; nothing written");
            }
            List<EventOccurrence> occurrences;
            try {
                occurrences = client.eventLog(e, window);
            } catch (DataLoggerException failed) {
                FetchStatus error = FetchStatus.incomplete(FetchStatus.Kind.ERROR, failed.getMessage());
                outcomes.add(new GrabResult.Outcome(key(e), error, 0));
                stored.add(series(e, List.of(), error, window, backend));
                continue;
            }
            if (occurrences.isEmpty()) {
                outcomes.add(new GrabResult.Outcome(key(e), FetchStatus.empty("No occurrences of event"), 0));
                continue;
            }
            outcomes.add(new GrabResult.Outcome(key(e), FetchStatus.ok(), occurrences.size()));
            stored.add(series(e, occurrences, FetchStatus.ok(), window, backend));
            if (o.oneAndDone()) {
                break;
            }
        }
        boolean heldBack = !o.publishIncomplete() && outcomes.stream().anyMatch(out -> out.status().incomplete());
        if (o.dryRun() || stored.isEmpty() || heldBack) {
            return new GrabResult(window, Optional.empty(), outcomes, List.of(), false);
        }
        DataFileHeader header = new DataFileHeader(DataFileHeader.EVENTS, backend, window, clock.instant());
        Path file = DraftPublisher.writeAndPublish(DraftPublisher.draftOf(o.draftDir(), name, digest), target, header, stored, o.listener());
        return new GrabResult(window, Optional.of(file), outcomes, List.of(), false);
    }

    private static StoredSeries series(int event, List<EventOccurrence> occurrences, FetchStatus status, TimeWindow window, String backend) {
        double[] t = new double[occurrences.size()];
        double[] v = new double[occurrences.size()];
        for (int i = 0; i < t.length; i++) {
            Instant at = occurrences.get(i).time();
            t[i] = at.getEpochSecond() + at.getNano() / 1e9;
            v[i] = occurrences.get(i).secondsIntoSupercycle();
        }
        return new StoredSeries(key(event), t, v, Map.of(
                DataFiles.ATTR_NODE, DataFileNames.EVENT_NODE,
                DataFiles.ATTR_UNITS, UNITS,
                DataFiles.ATTR_WINDOW_START, window.start().toString(),
                DataFiles.ATTR_WINDOW_END, window.end().toString(),
                DataFiles.ATTR_BACKEND, backend,
                DataFiles.ATTR_STATUS, status.toString()));
    }
}
