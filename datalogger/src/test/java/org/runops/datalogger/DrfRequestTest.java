package org.runops.datalogger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.runops.testing.SharedData;

class DrfRequestTest {

    @Test
    void allRealRequestListsParseAndSpellTheirText() throws IOException {
        Path linac = SharedData.require("datalogger/linac_logger/linac_logger_drf_requests.txt");
        Path workflow = SharedData.require("datalogger/workflow/requests.txt");
        Map<String, Integer> eventTypes = new TreeMap<>();
        int parsed = 0;
        for (Path list : List.of(linac, workflow)) {
            for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                DrfRequest r = DrfRequest.parse(line.strip());
                assertThat(r.text()).isEqualTo(line.strip());
                eventTypes.merge(r.event().map(e -> String.valueOf(e.type())).orElse("-"), 1, Integer::sum);
                parsed++;
            }
        }
        assertThat(parsed).isEqualTo(3408 + 47);
        assertThat(eventTypes).containsOnlyKeys("-", "P", "E");
    }

    @Test
    void componentsOfTheForms() {
        DrfRequest periodic = DrfRequest.parse("B:VIMIN@p,66,true");
        assertThat(periodic.device()).isEqualTo("B:VIMIN");
        assertThat(periodic.event()).contains(new DrfRequest.Event("p,66,true", 'P', List.of("66", "true")));
        assertThat(periodic.extra()).isEmpty();

        DrfRequest status = DrfRequest.parse("L:D7LMSM.BIT_VALUE@e,52,e,0");
        assertThat(status.property()).isEmpty();
        assertThat(status.field()).contains("BIT_VALUE");
        assertThat(status.event().orElseThrow().arguments()).containsExactly("52", "e", "0");

        DrfRequest full = DrfRequest.parse("M:OUTTMP.READING[0:10].SCALED@I<-LOGGER:1736942400000:1736946000000:ArkIv");
        assertThat(full.property()).contains("READING");
        assertThat(full.range()).contains("[0:10]");
        assertThat(full.field()).contains("SCALED");
        assertThat(full.event().orElseThrow().type()).isEqualTo('I');
        assertThat(full.extra()).contains("LOGGER:1736942400000:1736946000000:ArkIv");

        DrfRequest alarm = DrfRequest.parse("M@OUTTMP");
        assertThat(alarm.device()).isEqualTo("M@OUTTMP");
        assertThat(alarm.event()).isEmpty();

        assertThat(DrfRequest.parse("G:PIDDB[2]@p,10000,true").range()).contains("[2]");
        assertThat(DrfRequest.parse("B:X@S,B:Y,1.5,0,>=").event().orElseThrow().arguments()).containsExactly("B:Y", "1.5", "0", ">=");
        assertThat(DrfRequest.parse("M:OUTTMP<-LOGGERDURATION:3600000").extra()).contains("LOGGERDURATION:3600000");
        assertThat(DrfRequest.parse("M:OUTTMP@p,1S").event().orElseThrow().arguments()).containsExactly("1S");
    }

    @Test
    void aLoggerWindowReplacesAnyExtraAndGoesAfterTheEvent() {
        DrfRequest r = DrfRequest.parse("B:VIMIN@p,66,true<-LOGGERSINGLE")
                .fromLogger(Instant.ofEpochMilli(1736942400000L), Instant.ofEpochMilli(1736946000000L), Optional.of(LoggerNode.of("MLrn")));
        assertThat(r.text()).isEqualTo("B:VIMIN@p,66,true<-LOGGER:1736942400000:1736946000000:MLrn");
        assertThat(DrfRequest.parse("B:VIMIN").fromLogger(Instant.ofEpochSecond(1), Instant.ofEpochSecond(2), Optional.empty()).text())
                .isEqualTo("B:VIMIN<-LOGGER:1000:2000");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "'';0;a device name",
        "B;0;a device name",
        "BVIMIN;0;a device name",
        "B:VIMIN@;8;an event type",
        "B:VIMIN@x;8;an event type I, U, N, P, Q, E or S",
        "B:VIMIN@p;8;@P,period",
        "B:VIMIN@p,66,maybe;8;@P,period",
        "B:VIMIN@e,152,e,0;8;one-byte hex clock event",
        "B:VIMIN@I,1;8;no arguments after @I",
        "B:VIMIN[2;7;a range",
        "B:VIMIN[a];7;a range",
        "B:VIMIN.;8;a property or field name",
        "B:VIMIN.RAW[0];11;the end of the request",
        "B:VIMIN x;7;the end of the request",
        "B:VIMIN<-LOGGER:2:1;9;t1 (ms) not after t2",
        "B:VIMIN<-FTP;9;LOGGER:t1ms:t2ms",
    })
    void badStringsNameTheStringAndThePosition(String text, int position, String expected) {
        assertThatThrownBy(() -> DrfRequest.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + text + "\"").hasMessageContaining("at position " + position).hasMessageContaining(expected);
    }

    @Test
    void partsThatDoNotSpellTheTextAreRefused() {
        assertThatThrownBy(() -> new DrfRequest("B:VIMIN@p,66", "B:VIMIN", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not match");
    }
}
