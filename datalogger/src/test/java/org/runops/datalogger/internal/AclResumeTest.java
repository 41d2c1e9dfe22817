package org.runops.datalogger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.datalogger.DataFileReader;
import org.runops.datalogger.DataFiles;
import org.runops.datalogger.DataLoggerClient;
import org.runops.datalogger.DeviceRequest;
import org.runops.datalogger.FetchOptions;
import org.runops.datalogger.FetchStatus;
import org.runops.datalogger.GrabListener;
import org.runops.datalogger.GrabResult;
import org.runops.datalogger.GrabWindow;
import org.runops.datalogger.NannyJob;
import org.runops.datalogger.ParamGrabJob;
import org.runops.datalogger.TimeSeries;
import org.runops.datalogger.TimeWindow;

/**
 * A long window fetched through the real ACL backend over loopback HTTP, chunk by chunk with
 * checkpoints: the server fails one chunk until it is "repaired", the first fetch ends PARTIAL naming
 * the missing hour, and the fetch started again asks the server for that hour only.
 */
class AclResumeTest {
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd+HH:mm:ss");
    private static final Pattern START = Pattern.compile("start=%22([0-9+:-]+)%22");
    private static final Pattern END = Pattern.compile("end=%22([0-9+:-]+)%22");
    // three hours from Chicago midnight, 2020-03-10 (CDT)
    private static final TimeWindow THREE_HOURS = new TimeWindow(Instant.parse("2020-03-10T05:00:00Z"), Instant.parse("2020-03-10T08:00:00Z"));
    private static final DeviceRequest VIMIN = DeviceRequest.of("MLrn", "B:VIMIN");

    @TempDir
    Path checkpoints;

    /** Five samples, one a second, from the chunk's local start string; the 01:00 hour fails while {@code broken}. */
    private static MockResponse answer(RecordedRequest request, AtomicBoolean broken) {
        return answer(request, broken.get() ? AclTestServer.status(500) : null, "");
    }

    /**
     * Five samples, one a second, from the chunk's local start string, then {@code tail}; the 01:00 hour
     * answered {@code oneAm} instead when that is not null.
     */
    private static MockResponse answer(RecordedRequest request, MockResponse oneAm, String tail) {
        Matcher m = START.matcher(request.getTarget());
        if (!m.find()) {
            return AclTestServer.status(400);
        }
        if (oneAm != null && m.group(1).equals("2020-03-10+01:00:00")) {
            return oneAm;
        }
        long start = LocalDateTime.parse(m.group(1), LOCAL).atZone(CHICAGO).toEpochSecond();
        StringBuilder body = new StringBuilder("<html><body><pre>\n");
        for (int i = 0; i < 5; i++) {
            body.append(String.format(Locale.ROOT, "%d.048 %.3f%n", start + i, 100.0 + i));
        }
        return AclTestServer.text(body.append(tail).append("</pre></body></html>").toString());
    }

    @Test
    void aChunkTheLoggerCutShortMakesTheDevicePartialWithItsDetail() throws IOException {
        FetchOptions options = FetchOptions.defaults().withChunk(Duration.ofHours(1)).withParallelism(1).withRetries(0, Duration.ZERO);
        try (AclTestServer acl = new AclTestServer(r -> answer(r, null, r.getTarget().contains("start=%222020-03-10+01:00:00%22")
                ? "B:VIMIN lost its data - DBM_NOREC\n" : ""));
                DataLoggerClient client = acl.client().build()) {
            TimeSeries s = client.fetchAll(List.of(VIMIN), THREE_HOURS, options).get(0);
            assertThat(s.status().kind()).isEqualTo(FetchStatus.Kind.PARTIAL);
            assertThat(s.status().incomplete()).isFalse();
            assertThat(s.status().detail()).contains("2020-03-10T06:00:00Z", "DBM_NOREC");
            assertThat(s.size()).isEqualTo(15);
        }
    }

