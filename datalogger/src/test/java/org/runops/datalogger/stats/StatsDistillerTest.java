package org.runops.datalogger.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.datalogger.DataFileReader;

class StatsDistillerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T14:00:00Z"), ZoneOffset.UTC);
    // 2020-03-10+00:00:00 read as UTC, as the original did
    private static final double KEY = 1583798400.0;

    @TempDir
    Path dir;

    private final Map<Path, InMemoryDataFile> files = new HashMap<>();

    private InMemoryDataFile file(String name) {
        Path p = dir.resolve(name);
        InMemoryDataFile f = new InMemoryDataFile(p);
        files.put(p, f);
        return f;
    }

    private DataFileReader open(Path p) {
        return files.get(p);
    }

    private static List<String> rows(Path db, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static final String ALL_STATS = "SELECT epochUTCsec, paramname, statname, statval FROM ACNETparameterStats"
            + " ORDER BY epochUTCsec, paramname, statname";

    private void twoGoodFiles() {
        file("MLParamData_1583906408.4261804_From_MLrn_2020-03-10+00:00:00_to_2020-03-11+00:00:00.h5")
                .attribute("backend", "simulated").attribute("window_start", "2020-03-10T05:00:00Z").attribute("window_end", "2020-03-11T05:00:00Z")
                .series("B:VIMIN", new double[] {10, 10.5, 11, 12}, new double[] {103, 104, 104, 101})
                .series("B|GMPSSC", new double[] {10, 11}, new double[] {7, 7});
        file("MLParamData_1583992808.0_From_MLrn_2020-03-11+00:00:00_to_2020-03-12+00:00:00.h5")
                .series("B:VIMIN", new double[] {20, 21, 22}, new double[] {1, 2, 2});
    }

    private List<DistillOutcome> distill(Path db, DistillLimits limits, String... names) {
        return distill(db, CLOCK, limits, names);
    }

    private List<DistillOutcome> distill(Path db, Clock clock, DistillLimits limits, String... names) {
        try (StatsDatabase stats = StatsDatabase.open(db)) {
            return new StatsDistiller(stats, this::open, clock, limits)
                    .distill(java.util.Arrays.stream(names).map(dir::resolve).toList());
        }
    }

    private static final String DAY1 = "MLParamData_1583906408.4261804_From_MLrn_2020-03-10+00:00:00_to_2020-03-11+00:00:00.h5";
    private static final String DAY2 = "MLParamData_1583992808.0_From_MLrn_2020-03-11+00:00:00_to_2020-03-12+00:00:00.h5";

    @Test
    void storesValueAndIntervalStatisticsUnderTheFileKeyTime() throws SQLException {
        twoGoodFiles();
        Path db = dir.resolve("GMPSAI.db");
        List<DistillOutcome> outcomes = distill(db, DistillLimits.NONE, DAY1, DAY2);
        assertThat(outcomes).allMatch(DistillOutcome::ok).extracting(DistillOutcome::series).containsExactly(2, 1);
        assertThat(files.values()).allMatch(f -> f.closed);

        // 12 significant digits: the one-pass std may differ from the two-pass one in the last bits
        String day1 = "SELECT paramname, statname, iif(statval IS NULL, 'null', printf('%.12g', statval)) FROM ACNETparameterStats WHERE epochUTCsec = " + KEY
                + " ORDER BY paramname, statname";
        assertThat(rows(db, day1)).containsExactly(
                "B:VIMIN|count|4", "B:VIMIN|max|104", "B:VIMIN|mean|103", "B:VIMIN|min|101",
                "B:VIMIN|mode|104", "B:VIMIN|std|1.41421356237",
                "B|GMPSSC|count|2", "B|GMPSSC|max|7", "B|GMPSSC|mean|7", "B|GMPSSC|min|7",
                "B|GMPSSC|mode|7", "B|GMPSSC|std|0",
                "Interval_B:VIMIN|count|3", "Interval_B:VIMIN|max|1", "Interval_B:VIMIN|mean|0.666666666667",
                "Interval_B:VIMIN|min|0.5", "Interval_B:VIMIN|mode|0.5", "Interval_B:VIMIN|std|0.288675134595",
                // one interval: no sample std, stored as NULL like the original's NaN
                "Interval_B|GMPSSC|count|1", "Interval_B|GMPSSC|max|1", "Interval_B|GMPSSC|mean|1",
                "Interval_B|GMPSSC|min|1", "Interval_B|GMPSSC|mode|1", "Interval_B|GMPSSC|std|null");
        assertThat(rows(db, "SELECT DISTINCT epochUTCsec FROM ACNETparameterStats ORDER BY 1"))
                .containsExactly("1583798400.0", "1583884800.0");
        assertThat(rows(db, "SELECT file, epochUTCsec, backend, window_start, window_end, distilled_at, series"
                + " FROM runops_distilled_files ORDER BY file")).containsExactly(
                DAY1 + "|1583798400.0|simulated|2020-03-10T05:00:00Z|2020-03-11T05:00:00Z|2026-12-03T14:00:00Z|2",
                DAY2 + "|1583884800.0|unknown|null|null|2026-12-03T14:00:00Z|1");
    }

    @Test
    void aTruncatedFileIsNamedAndStoresNothingWhileTheOthersGoOn() throws SQLException {
        twoGoodFiles();
        file("MLParamData_1_From_MLrn_2020-03-12+00:00:00_to_2020-03-13+00:00:00.h5")
                .series("B:VIMIN", new double[] {1, 2, 3}, new double[] {1, 2, 3})
                .series("B:VIMAX", new double[] {1, 2, 3}, new double[] {1, 2, 3})
                .damaged("B:VIMAX");
        Path db = dir.resolve("GMPSAI.db");
        List<DistillOutcome> outcomes = distill(db, DistillLimits.NONE,
                DAY1, "MLParamData_1_From_MLrn_2020-03-12+00:00:00_to_2020-03-13+00:00:00.h5", DAY2);

        assertThat(outcomes).extracting(DistillOutcome::ok).containsExactly(true, false, true);
        assertThat(outcomes.get(1).problem()).hasValueSatisfying(p -> assertThat(p)
                .contains("MLParamData_1_From_MLrn_2020-03-12+00:00:00_to_2020-03-13+00:00:00.h5")
                .contains("series B:VIMAX ends at sample 2"));
        // B:VIMIN of the damaged file was read fine, yet nothing of that file is stored
        assertThat(rows(db, "SELECT count(*) FROM ACNETparameterStats WHERE epochUTCsec = 1583971200")).containsExactly("0");
        assertThat(rows(db, "SELECT file FROM runops_distilled_files ORDER BY file")).containsExactly(DAY1, DAY2);
        assertThat(rows(db, "SELECT count(*) FROM ACNETparameterStats")).containsExactly(String.valueOf(6 * (4 + 2)));
    }

    @Test
    void twoRunsOverTheSameFilesLeaveTheSameRows() throws SQLException {
        twoGoodFiles();
        Path db = dir.resolve("GMPSAI.db");
        distill(db, DistillLimits.NONE, DAY1, DAY2);
        List<String> first = rows(db, ALL_STATS);
        List<String> firstFiles = rows(db, "SELECT * FROM runops_distilled_files ORDER BY file");
        distill(db, Clock.offset(CLOCK, java.time.Duration.ofHours(1)), DistillLimits.NONE, DAY2, DAY1);
        assertThat(rows(db, ALL_STATS)).hasSize(36).isEqualTo(first);
        // distilled_at stays the first run's
        assertThat(rows(db, "SELECT * FROM runops_distilled_files ORDER BY file")).isEqualTo(firstFiles);
    }

    @Test
    void aRedistillThatChangesTheStatisticsRecordsTheNewTime() throws SQLException {
        twoGoodFiles();
        Path db = dir.resolve("GMPSAI.db");
        distill(db, DistillLimits.NONE, DAY2);
        files.get(dir.resolve(DAY2)).series("B:VIMIN", new double[] {20, 21, 22}, new double[] {1, 2, 3});
        distill(db, Clock.offset(CLOCK, java.time.Duration.ofHours(1)), DistillLimits.NONE, DAY2);
        assertThat(rows(db, "SELECT distilled_at FROM runops_distilled_files")).containsExactly("2026-12-03T15:00:00Z");
        assertThat(rows(db, "SELECT statval FROM ACNETparameterStats WHERE paramname = 'B:VIMIN' AND statname = 'max'"))
                .containsExactly("3.0");
    }

    @Test
    void simulatedAndRealStatisticsNeverShareAKeyTime() throws SQLException {
        twoGoodFiles(); // DAY1 simulated, DAY2 of the original scripts (not simulated)
        String simulatedDay2 = "MLParamData_1583992808.0_From_MLrn_2020-03-11+00:00:00_to_2020-03-12+00:00:00_SIMULATED.h5";
        file(simulatedDay2).attribute("backend", "simulated").series("B:VIMIN", new double[] {20, 21}, new double[] {50, 60});
        String realDay1 = "MLParamData_1583906409.0_From_MLrn_2020-03-10+00:00:00_to_2020-03-11+00:00:00.h5";
        file(realDay1).attribute("backend", "acl").series("B:VIMIN", new double[] {20, 21}, new double[] {50, 60});
        Path db = dir.resolve("GMPSAI.db");
        distill(db, DistillLimits.NONE, DAY1, DAY2);
        List<String> before = rows(db, ALL_STATS);

        List<DistillOutcome> outcomes = distill(db, DistillLimits.NONE, simulatedDay2, realDay1);
        assertThat(outcomes).extracting(DistillOutcome::ok).containsExactly(false, false);
        assertThat(outcomes.get(0).problem()).hasValueSatisfying(p -> assertThat(p).contains(simulatedDay2).contains(DAY2)
                .contains("2020-03-11+00:00:00"));
        assertThat(outcomes.get(1).problem()).hasValueSatisfying(p -> assertThat(p).contains(realDay1).contains(DAY1));
        assertThat(rows(db, ALL_STATS)).isEqualTo(before);
        assertThat(rows(db, "SELECT file FROM runops_distilled_files ORDER BY file")).containsExactly(DAY1, DAY2);
    }

    @Test
    void aFailedRedistillKeepsTheRowsOfTheEarlierRun() throws SQLException {
        twoGoodFiles();
        Path db = dir.resolve("GMPSAI.db");
        distill(db, DistillLimits.NONE, DAY1);
        List<String> before = rows(db, ALL_STATS);
        files.get(dir.resolve(DAY1)).damaged("B|GMPSSC").series("B|GMPSSC", new double[] {1, 2, 3}, new double[] {0, 0, 0});
        assertThat(distill(db, DistillLimits.NONE, DAY1)).extracting(DistillOutcome::ok).containsExactly(false);
        assertThat(rows(db, ALL_STATS)).isEqualTo(before);
    }

    @Test
    void aFileNameWithoutWindowTimeIsRefusedByName() throws SQLException {
        file("notes.h5").series("B:VIMIN", new double[] {1}, new double[] {1});
        Path db = dir.resolve("GMPSAI.db");
        List<DistillOutcome> outcomes = distill(db, DistillLimits.NONE, "notes.h5");
        assertThat(outcomes.get(0).problem()).hasValueSatisfying(p -> assertThat(p).contains("notes.h5").contains("yyyy-MM-dd+HH:mm:ss"));
        assertThat(rows(db, "SELECT count(*) FROM ACNETparameterStats")).containsExactly("0");
    }

    @Test
    void aDeviceWithoutSamplesGetsNoRowsAsInTheOriginalFiles() throws SQLException {
        file(DAY1).series("A:ONE", new double[] {1, 2}, new double[] {5, 6}).series("A:NONE", new double[0], new double[0]);
        Path db = dir.resolve("GMPSAI.db");
        assertThat(distill(db, DistillLimits.NONE, DAY1)).extracting(DistillOutcome::ok).containsExactly(true);
        assertThat(rows(db, "SELECT DISTINCT paramname FROM ACNETparameterStats ORDER BY 1")).containsExactly("A:ONE", "Interval_A:ONE");
    }

    @Test
    void aDataNannyChunkIsFiledUnderItsUtcStartAsFermilabLocalTime() throws SQLException {
        // 2020-03-10T05:00:00Z is Chicago midnight (CDT): the same key as a grab file of that local day
        assertThat(FileKeyTime.epochKey(Path.of("202003/10/20200310T050000PT1H-1_0_0.h5"))).isEqualTo(KEY);
        file("20200310T050000PT1H-1_0_0.h5").series("B:VIMIN@p,66,true", new double[] {1, 2}, new double[] {5, 6});
        Path db = dir.resolve("GMPSAI.db");
        assertThat(distill(db, DistillLimits.NONE, "20200310T050000PT1H-1_0_0.h5")).extracting(DistillOutcome::ok).containsExactly(true);
        assertThat(rows(db, "SELECT DISTINCT epochUTCsec FROM ACNETparameterStats")).containsExactly("1583798400.0");
    }

    @Test
    void quickLimitsSeriesAndRows() throws SQLException {
        file(DAY1).series("A:ONE", new double[] {1, 2, 3, 4}, new double[] {1, 2, 3, 400})
                .series("A:TWO", new double[] {1, 2}, new double[] {5, 6})
                .series("A:THREE", new double[] {1, 2}, new double[] {5, 6});
        Path db = dir.resolve("GMPSAI.db");
        assertThat(distill(db, new DistillLimits(2, 3), DAY1)).extracting(DistillOutcome::series).containsExactly(2);
        assertThat(rows(db, "SELECT DISTINCT paramname FROM ACNETparameterStats ORDER BY 1"))
                .containsExactly("A:ONE", "A:TWO", "Interval_A:ONE", "Interval_A:TWO");
        assertThat(rows(db, "SELECT statval FROM ACNETparameterStats WHERE paramname = 'A:ONE' AND statname IN ('max', 'count')"
                + " ORDER BY statname")).containsExactly("3.0", "3.0");
    }

    @Test
    void keyTimeIsTheLocalWindowStartReadAsUtc() {
        assertThat(FileKeyTime.epochKey(Path.of("x", DAY1))).isEqualTo(KEY);
        // and back: the key of a Chicago local midnight is 05:00Z (CDT) on that day
        assertThat(FileKeyTime.trueStart(KEY, java.time.ZoneId.of("America/Chicago")))
                .isEqualTo(Instant.parse("2020-03-10T05:00:00Z"));
        assertThat(FileKeyTime.trueStart(FileKeyTime.epochKey(Path.of("MLParamData_1_From_MLrn_2020-03-08+00:00:00_to_x.h5")),
                java.time.ZoneId.of("America/Chicago"))).isEqualTo(Instant.parse("2020-03-08T06:00:00Z"));
    }
}
