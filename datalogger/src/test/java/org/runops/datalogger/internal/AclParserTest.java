package org.runops.datalogger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.runops.datalogger.DataLoggerClient;
import org.runops.datalogger.DataLoggerException;
import org.runops.datalogger.DeviceName;
import org.runops.datalogger.DeviceRequest;
import org.runops.datalogger.EventOccurrence;
import org.runops.datalogger.FetchStatus;
import org.runops.datalogger.TimeSeries;
import org.runops.datalogger.TimeWindow;
import org.runops.testing.SharedData;

class AclParserTest {
    private static final DeviceRequest DEVICE = DeviceRequest.of("MLrn", "B:VIMIN");
    private static final TimeWindow WINDOW = new TimeWindow(Instant.parse("2020-03-10T05:00:00Z"), Instant.parse("2020-03-11T05:00:00Z"));
    private static final Pattern HEAD = Pattern.compile("Event([0-9a-f]{2})\\s+SCmicrosec\\s+datetime\\s+epoch");
    private static final Pattern ROW = Pattern.compile("\\d+\\s+(\\S+)\\s+(\\d{2}-[A-Z]{3}-\\d{4} \\d{2}:\\d{2}:\\d{2}\\.\\d{3})\\s+(\\S+)");
    private static final DateTimeFormatter PRINTED = new java.time.format.DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("dd-MMM-yyyy HH:mm:ss.SSS").toFormatter(Locale.ENGLISH);

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static TimeSeries series(String body) {
        return AclParser.series(bytes(body), "test", DEVICE, WINDOW, DataLoggerClient.FERMILAB_ZONE);
    }

    /**
     * The printed heads of a real 2019-06-27 MLEventData file (93 events) turned back into the event_log
     * rows they came from ({@code date time seconds}, behind header lines): every occurrence must come out
     * at its Central-time instant, which is the file's legacy local-as-UTC epoch less the 5 h CDT offset.
     */
    @Test
    void realEventRowsOf2019ParseToTrueUtc() throws IOException {
        Path heads = SharedData.require("datalogger/notebook_outputs/MLEventData_2019-06-27_keys_and_heads.txt");
        Map<Integer, List<String[]>> rows = new LinkedHashMap<>();
        List<String[]> current = null;
        for (String line : Files.readAllLines(heads, StandardCharsets.UTF_8)) {
            Matcher h = HEAD.matcher(line.strip());
            Matcher r = ROW.matcher(line.strip());
            if (h.matches()) {
                current = new ArrayList<>();
                rows.put(Integer.parseInt(h.group(1), 16), current);
            } else if (current != null && r.matches()) {
                current.add(new String[] {r.group(1), r.group(2), r.group(3)});
            }
        }
        assertThat(rows).hasSize(93);
        int occurrences = 0;
        for (Map.Entry<Integer, List<String[]>> e : rows.entrySet()) {
            StringBuilder body = new StringBuilder("<pre>\nEvent log\nevent " + e.getKey() + "\nfrom 27-JUN-2019\n\n    Date      Time      SC\n");
            for (String[] row : e.getValue()) {
                body.append(row[1]).append("  ").append(row[0]).append('\n');
            }
            List<EventOccurrence> parsed = AclParser.events(bytes(body + "</pre>"), "heads", e.getKey(), DataLoggerClient.FERMILAB_ZONE);

            assertThat(parsed).hasSameSizeAs(e.getValue());
            for (int i = 0; i < parsed.size(); i++) {
                String[] row = e.getValue().get(i);
                LocalDateTime local = LocalDateTime.parse(row[1], PRINTED);
                EventOccurrence o = parsed.get(i);
                assertThat(o.event()).isEqualTo(e.getKey());
                assertThat(o.secondsIntoSupercycle()).isEqualTo(Double.parseDouble(row[0]));
                assertThat(o.time()).isEqualTo(local.toInstant(ZoneOffset.ofHours(-5)));
                // the original's epoch column read the local string as UTC: 5 h early, as printed (7 digits)
                double legacy = local.toEpochSecond(ZoneOffset.UTC);
                assertThat(Double.parseDouble(row[2])).isCloseTo(legacy, org.assertj.core.data.Offset.offset(500.0));
                assertThat(o.time().getEpochSecond() - (long) legacy).isEqualTo(5 * 3600);
                occurrences++;
            }
        }
        assertThat(occurrences).isGreaterThan(400);
    }

    @Test
    void eventRowsAfterTheFirstMustAllBeRows() {
        assertThatThrownBy(() -> AclParser.events(bytes("head\n27-JUN-2019 00:00:00.062  0.616390\nTotal: 1 occurrence\n"), "x.txt", 12,
                DataLoggerClient.FERMILAB_ZONE)).isInstanceOf(DataLoggerException.class)
                .hasMessageContaining("x.txt line 3").hasMessageContaining("\"Total: 1 occurrence\"");
        assertThatThrownBy(() -> AclParser.events(bytes("just a header\n"), "x.txt", 12, DataLoggerClient.FERMILAB_ZONE))
                .isInstanceOf(DataLoggerException.class).hasMessageContaining("no event rows");
    }

