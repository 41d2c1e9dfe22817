package org.runops.datalogger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.datalogger.DataFileReader;
import org.runops.datalogger.DataFiles;
import org.runops.datalogger.DataLoggerClient;
import org.runops.datalogger.EventGrabJob;
import org.runops.datalogger.GrabListener;
import org.runops.datalogger.GrabResult;
import org.runops.datalogger.GrabWindow;

/**
 * The event grab through the real ACL backend over loopback HTTP: a request that fails after its
 * retries (HTTP 500) makes the grab incomplete, so nothing is published and a rerun asks again,
 * instead of a file of empty ERROR series per outage.
 */
class AclEventGrabTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2019-06-28T06:00:00Z"), ZoneOffset.UTC);
    private static final String ROWS = "<pre>Event log\n   Date        Time        SC seconds\n"
            + "27-JUN-2019 00:00:00.062  0.616390\n27-JUN-2019 00:00:30.129  0.683042\n</pre>";

    @TempDir
    Path dir;

    /** Events 00..03 over the first minute of 2019-06-27 (local), drafts and output in {@code dir}. */
    private static EventGrabJob.Options options(Path dir, boolean publishIncomplete) {
        return new EventGrabJob.Options(new GrabWindow(Optional.of("2019-06-27 00:01:00"), Optional.empty(), 0, 0, 1, 0), 3, false, false,
                dir, dir, DataLoggerClient.FERMILAB_ZONE, "h5", publishIncomplete, GrabListener.none());
    }

    /** Rows for event 01, "No occurrences" for the others, HTTP 500 for {@code failing} (null: none). */
    private static MockResponse answer(RecordedRequest r, String failing) {
        if (failing != null && r.getTarget().endsWith("event=" + failing)) {
            return AclTestServer.status(500);
        }
        return r.getTarget().endsWith("event=01") ? AclTestServer.text(ROWS) : AclTestServer.text("No occurrences of event in the time range\n");
    }

    private static long dataFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("MLEventData_")).count();
        }
    }

    @Test
    void anOutageOfEveryEventRequestPublishesNothing() throws IOException {
        try (AclTestServer acl = new AclTestServer(r -> AclTestServer.status(500));
                DataLoggerClient client = acl.client().build()) {
            GrabResult r = new EventGrabJob(client, CLOCK).run(options(dir, false));
            assertThat(r.file()).isEmpty();
            assertThat(r.incomplete()).extracting(GrabResult.Outcome::key).containsExactly("Event00", "Event01", "Event02", "Event03");
            assertThat(r.incompleteReport()).contains("nothing published", "→ 500");
            assertThat(acl.targets).hasSize(4 * 3); // each event tried 3 times
            GrabResult again = new EventGrabJob(client, Clock.offset(CLOCK, java.time.Duration.ofMinutes(5))).run(options(dir, false));
            assertThat(again.file()).isEmpty();
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.toList()).as("no file, no draft, however often it is rerun").isEmpty();
        }
    }

    @Test
    void oneFailedEventHoldsTheFileBackUntilARerunGetsIt() throws IOException {
        String[] failing = {"02"};
        try (AclTestServer acl = new AclTestServer(r -> answer(r, failing[0]));
                DataLoggerClient client = acl.client().build()) {
            GrabResult first = new EventGrabJob(client, CLOCK).run(options(dir, false));
            assertThat(first.file()).isEmpty();
            assertThat(first.incomplete()).extracting(GrabResult.Outcome::key).containsExactly("Event02");
            assertThat(dataFiles(dir)).isZero();

            failing[0] = null;
            GrabResult second = new EventGrabJob(client, CLOCK).run(options(dir, false));
            assertThat(second.incomplete()).isEmpty();
            assertThat(second.hasFailures()).isFalse();
            try (DataFileReader f = DataFiles.open(second.file().orElseThrow())) {
                assertThat(f.keys()).containsExactly("Event01");
            }
            assertThat(dataFiles(dir)).isOne();
        }
    }

    @Test
    void publishIncompleteKeepsTheFailedEventAsAnEmptyErrorSeries() throws IOException {
        try (AclTestServer acl = new AclTestServer(r -> answer(r, "02"));
                DataLoggerClient client = acl.client().build()) {
            GrabResult r = new EventGrabJob(client, CLOCK).run(options(dir, true));
            assertThat(r.hasFailures()).isTrue();
            try (DataFileReader f = DataFiles.open(r.file().orElseThrow())) {
                assertThat(f.keys()).containsExactly("Event01", "Event02");
                assertThat(f.keyAttributes("Event02").get("status")).startsWith("ERROR (").contains("500");
            }
        }
    }
}
