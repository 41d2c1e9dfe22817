package org.runops.datalogger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.runops.datalogger.internal.AclTestServer.status;
import static org.runops.datalogger.internal.AclTestServer.target;
import static org.runops.datalogger.internal.AclTestServer.text;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.runops.datalogger.DataLoggerClient;
import org.runops.datalogger.DataLoggerException;
import org.runops.datalogger.DeviceName;
import org.runops.datalogger.DeviceRequest;
import org.runops.datalogger.EventOccurrence;
import org.runops.datalogger.FetchOptions;
import org.runops.datalogger.FetchStatus;
import org.runops.datalogger.TimeSeries;
import org.runops.datalogger.TimeWindow;
import org.runops.datalogger.TimelineSlot;

class AclCgiBackendTest {
    private static final DeviceRequest VIMIN = DeviceRequest.of("MLrn", "B:VIMIN");
    /** 2020-03-10 00:00 CDT to 2020-03-11 00:00 CDT: the RL file's day, whose first UTC sample is 05:00:00.048. */
    private static final TimeWindow MARCH_10 = new TimeWindow(Instant.parse("2020-03-10T05:00:00Z"), Instant.parse("2020-03-11T05:00:00Z"));
    private static final String MARCH_10_GET = "logger_get/date_format=%27utc_seconds%27/ignore_db_format"
            + "/start=%222020-03-10+00:00:00%22/end=%222020-03-11+00:00:00%22/node=MLrn+B:VIMIN";

    @Test
    void fetchSendsTheSpecCommandWithDeviceCharactersRawAndParsesUtcSecondLines() throws IOException {
        try (AclTestServer acl = new AclTestServer(r -> text("1583816400.048 103.37957\n1583816400.114 103.421227\n"));
                DataLoggerClient client = acl.client().build()) {
            TimeSeries s = client.fetch(VIMIN, MARCH_10);

            assertThat(acl.targets).containsExactly(target(MARCH_10_GET));
            assertThat(s.status()).isEqualTo(FetchStatus.ok());
            assertThat(s.utcSecondsArray()).containsExactly(1583816400.048, 1583816400.114);
            assertThat(s.valuesArray()).containsExactly(103.37957, 103.421227);
            assertThat(s.request()).isEqualTo(VIMIN);
            assertThat(s.window()).isEqualTo(MARCH_10);
        }
    }

    @Test
    void statusAndSettingDevicesKeepPipeAndUnderscoreUnencoded() throws IOException {
        try (AclTestServer acl = new AclTestServer(r -> text("1583816400.048 7\n"));
                DataLoggerClient client = acl.client().build()) {
            client.fetch(DeviceRequest.of("MLrn", "B|GMPSSC"), MARCH_10);
            client.fetch(DeviceRequest.of("NuMI2", "E:DURL01"), MARCH_10);

            assertThat(acl.targets.get(0)).endsWith("/node=MLrn+B|GMPSSC");
            assertThat(acl.targets.get(1)).endsWith("/node=NuMI2+E:DURL01");
        }
    }

    @Test
    void windowsAcrossTheSpringDstChangeAreRenderedInLocalWallClockTime() throws IOException {
        // 2020-03-08 00:00 CST is 06:00Z; the next local midnight, after the change, is 05:00Z: a 23 h day
        TimeWindow dstDay = new TimeWindow(Instant.parse("2020-03-08T06:00:00Z"), Instant.parse("2020-03-09T05:00:00Z"));
        TimeWindow aroundTheJump = new TimeWindow(Instant.parse("2020-03-08T07:59:59Z"), Instant.parse("2020-03-08T08:00:00Z"));
        try (AclTestServer acl = new AclTestServer(r -> text("No values\n"));
                DataLoggerClient client = acl.client().build()) {
            client.fetch(VIMIN, dstDay);
            client.fetch(VIMIN, aroundTheJump);

            assertThat(acl.targets.get(0)).contains("/start=%222020-03-08+00:00:00%22/end=%222020-03-09+00:00:00%22/");
            assertThat(acl.targets.get(1)).contains("/start=%222020-03-08+01:59:59%22/end=%222020-03-08+03:00:00%22/");
        }
    }