    @Test
    void eventTimesInTheFallBackOverlapTakeTheEarlierOffset() {
        List<EventOccurrence> o = AclParser.events(bytes("01-NOV-2020 01:30:00.000  1.5\n"), "x", 0, DataLoggerClient.FERMILAB_ZONE);
        assertThat(o.get(0).time()).isEqualTo(Instant.parse("2020-11-01T06:30:00Z")); // 01:30 CDT, not CST
    }

    @Test
    void valuesMayBeIntegersExponentsOrNaN() {
        TimeSeries s = series("1583816400 7\n1583816400.5 -1.5E-3\n1583816401 nan\n1583816402 +Infinity\n");
        assertThat(s.valuesArray()).containsExactly(7, -0.0015, Double.NaN, Double.POSITIVE_INFINITY);
        assertThat(s.utcSecondsArray()).containsExactly(1583816400, 1583816400.5, 1583816401, 1583816402);
    }

    @Test
    void timesMustBeFiniteNumbersAndJavaSuffixesAreNotNumbers() {
        assertThatThrownBy(() -> series("1e999 1\n")).isInstanceOf(DataLoggerException.class).hasMessageContaining("line 1");
        assertThatThrownBy(() -> series("1583816400 1.5d\n")).isInstanceOf(DataLoggerException.class).hasMessageContaining("\"1583816400 1.5d\"");
        assertThatThrownBy(() -> series("2020-02-30 00:00:00 1\n")).isInstanceOf(DataLoggerException.class).hasMessageContaining("local date");
        assertThatThrownBy(() -> series("1 2 3 4\n")).isInstanceOf(DataLoggerException.class).hasMessageContaining("line 1");
    }

    @Test
    void aBlankAnswerIsNeitherEmptyNorData() {
        assertThatThrownBy(() -> series("\n  \n")).isInstanceOf(DataLoggerException.class).hasMessageContaining("test holds no samples");
        assertThat(series("\n  No values  \n").status()).isEqualTo(FetchStatus.empty("\"No values\""));
    }

    @Test
    void errorLinesAreRecognisedByBangOrTrailingCode() {
        assertThat(AclParser.isError("! anything")).isTrue();
        assertThat(AclParser.isError("Invalid device name (B:X) - DIO_NO_SUCH")).isTrue();
        assertThat(AclParser.isError("Read failed - Z:ACLTST DIO_NOATT")).isTrue();
        assertThat(AclParser.isError("1583816400.048 103.37957")).isFalse();
        assertThat(AclParser.isError("a - b")).isFalse();
        assertThat(AclParser.isError("range - NOTACODE")).isFalse();
    }

    @Test
    void scalarsAreOneLineAndLoggerErrorsThrow() {
        DeviceName sctime = DeviceName.of("G:SCTIME");
        assertThat(AclParser.scalar(bytes("<html><body>G:SCTIME&nbsp;=&nbsp;60.066666 sec</body></html>"), "u", sctime)).isEqualTo(60.066666);
        assertThatThrownBy(() -> AclParser.scalar(bytes("12.5\n13.5\n"), "u", sctime)).isInstanceOf(DataLoggerException.class)
                .hasMessageContaining("u line 2");
        assertThatThrownBy(() -> AclParser.scalar(bytes("G:SCTIME = ? - DIO_NOSCALE\n"), "u", sctime)).isInstanceOf(DataLoggerException.class)
                .hasMessageContaining("DIO_NOSCALE").hasMessageContaining("G:SCTIME");
        assertThatThrownBy(() -> AclParser.scalar(bytes(""), "u", sctime)).isInstanceOf(DataLoggerException.class).hasMessageContaining("empty");
    }

    @Test
    void timelineRowsNeedHexEventsAndNonNegativeOffsets() {
        String header = "Event information :\n";
        assertThatThrownBy(() -> AclParser.timeline(bytes(header + "  1) Event : 1D  State ID :   4  Time :  -1  Machine : Booster\n"), "t"))
                .isInstanceOf(DataLoggerException.class).hasMessageContaining("t line 2");
        assertThatThrownBy(() -> AclParser.timeline(bytes(header + "  1) Event : XY  State ID :   4  Time :  0  Machine : Booster\n"), "t"))
                .isInstanceOf(DataLoggerException.class).hasMessageContaining("column 3");
        assertThatThrownBy(() -> AclParser.timeline(bytes(header), "t")).isInstanceOf(DataLoggerException.class).hasMessageContaining("no timeline rows");
    }

    @Test
    void htmlTextKeepsLoneAngleBracketsAndUnknownEntities() {
        assertThat(AclText.lines(bytes("a < b &bogus; &#x41;&#66;&amp;<br/>c<script>1 2</script>d<!-- never closed")))
                .containsExactly("a < b &bogus; AB&", "cd");
        assertThat(AclText.lines(bytes("x<p>y</p>z<TD>w</TR>v<head"))).containsExactly("xy", "zw", "v<head");
    }
}