    @Test
    void aRefusedDeviceIsNotCheckpointedSoAFetchStartedAgainAsksForItAgain() throws IOException {
        AtomicBoolean refusing = new AtomicBoolean(true);
        FetchOptions options = FetchOptions.defaults().withChunk(Duration.ofHours(1)).withParallelism(1).withRetries(0, Duration.ZERO)
                .withCheckpoint(checkpoints);
        try (AclTestServer acl = new AclTestServer(r -> answer(r, refusing.get() ? AclTestServer.text("<pre>\nB:VIMIN - DIO_NO_SUCH\n</pre>") : null, ""));
                DataLoggerClient client = acl.client().build()) {
            TimeSeries first = client.fetchAll(List.of(VIMIN), THREE_HOURS, options).get(0);
            assertThat(first.status().kind()).isEqualTo(FetchStatus.Kind.ERROR);
            assertThat(first.status().incomplete()).isFalse();

            refusing.set(false);
            acl.targets.clear();
            TimeSeries second = client.fetchAll(List.of(VIMIN), THREE_HOURS, options).get(0);
            assertThat(second.status()).isEqualTo(FetchStatus.ok());
            assertThat(second.size()).isEqualTo(15);
            assertThat(acl.targets).anySatisfy(t -> assertThat(t).contains("start=%222020-03-10+01:00:00%22"));
        }
    }

    @Test
    void aFetchStartedAgainAsksOnlyForTheChunkThatFailed() throws IOException {
        AtomicBoolean broken = new AtomicBoolean(true);
        FetchOptions options = FetchOptions.defaults().withChunk(Duration.ofHours(1)).withParallelism(2)
                .withRetries(1, Duration.ZERO).withCheckpoint(checkpoints);
        try (AclTestServer acl = new AclTestServer(r -> answer(r, broken)); DataLoggerClient client = acl.client().build()) {
            TimeSeries first = client.fetchAll(List.of(VIMIN), THREE_HOURS, options).get(0);
            assertThat(first.status().kind()).isEqualTo(FetchStatus.Kind.PARTIAL);
            assertThat(first.status().incomplete()).isTrue();
            assertThat(first.status().detail()).contains("2020-03-10T06:00:00Z");
            assertThat(first.size()).isEqualTo(10);
            assertThat(acl.targets).hasSize(4); // three chunks, the failing one tried twice

            broken.set(false);
            acl.targets.clear();
            TimeSeries second = client.fetchAll(List.of(VIMIN), THREE_HOURS, options).get(0);
            assertThat(second.status()).isEqualTo(FetchStatus.ok());
            assertThat(acl.targets).singleElement().asString().contains("start=%222020-03-10+01:00:00%22/end=%222020-03-10+02:00:00%22");
            assertThat(second.size()).isEqualTo(15);
            assertThat(second.utcSeconds(5)).isEqualTo(Instant.parse("2020-03-10T06:00:00Z").getEpochSecond() + 0.048);
            for (int i = 1; i < second.size(); i++) {
                assertThat(second.utcSeconds(i)).isGreaterThan(second.utcSeconds(i - 1));
            }
        }
    }

    /**
     * A naive logger: reads both local bounds at the earlier offset of an ambiguous time ({@code later}: the
     * later one) and refuses a window whose end is not after its start; samples every {@code step} seconds.
     */
    private static MockResponse localLogger(RecordedRequest request, boolean later, int step) {
        Matcher s = START.matcher(request.getTarget());
        Matcher e = END.matcher(request.getTarget());
        if (!s.find() || !e.find()) {
            return AclTestServer.status(400);
        }
        if (e.group(1).compareTo(s.group(1)) <= 0) {
            return AclTestServer.text("<pre>\n! end time not after start time - CLIB_INVARG\n</pre>");
        }
        long start = epochSecond(s.group(1), later);
        long end = epochSecond(e.group(1), later);
        StringBuilder body = new StringBuilder("<html><body><pre>\n");
        for (long t = start + Math.floorMod(-start, step); t < end; t += step) {
            body.append(t).append(".5 1.0\n");
        }
        return AclTestServer.text(body.append("</pre></body></html>").toString());
    }

    private static long epochSecond(String local, boolean later) {
        var zoned = LocalDateTime.parse(local, LOCAL).atZone(CHICAGO);
        return (later ? zoned.withLaterOffsetAtOverlap() : zoned.withEarlierOffsetAtOverlap()).toEpochSecond();
    }