    @Test
    void anotherZoneRendersTheSameInstantDifferently() throws IOException {
        try (AclTestServer acl = new AclTestServer(r -> text("No values"));
                DataLoggerClient client = acl.client().zone(ZoneId.of("UTC")).build()) {
            client.fetch(VIMIN, MARCH_10);

            assertThat(acl.targets.get(0)).contains("/start=%222020-03-10+05:00:00%22/end=%222020-03-11+05:00:00%22/");
        }
    }

    @Test
    void noValuesIsAnEmptySeriesNotAnError() throws IOException {
        try (AclTestServer acl = new AclTestServer(r -> text("<html><body><pre>\nNo values for B:VIMIN in this range\n</pre></body></html>"));
                DataLoggerClient client = acl.client().build()) {
            TimeSeries s = client.fetch(VIMIN, MARCH_10);

            assertThat(s.status().kind()).isEqualTo(FetchStatus.Kind.EMPTY);
            assertThat(s.status().detail()).contains("No values for B:VIMIN");
            assertThat(s.size()).isZero();
        }
    }

    @Test
    void htmlWrappedAnswersAreStrippedAndUnescaped() throws IOException {
        String page = "<!DOCTYPE html><html><head><title>ACL 1 2</title><style>pre{x:1}</style></head><body><!-- 3 4 -->"
                + "<pre>1583816400.048&nbsp;103.37957<br>1583816400.114 &#49;03.5</pre></body></html>";
        try (AclTestServer acl = new AclTestServer(r -> text(page));
                DataLoggerClient client = acl.client().build()) {
            TimeSeries s = client.fetch(VIMIN, MARCH_10);

            assertThat(s.utcSecondsArray()).containsExactly(1583816400.048, 1583816400.114);
            assertThat(s.valuesArray()).containsExactly(103.37957, 103.5);
        }
    }

    @Test
    void loggerErrorLinesBecomeAnErrorStatusForThatDeviceOnly() throws IOException {
        try (AclTestServer acl = new AclTestServer(r -> r.getTarget().contains("B:NOSUCH")
                ? text("Invalid device name (B:NOSUCH) in logger_get command - DIO_NO_SUCH\n")
                : r.getTarget().contains("B:BANG") ? text("! Logger node MLrn is not responding\n")
                : text("1583816400.048 103.37957\n"));
                DataLoggerClient client = acl.client().build()) {
            List<TimeSeries> all = client.fetchAll(List.of(VIMIN, DeviceRequest.of("MLrn", "B:NOSUCH"), DeviceRequest.of("MLrn", "B:BANG")),
                    MARCH_10, FetchOptions.defaults());

            assertThat(all.get(0).status()).isEqualTo(FetchStatus.ok());
            assertThat(all.get(0).size()).isEqualTo(1);
            assertThat(all.get(1).status().kind()).isEqualTo(FetchStatus.Kind.ERROR);
            assertThat(all.get(1).status().detail()).isEqualTo("logger error: \"Invalid device name (B:NOSUCH) in logger_get command - DIO_NO_SUCH\"");
            assertThat(all.get(2).status().kind()).isEqualTo(FetchStatus.Kind.ERROR);
            assertThat(all.get(2).status().detail()).contains("Logger node MLrn is not responding");
        }
    }

    @Test
    void anErrorAfterSamplesKeepsThemAsPartial() throws IOException {
        try (AclTestServer acl = new AclTestServer(r -> text("1583816400.048 103.37957\nRead failed - Z:ACLTST DIO_NOATT\n"));
                DataLoggerClient client = acl.client().build()) {
            TimeSeries s = client.fetch(VIMIN, MARCH_10);

            assertThat(s.status().kind()).isEqualTo(FetchStatus.Kind.PARTIAL);
            assertThat(s.status().detail()).contains("DIO_NOATT").contains("after 1 samples");
            assertThat(s.valuesArray()).containsExactly(103.37957);
        }
    }

    @Test
    void threeTokenLinesAreLocalTimesConvertedInTheZone() throws IOException {
        try (AclTestServer acl = new AclTestServer(r -> text("2020-03-10 00:00:00.048 103.37957\n10-MAR-2020 00:00:00.114 103.4\n"
                + "08-Mar-2020 03:00:00 1e2\n"));
                DataLoggerClient client = acl.client().build()) {
            TimeSeries s = client.fetch(VIMIN, MARCH_10);

            assertThat(s.utcSecondsArray()).containsExactly(1583816400.048, 1583816400.114,
                    Instant.parse("2020-03-08T08:00:00Z").getEpochSecond());
            assertThat(s.valuesArray()).containsExactly(103.37957, 103.4, 100.0);
        }
    }

