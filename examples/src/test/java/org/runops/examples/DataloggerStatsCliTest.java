package org.runops.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.runops.examples.Launcher.runops;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.datalogger.DataFileHeader;
import org.runops.datalogger.DataFiles;
import org.runops.datalogger.StoredSeries;
import org.runops.datalogger.TimeWindow;
import org.runops.examples.Launcher.Run;

/** {@code runops datalogger distill|export-json|export-html|plot} on real written HDF5 files and temporary SQLite databases. */
class DataloggerStatsCliTest {
    @TempDir
    Path tmp;

    private Path day(String date, double offset) {
        Instant start = Instant.parse(date + "T06:00:00Z");
        double[] t = new double[300];
        double[] v = new double[300];
        for (int i = 0; i < t.length; i++) {
            t[i] = start.getEpochSecond() + i / 15.0;
            v[i] = offset + (i % 3);
        }
        Path file = tmp.resolve("MLParamData_1_From_MLrn_" + date + "+00:00:00_to_x.h5");
        DataFiles.writeHdf5(file, new DataFileHeader(DataFileHeader.PARAMS, "simulated",
                new TimeWindow(start, start.plusSeconds(86400)), start.plusSeconds(90000)),
                List.of(new StoredSeries("B:VIMIN", t, v, Map.of()), new StoredSeries("B:VIMAX", t, v, Map.of()),
                        new StoredSeries("I:IB", t, v, Map.of())));
        return file;
    }

    private static List<String> rows(Path db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            List<String> rows = new java.util.ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4));
            }
            return rows;
        }
    }

    @Test
    void distillStoresTheGoodFilesReportsTheBadOneAndIsRepeatable() throws IOException, SQLException {
        Path one = day("2020-03-08", 100);
        Path two = day("2020-03-09", 200);
        Path cut = day("2020-03-10", 300);
        byte[] all = Files.readAllBytes(cut);
        Files.write(cut, Arrays.copyOf(all, all.length / 2));
        Path db = tmp.resolve("stats.db");

        Run r = runops("datalogger", "distill", "--db", db.toString(), one.toString(), cut.toString(), two.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).contains("stored  " + one + " (3 series)", "stored  " + two + " (3 series)");
        assertThat(r.err()).contains("FAILED", cut.getFileName().toString());
        String all6 = "SELECT epochUTCsec, paramname, statname, statval FROM ACNETparameterStats ORDER BY 1, 2, 3";
        List<String> first = rows(db, all6);
        assertThat(first).hasSize(2 * 6 * 6).noneMatch(row -> row.startsWith("1583798400"));

        Run again = runops("datalogger", "distill", "-v", "--db", db.toString(), two.toString(), one.toString()); // -v after the subcommand
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(rows(db, all6)).isEqualTo(first);
    }

    @Test
    void quickDistilLooksAtTwoSeriesOnly() throws SQLException {
        Path db = tmp.resolve("quick.db");
        Run r = runops("datalogger", "distill", "-q", "--maxrows", "10", "--db", db.toString(), day("2020-03-08", 1).toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(rows(db, "SELECT paramname, statname, statval, 0 FROM ACNETparameterStats WHERE statname = 'count' ORDER BY 1"))
                .containsExactly("B:VIMAX|count|10.0|0", "B:VIMIN|count|10.0|0", "Interval_B:VIMAX|count|9.0|0", "Interval_B:VIMIN|count|9.0|0");
    }

    @Test
    void exportsJsonHtmlAndPngFromTheDatabase() throws IOException {
        Path db = tmp.resolve("GMPSAI.db");
        assertThat(runops("datalogger", "distill", "--db", db.toString(), day("2020-03-08", 100).toString(),
                day("2020-03-09", 200).toString()).exitCode()).isZero();
        Path params = Files.writeString(tmp.resolve("ParamList.txt"), "MLrn B:VIMIN \nMLrn I:IB\nMLrn B:VIMAX extra\n");
        Path site = Files.createDirectory(tmp.resolve("site"));

        Run json = runops("datalogger", "export-json", "--dbpath", db.toString(), "-p", params.toString(), "--outdir", site.toString());
        assertThat(json.exitCode()).as(json.err()).isZero();
        String figure = Files.readString(site.resolve("StatsHistoryBoringHolyMoly.json"));
        assertThat(figure).contains("\"name\": \"B:VIMIN max\"", "\"name\": \"I:IB min\"", "\"xaxis2\": {", "\"height\": 400")
                .doesNotContain("B:VIMAX");
        assertThat(json.err()).contains("skipped " + params + " line 3: \"MLrn B:VIMAX extra\"");

        Run quick = runops("datalogger", "export-json", "--dbpath", db.toString(), "-q", "--maxparams", "1", "--maxrows", "1",
                "--outdir", site.toString(), "-o", "quick.json");
        assertThat(quick.exitCode()).as(quick.err()).isZero();
        assertThat(Files.readString(site.resolve("quick.json"))).contains("\"B:VIMAX max\"").doesNotContain("B:VIMIN")
                .contains("\"x\": [\n                1583625600.0\n            ]");

        Path html = tmp.resolve("stats.html");
        Run page = runops("datalogger", "export-html", "--db", db.toString(), "-o", html.toString());
        assertThat(page.exitCode()).as(page.err()).isZero();
        assertThat(Files.readString(html)).contains("uPlot", "\"name\":\"B:VIMAX\"", "\"name\":\"I:IB\"");

        Path png = tmp.resolve("stats.png");
        Run plot = runops("datalogger", "plot", "--db", db.toString(), "-p", params.toString(), "-o", png.toString());
        assertThat(plot.exitCode()).as(plot.err()).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(900);
        assertThat(image.getHeight()).isEqualTo(2 * 240); // one panel per device of the list
    }

    @Test
    void exportsRefuseAMissingDatabaseByName() {
        Path missing = tmp.resolve("nowhere.db");
        for (String[] args : List.of(
                new String[] {"datalogger", "export-json", "--dbpath", missing.toString(), "--outdir", tmp.toString()},
                new String[] {"datalogger", "export-html", "--db", missing.toString(), "-o", tmp.resolve("x.html").toString()},
                new String[] {"datalogger", "plot", "--db", missing.toString(), "-o", tmp.resolve("x.png").toString()})) {
            Run r = runops(args);
            assertThat(r.exitCode()).as(args[1]).isEqualTo(2);
            assertThat(r.err()).contains("nowhere.db");
        }
        assertThat(missing).doesNotExist();
    }
}
