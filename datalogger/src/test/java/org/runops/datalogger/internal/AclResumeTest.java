package org.runops.datalogger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.datalogger.DataLoggerClient;
import org.runops.datalogger.DeviceRequest;
import org.runops.datalogger.FetchOptions;
import org.runops.datalogger.FetchStatus;
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
    // three hours from Chicago midnight, 2020-03-10 (CDT)
    private static final TimeWindow THREE_HOURS = new TimeWindow(Instant.parse("2020-03-10T05:00:00Z"), Instant.parse("2020-03-10T08:00:00Z"));
    private static final DeviceRequest VIMIN = DeviceRequest.of("MLrn", "B:VIMIN");

    @TempDir
    Path checkpoints;

    /** Five samples, one a second, from the chunk's local start string; the 01:00 hour fails while {@code broken}. */
    private static MockResponse answer(RecordedRequest request, AtomicBoolean broken) {
        Matcher m = START.matcher(request.getTarget());
        if (!m.find()) {
            return AclTestServer.status(400);
        }
        if (broken.get() && m.group(1).equals("2020-03-10+01:00:00")) {
            return AclTestServer.status(500);
        }
        long start = LocalDateTime.parse(m.group(1), LOCAL).atZone(CHICAGO).toEpochSecond();
        StringBuilder body = new StringBuilder("<html><body><pre>\n");
        for (int i = 0; i < 5; i++) {
            body.append(String.format(Locale.ROOT, "%d.048 %.3f%n", start + i, 100.0 + i));
        }
        return AclTestServer.text(body.append("</pre></body></html>").toString());
    }

    @Test
    void aFetchStartedAgainAsksOnlyForTheChunkThatFailed() throws IOException {
        AtomicBoolean broken = new AtomicBoolean(true);
        FetchOptions options = FetchOptions.defaults().withChunk(Duration.ofHours(1)).withParallelism(2)
                .withRetries(1, Duration.ZERO).withCheckpoint(checkpoints);
        try (AclTestServer acl = new AclTestServer(r -> answer(r, broken)); DataLoggerClient client = acl.client().build()) {
            TimeSeries first = client.fetchAll(List.of(VIMIN), THREE_HOURS, options).get(0);
            assertThat(first.status().kind()).isEqualTo(FetchStatus.Kind.PARTIAL);
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
}