    @Test
    void garbageFailsNamingUrlLineNumberAndLine() throws IOException {
        try (AclTestServer acl = new AclTestServer(r -> text("1583816400.048 103.37957\n1583816400.114 1O3.4\n"));
                DataLoggerClient client = acl.client().build()) {
            assertThatThrownBy(() -> client.fetch(VIMIN, MARCH_10))
                    .isInstanceOf(DataLoggerException.class)
                    .hasMessageContaining(acl.url()).hasMessageContaining("line 2").hasMessageContaining("\"1583816400.114 1O3.4\"");
        }
    }

    @Test
    void an500FailsTheFetchAfterOneAttemptNamingTheUrl() throws IOException {
        try (AclTestServer acl = new AclTestServer(r -> status(500));
                DataLoggerClient client = acl.client().build()) {
            assertThatThrownBy(() -> client.fetch(VIMIN, MARCH_10))
                    .isInstanceOf(DataLoggerException.class)
                    .hasMessageContaining(acl.url()).hasMessageContaining("500");
            assertThat(acl.targets).hasSize(1); // chunks are retried by fetchAll, not here
        }
    }

    @Test
    void oneShotCommandsAreRetriedAfter500s() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        try (AclTestServer acl = new AclTestServer(r -> calls.incrementAndGet() < 3 ? status(503) : text("60.066666\n"));
                DataLoggerClient client = acl.client().build()) {
            assertThat(client.readSetting(DeviceName.of("G:SCTIME"))).isEqualTo(60.066666);
            assertThat(acl.targets).hasSize(3).allMatch(t -> t.equals(target("read/no_name/no_units/setting%20G:SCTIME")));
        }
    }

    @Test
    void fetchRetryCanBeTurnedOn() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        try (AclTestServer acl = new AclTestServer(r -> calls.incrementAndGet() < 2 ? status(502) : text("1583816400.048 1\n"));
                DataLoggerClient client = acl.client()
                        .fetchRetry(new org.runops.core.http.RetryPolicy(2, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO)).build()) {
            assertThat(client.fetch(VIMIN, MARCH_10).size()).isEqualTo(1);
            assertThat(acl.targets).hasSize(2);
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aSlowAnswerIsCutByTheCallTimeout() throws IOException {
        try (AclTestServer acl = new AclTestServer(r -> new MockResponse.Builder().code(200)
                .body("1583816400.048 103.37957\n").headersDelay(20, TimeUnit.SECONDS).build());
                DataLoggerClient client = acl.client().callTimeout(Duration.ofMillis(300)).build()) {
            assertThatThrownBy(() -> client.fetch(VIMIN, MARCH_10))
                    .isInstanceOf(DataLoggerException.class)
                    .hasMessageContaining(acl.url()).hasMessageContaining("imeout");
        }
    }

    @Test
    void anUnreachableServerFailsNamingTheUrl() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/cgi-bin/acl.pl";
        try (DataLoggerClient client = org.runops.datalogger.AclClient.builder(url).callTimeout(Duration.ofSeconds(5))
                .commandRetry(org.runops.core.http.RetryPolicy.none()).build()) {
            assertThatThrownBy(() -> client.fetch(VIMIN, MARCH_10))
                    .isInstanceOf(DataLoggerException.class).hasMessageContaining(url);
            assertThatThrownBy(() -> client.readReading(DeviceName.of("G:SCTIME")))
                    .isInstanceOf(DataLoggerException.class).hasMessageContaining(url + "?acl=read/no_name/no_units%20G:SCTIME");
        }
    }

    @Test
    void eventLogSendsLowerCaseHexAndConvertsLocalTimesToUtc() throws IOException {
        String body = "<pre>Event log for event 0C\nStart 27-JUN-2019 00:00:00  Stop 28-JUN-2019 00:00:00\n\n"
                + "   Date        Time        SC seconds\n"
                + "27-JUN-2019 00:00:00.062  0.616390\n27-JUN-2019 00:00:00.129  0.683042\n</pre>";
        TimeWindow day = new TimeWindow(Instant.parse("2019-06-27T05:00:00Z"), Instant.parse("2019-06-28T05:00:00Z"));
        try (AclTestServer acl = new AclTestServer(r -> text(body));
                DataLoggerClient client = acl.client().build()) {
            List<EventOccurrence> events = client.eventLog(0x0c, day);

            assertThat(acl.targets).containsExactly(target(
                    "event_log/start_time=%222019-06-27+00:00:00%22/stop_time=%222019-06-28+00:00:00%22/event=0c"));
            assertThat(events).containsExactly(
                    new EventOccurrence(0x0c, Instant.parse("2019-06-27T05:00:00.062Z"), 0.616390),
                    new EventOccurrence(0x0c, Instant.parse("2019-06-27T05:00:00.129Z"), 0.683042));
        }
    }

    @Test
    void eventLogWithoutOccurrencesIsEmptyAndALoggerErrorThrows() throws IOException {
        TimeWindow day = new TimeWindow(Instant.parse("2019-06-27T05:00:00Z"), Instant.parse("2019-06-28T05:00:00Z"));
        try (AclTestServer acl = new AclTestServer(r -> r.getTarget().endsWith("event=fb")
                ? text("No occurrences of event FB in the requested time range\n")
                : text("Bad event number - CLIB_SYNTAX\n"));
                DataLoggerClient client = acl.client().build()) {
            assertThat(client.eventLog(0xfb, day)).isEmpty();
            assertThatThrownBy(() -> client.eventLog(0xfc, day)).isInstanceOf(DataLoggerException.class)
                    .hasMessageContaining("CLIB_SYNTAX").hasMessageContaining("event=fc");
        }
    }

    @Test
    void timelineIsReadFromColumnsThreeAndTen() throws IOException {
        // the answer's shape as quoted in the original workflow's TLGrecorder.py
        String body = "Event information :\n"
                + "  1) Event : 17  State ID :   5  Time :  0      Machine : Booster\n"
                + "  2) Event : E3  State ID :  30  Time :  0      Machine : Recycler\n"
                + "  3) Event : 32  State ID :   1  Time :  0      Machine : Switchyard\n"
                + "  4) Event : 1D  State ID :   4  Time :  .0667  Machine : Booster\n"
                + "  5) Event : 1D  State ID :   4  Time :  .1333  Machine : Booster\n";
        try (AclTestServer acl = new AclTestServer(r -> text(body));
                DataLoggerClient client = acl.client().build()) {
            assertThat(client.currentTimeline()).containsExactly(new TimelineSlot(0, 0x17, 0), new TimelineSlot(1, 0xE3, 0),
                    new TimelineSlot(2, 0x32, 0), new TimelineSlot(3, 0x1D, 0.0667), new TimelineSlot(4, 0x1D, 0.1333));
            assertThat(acl.targets).containsExactly(target("tlg_info/all_event_info"));
        }
    }

    @Test
    void readAcceptsNamedValuesWithUnitsAndBareValues() throws IOException {
        try (AclTestServer acl = new AclTestServer(r -> r.getTarget().contains("setting") ? text("G:SCTIME = 60.066666 sec\n") : text(" 12.5 \n"));
                DataLoggerClient client = acl.client().build()) {
            assertThat(client.readReading(DeviceName.of("G:SCTIME"))).isEqualTo(12.5);
            assertThat(client.readSetting(DeviceName.of("G:SCTIME"))).isEqualTo(60.066666);
            assertThat(acl.targets).containsExactly(target("read/no_name/no_units%20G:SCTIME"),
                    target("read/no_name/no_units/setting%20G:SCTIME"));
        }
    }

    @Test
    void aBaseUrlWithAQueryIsRefused() {
        assertThatThrownBy(() -> DataLoggerClient.acl("http://localhost/acl.pl?x=1", DataLoggerClient.FERMILAB_ZONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("acl.pl?x=1");
        assertThatThrownBy(() -> DataLoggerClient.acl("www-ad.fnal.gov/cgi-bin/acl.pl", DataLoggerClient.FERMILAB_ZONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("www-ad.fnal.gov/cgi-bin/acl.pl");
    }

    @Test
    void backendNameIsAcl() {
        try (DataLoggerClient client = DataLoggerClient.acl(DataLoggerClient.DEFAULT_ACL_URL, DataLoggerClient.FERMILAB_ZONE)) {
            assertThat(client.backendName()).isEqualTo("acl");
        }
    }
}
