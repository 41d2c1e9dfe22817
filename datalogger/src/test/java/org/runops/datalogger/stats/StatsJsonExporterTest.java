package org.runops.datalogger.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.datalogger.DataLoggerException;
import org.runops.datalogger.ParamList;

class StatsJsonExporterTest {
    @TempDir
    Path dir;

    /** The golden files were written by hand from spec §2.7 (with plotly's axis names), formatted as Python's json.dump(indent=4). */
    private static String golden(String name) throws IOException {
        try (InputStream in = StatsJsonExporterTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void matchesTheGoldenFigureForAParameterListOfNodeDeviceLines() throws IOException {
        Path db = StatsFixtures.twoDevices(dir);
        Path params = Files.writeString(dir.resolve("ParamList.txt"), "MLrn B:VIMIN \n\nMLrn B|GMPSSC\n");
        Path outdir = Files.createDirectory(dir.resolve("site"));
        Path written;
        try (StatsDatabase stats = StatsDatabase.open(db)) {
            written = StatsJsonExporter.export(stats, ParamNames.read(params, p -> { throw new AssertionError(p); }), 0, outdir, StatsJsonExporter.DEFAULT_FILE);
        }
        assertThat(written).isEqualTo(outdir.resolve("StatsHistoryBoringHolyMoly.json"));
        assertThat(Files.readString(written)).isEqualTo(golden("StatsHistory-golden.json"));
        try (var listing = Files.list(outdir)) {
            assertThat(listing).containsExactly(written); // no temp file left behind
        }
    }

    @Test
    void withoutAListEveryDeviceOfTheDatabaseIsExportedButNoIntervals() throws IOException {
        Path db = StatsFixtures.twoDevices(dir);
        try (StatsDatabase stats = StatsDatabase.open(db)) {
            Path written = StatsJsonExporter.export(stats, List.of(), 0, dir, "all.json");
            assertThat(Files.readString(written)).isEqualTo(golden("StatsHistory-golden.json"));
        }
    }

    @Test
    void simulatedStatisticsAreTitledSoWhenShown() throws IOException {
        Path db = StatsFixtures.twoDevices(dir, "simulated");
        try (StatsDatabase stats = StatsDatabase.open(db)) {
            String all = Files.readString(StatsJsonExporter.export(stats, List.of(), 0, dir, "all.json"));
            assertThat(all).startsWith(golden("StatsHistory-golden.json").substring(0, all.indexOf("\"layout\"")))
                    .contains("\"layout\": {\n        \"title\": {\n            \"text\": \"SIMULATED DATA\"\n        },\n        \"grid\"");
            // only the first (real) day shown: no title
            String first = Files.readString(StatsJsonExporter.export(stats, List.of(), 1, dir, "first.json"));
            assertThat(first).doesNotContain("SIMULATED").contains("\"layout\": {\n        \"grid\"");
        }
    }

    @Test
    void limitKeepsTheFirstKeyTimes() {
        Path db = StatsFixtures.twoDevices(dir);
        try (StatsDatabase stats = StatsDatabase.open(db)) {
            List<StatsHistory> h = StatsJsonExporter.histories(stats, List.of("B:VIMIN"), 1);
            assertThat(h).singleElement().satisfies(one -> {
                assertThat(one.epochUTCsec()).containsExactly(StatsFixtures.DAY1);
                assertThat(one.max()).containsExactly(106.0);
            });
        }
    }

    @Test
    void anEmptyDatabaseGivesAnEmptyFigure() throws IOException {
        try (StatsDatabase stats = StatsDatabase.open(dir.resolve("empty.db"))) {
            Path written = StatsJsonExporter.export(stats, List.of(), 0, dir, "e.json");
            assertThat(Files.readString(written)).isEqualTo(golden("StatsHistory-empty-golden.json"));
        }
    }

    @Test
    void numbersAreWrittenAsPythonDoes() {
        assertThat(StatsJsonExporter.pythonRepr(1583798400.0)).isEqualTo("1583798400.0");
        assertThat(StatsJsonExporter.pythonRepr(103.37957)).isEqualTo("103.37957");
        assertThat(StatsJsonExporter.pythonRepr(0.00025)).isEqualTo("0.00025");
        assertThat(StatsJsonExporter.pythonRepr(-12345678.5)).isEqualTo("-12345678.5");
        assertThat(StatsJsonExporter.pythonRepr(2.5e-7)).isEqualTo("2.5E-7");
    }

    @Test
    void theParameterListIsReadAsTheGrabbersReadItPlusDeviceOnlyLines() throws IOException {
        Path params = Files.writeString(dir.resolve("p.txt"), "MLrn B:VIMIN\nMLrn B:VIMAX extra\nB|GMPSSC\n");
        List<ParamList.Problem> skipped = new ArrayList<>();
        assertThat(ParamNames.read(params, skipped::add)).containsExactly("B:VIMIN", "B|GMPSSC");
        assertThat(skipped).extracting(ParamList.Problem::line).containsExactly(2);
        // grab accepts the same list (and skips the same line plus the old-style one)
        assertThat(ParamList.read(params).devices()).extracting(d -> d.device().toString()).containsExactly("B:VIMIN");

        Path none = Files.writeString(dir.resolve("none.txt"), "MLrn B:VIMAX extra\n");
        assertThatThrownBy(() -> ParamNames.read(none, p -> { })).isInstanceOf(DataLoggerException.class)
                .hasMessageContaining("none.txt names no devices").hasMessageContaining("line 1");
        Path latin1 = Files.write(dir.resolve("latin1.txt"), new byte[] {'B', ':', 'V', (byte) 0xC9, '\n'});
        assertThatThrownBy(() -> ParamNames.read(latin1, p -> { })).isInstanceOf(DataLoggerException.class)
                .hasMessageContaining("latin1.txt: is not UTF-8 text");
    }
}