    @Test
    void theHourRepeatedWhenTheClocksGoBackIsAskedForWithAnEndAfterItsStart() throws IOException {
        // 2020-11-01: 06:00Z is 01:00 CDT and 07:00Z is 01:00 CST
        TimeWindow night = new TimeWindow(Instant.parse("2020-11-01T05:00:00Z"), Instant.parse("2020-11-01T09:00:00Z"));
        FetchOptions options = FetchOptions.defaults().withChunk(Duration.ofHours(1)).withParallelism(1).withRetries(0, Duration.ZERO);
        try (AclTestServer acl = new AclTestServer(r -> localLogger(r, false, 600)); DataLoggerClient client = acl.client().build()) {
            TimeSeries s = client.fetchAll(List.of(VIMIN), night, options).get(0);
            // 06:00Z-07:00Z is 01:00 CDT to 01:00 CST: both ambiguous, so asked one hour wider on each side
            assertThat(acl.targets).anySatisfy(t -> assertThat(t).contains("start=%222020-11-01+00:00:00%22/end=%222020-11-01+02:00:00%22"));
            assertThat(s.status()).isEqualTo(FetchStatus.ok());
            assertThat(s.size()).isEqualTo(24); // six an hour, each hour once
            for (int i = 0; i < s.size(); i++) {
                assertThat(s.utcSeconds(i)).isEqualTo(Instant.parse("2020-11-01T05:00:00Z").getEpochSecond() + 600.0 * i + 0.5);
            }
        }
    }

    /**
     * Half-hour chunks across the repeated hour, against a logger that reads ambiguous local times at
     * either offset: every minute of the night arrives exactly once (the CST half hours were lost when a
     * logger read their local bounds as CDT).
     */
    @Test
    void halfHourChunksAcrossTheRepeatedHourLoseAndDoubleNothingWhicheverOffsetTheLoggerReads() throws IOException {
        TimeWindow night = new TimeWindow(Instant.parse("2020-11-01T05:00:00Z"), Instant.parse("2020-11-01T09:00:00Z"));
        FetchOptions options = FetchOptions.defaults().withChunk(Duration.ofMinutes(30)).withParallelism(2).withRetries(0, Duration.ZERO);
        for (boolean later : new boolean[] {false, true}) {
            try (AclTestServer acl = new AclTestServer(r -> localLogger(r, later, 60)); DataLoggerClient client = acl.client().build()) {
                TimeSeries s = client.fetchAll(List.of(VIMIN), night, options).get(0);
                assertThat(s.status()).as("later offset: " + later).isEqualTo(FetchStatus.ok());
                assertThat(s.size()).as("later offset: " + later).isEqualTo(4 * 60);
                for (int i = 0; i < s.size(); i++) {
                    assertThat(s.utcSeconds(i)).as("later offset: " + later).isEqualTo(night.start().getEpochSecond() + 60.0 * i + 0.5);
                }
            }
        }
    }

    private static List<Path> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    private ParamGrabJob.Options grab(Path params, boolean publishIncomplete) {
        FetchOptions fetch = FetchOptions.defaults().withChunk(Duration.ofHours(1)).withParallelism(2).withRetries(1, Duration.ZERO);
        ParamGrabJob.Options o = ParamGrabJob.Options.defaults(params).withPaths(checkpoints.resolve("draft"), checkpoints.resolve("out"))
                .withWindow(new GrabWindow(Optional.of("2020-03-10 03:00:00"), Optional.empty(), 0, 3, 0, 0));
        return new ParamGrabJob.Options(o.paramFile(), o.window(), o.logger(), o.maxCount(), false, o.draftDir(), o.outDir(), CHICAGO, fetch,
                "h5", publishIncomplete, GrabListener.none());
    }

