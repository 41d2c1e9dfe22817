package org.runops.datalogger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.runops.datalogger.internal.AclTestServer.text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.datalogger.AclClient;
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

class ReplayBackendTest {
    private static final TimeWindow DAY = new TimeWindow(Instant.parse("2019-06-27T05:00:00Z"), Instant.parse("2019-06-28T05:00:00Z"));
    private static final List<DeviceRequest> DEVICES = List.of(DeviceRequest.of("MLrn", "B:VIMIN"), DeviceRequest.of("MLrn", "B_VIMIN"),
            DeviceRequest.of("MLrn", "B|GMPSSC"), DeviceRequest.of("MLrn", "B:NOSUCH"));
    private static final String TIMELINE = "<pre>Event information :\n  1) Event : 17  State ID :   5  Time :  0      Machine : Booster\n"
            + "  2) Event : 1D  State ID :   4  Time :  .0667  Machine : Booster\n</pre>";

    @TempDir
    Path dir;

    private static mockwebserver3.MockResponse answer(String target) {
        if (target.contains("B:VIMIN")) {
            return text("<html><pre>1561611600.048 103.37957\n1561611600.114 103.421227\n</pre></html>");
        } else if (target.contains("B_VIMIN")) {
            return text("No values\n");
        } else if (target.contains("B|GMPSSC")) {
            return text("1561611600.048 4294967295\n");
        } else if (target.contains("B:NOSUCH")) {
            return text("Invalid device name (B:NOSUCH) - DIO_NO_SUCH\n");
        } else if (target.contains("event=0c")) {
            return text("Header\n\n27-JUN-2019 00:00:00.062  0.616390\n");
        } else if (target.contains("event=")) {
            return text("No occurrences of event\n");
        } else if (target.contains("tlg_info")) {
            return text(TIMELINE);
        }
        return text(target.contains("setting") ? "G:SCTIME = 60.066666 sec" : "12.5");
    }

    /** Everything a client answers for the recorded calls. */
    private static List<Object> everything(DataLoggerClient client) {
        return List.of(client.fetchAll(DEVICES, DAY, FetchOptions.defaults()), client.eventLog(0x0c, DAY), client.eventLog(0x0d, DAY),
                client.currentTimeline(), client.readReading(DeviceName.of("G:SCTIME")), client.readSetting(DeviceName.of("G:SCTIME")));
    }

    @Test
    void answersRecordedFromTheCgiReplayIdenticallyWithoutIt() throws IOException {
        List<Object> live;
        try (AclTestServer acl = new AclTestServer(r -> answer(r.getTarget()));
                DataLoggerClient client = acl.client().recordTo(dir).build()) {
            live = everything(client);
        }
        List<Object> replayed;
        try (DataLoggerClient replay = DataLoggerClient.replay(dir)) {
            assertThat(replay.backendName()).isEqualTo("replay");
            replayed = everything(replay);
        }

        assertThat(replayed).isEqualTo(live);
        @SuppressWarnings("unchecked")
        List<TimeSeries> series = (List<TimeSeries>) replayed.get(0);
        assertThat(series).extracting(s -> s.status().kind()).containsExactly(FetchStatus.Kind.OK, FetchStatus.Kind.EMPTY,
                FetchStatus.Kind.OK, FetchStatus.Kind.ERROR);
        assertThat(series.get(0).valuesArray()).containsExactly(103.37957, 103.421227);
        assertThat(replayed.get(1)).isEqualTo(List.of(new EventOccurrence(0x0c, Instant.parse("2019-06-27T05:00:00.062Z"), 0.616390)));
        assertThat(replayed.get(3)).isEqualTo(List.of(new TimelineSlot(0, 0x17, 0), new TimelineSlot(1, 0x1D, 0.0667)));
        assertThat(replayed.subList(4, 6)).containsExactly(12.5, 60.066666);
    }

    @Test
    void eachCommandIsOneFileNamedFromItHoldingTheBodyByteForByte() throws IOException {
        try (AclTestServer acl = new AclTestServer(r -> answer(r.getTarget()));
                DataLoggerClient client = acl.client().recordTo(dir).build()) {
            client.currentTimeline();
            client.fetch(DEVICES.get(0), DAY);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).satisfiesExactly(
                    f -> assertThat(f).matches("logger_get_date_format_utc_seconds_ignore_db_format_start_2019-06-27_00_00_00_end_2019-06-28_00_00_00"
                            + "_node_MLrn_B_VIMIN-[0-9a-f]{16}\\.acl\\.txt"),
                    f -> assertThat(f).matches("tlg_info_all_event_info-[0-9a-f]{16}\\.acl\\.txt"));
        }
        Path timeline = AclRecordings.file(dir, AclCommands.timeline());
        assertThat(Files.readString(timeline, StandardCharsets.UTF_8)).isEqualTo(TIMELINE);
    }

    @Test
    void aMissingRecordingNamesTheCommandAndTheFile() {
        try (DataLoggerClient replay = AclClient.replay(dir, DataLoggerClient.FERMILAB_ZONE)) {
            String command = AclCommands.loggerGet(DEVICES.get(0), DAY, DataLoggerClient.FERMILAB_ZONE);
            assertThatThrownBy(() -> replay.fetch(DEVICES.get(0), DAY)).isInstanceOf(DataLoggerException.class)
                    .hasMessageContaining(command).hasMessageContaining(AclRecordings.file(dir, command).toString());
        }
    }

    @Test
    void aBrokenRecordingFailsNamingTheFileAndLine() throws IOException {
        String command = AclCommands.read(DeviceName.of("G:SCTIME"), false);
        Files.writeString(AclRecordings.file(dir, command), "G:SCTIME = twelve");
        try (DataLoggerClient replay = DataLoggerClient.replay(dir)) {
            assertThatThrownBy(() -> replay.readReading(DeviceName.of("G:SCTIME"))).isInstanceOf(DataLoggerException.class)
                    .hasMessageContaining(AclRecordings.file(dir, command).toString()).hasMessageContaining("line 1");
        }
    }

    @Test
    void aMissingFolderIsRefusedAtOnce() {
        Path absent = dir.resolve("absent");
        assertThatThrownBy(() -> DataLoggerClient.replay(absent)).isInstanceOf(DataLoggerException.class).hasMessageContaining(absent.toString());
    }
}