    @Test
    void aFetchInterruptedAndStartedAgainFetchesOnlyTheMissingChunksAndNeverLeavesAHalfFileInOutdir() throws IOException {
        AtomicBoolean broken = new AtomicBoolean(true);
        Path params = Files.writeString(checkpoints.resolve("list.txt"), "MLrn B:VIMIN\n");
        Clock clock = Clock.fixed(Instant.parse("2020-03-11T06:00:00Z"), ZoneOffset.UTC);
        try (AclTestServer acl = new AclTestServer(r -> answer(r, broken)); DataLoggerClient client = acl.client().build()) {
            GrabResult first = new ParamGrabJob(client, clock).run(grab(params, false));
            assertThat(first.file()).isEmpty();
            assertThat(first.incomplete()).singleElement().satisfies(o -> assertThat(o.status().detail()).contains("2020-03-10T06:00:00Z"));
            assertThat(first.incompleteReport()).contains("B:VIMIN", "2020-03-10T06:00:00Z", "a rerun fetches only the missing ones");
            assertThat(files(checkpoints.resolve("out"))).isEmpty();
            assertThat(files(checkpoints.resolve("draft"))).hasSize(2).allSatisfy(f -> assertThat(f.toString()).contains(".checkpoint-"));

            broken.set(false);
            acl.targets.clear();
            GrabResult second = new ParamGrabJob(client, clock).run(grab(params, false));
            assertThat(acl.targets).singleElement().asString().contains("start=%222020-03-10+01:00:00%22");
            assertThat(second.outcomes()).singleElement().satisfies(o -> {
                assertThat(o.status()).isEqualTo(FetchStatus.ok());
                assertThat(o.samples()).isEqualTo(15);
            });
            assertThat(files(checkpoints.resolve("out"))).containsExactly(second.file().orElseThrow());
            assertThat(files(checkpoints.resolve("draft"))).isEmpty();
        }
    }

    @Test
    void publishIncompletePublishesWhatArrivedWithTheDevicePartial() throws IOException {
        Path params = Files.writeString(checkpoints.resolve("list.txt"), "MLrn B:VIMIN\n");
        Clock clock = Clock.fixed(Instant.parse("2020-03-11T06:00:00Z"), ZoneOffset.UTC);
        try (AclTestServer acl = new AclTestServer(r -> answer(r, new AtomicBoolean(true))); DataLoggerClient client = acl.client().build()) {
            GrabResult r = new ParamGrabJob(client, clock).run(grab(params, true));
            try (DataFileReader f = DataFiles.open(r.file().orElseThrow())) {
                assertThat(f.keyAttributes("B:VIMIN").get(DataFiles.ATTR_STATUS)).startsWith("PARTIAL (1 of 3 chunks missing");
                assertThat(f.keyAttributes("B:VIMIN")).containsEntry(DataFiles.ATTR_SAMPLES, "10");
            }
            assertThat(files(checkpoints.resolve("draft"))).isEmpty();
        }
    }

    @Test
    void theNannyStopsAtAChunkItCouldNotFetchAndTriesItAgainNextTime() throws IOException {
        AtomicBoolean broken = new AtomicBoolean(true);
        Path params = Files.writeString(checkpoints.resolve("list.txt"), "MLrn B:VIMIN\n");
        Clock clock = Clock.fixed(Instant.parse("2020-03-10T08:30:00Z"), ZoneOffset.UTC);
        NannyJob.Options o = new NannyJob.Options(params, THREE_HOURS.start(), Duration.ofHours(1), "1.0.0", checkpoints.resolve("draft"),
                checkpoints.resolve("out"), false, FetchOptions.defaults().withRetries(1, Duration.ZERO), false, GrabListener.none());
        try (AclTestServer acl = new AclTestServer(r -> answer(r, broken)); DataLoggerClient client = acl.client().build()) {
            List<GrabResult> first = new NannyJob(client, clock).catchUp(o);
            assertThat(first).extracting(r -> r.file().isPresent()).containsExactly(true, false); // 05:00Z written, 06:00Z not: stop
            assertThat(files(checkpoints.resolve("out"))).hasSize(1);

            broken.set(false);
            List<GrabResult> second = new NannyJob(client, clock).catchUp(o);
            assertThat(second).extracting(r -> r.window().start())
                    .containsExactly(Instant.parse("2020-03-10T06:00:00Z"), Instant.parse("2020-03-10T07:00:00Z"));
            assertThat(second).allSatisfy(r -> assertThat(r.file()).isPresent());
            assertThat(files(checkpoints.resolve("out"))).hasSize(3);
        }
    }
}
