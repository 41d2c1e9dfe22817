package org.runops.datalogger.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.datalogger.DataFileHeader;
import org.runops.datalogger.DataFiles;
import org.runops.datalogger.StoredSeries;
import org.runops.datalogger.TimeWindow;

/** The distiller over real HDF5 files written by {@link DataFiles} and read back through {@link DataFiles#open}. */
class StatsDistillerHdf5Test {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T14:00:00Z"), ZoneOffset.UTC);
    private static final String NAME = "MLParamData_1583906408.4261804_From_MLrn_2020-03-10+00:00:00_to_2020-03-11+00:00:00.h5";

    @TempDir
    Path dir;

    /** B:VIMIN: 200,000 samples at 15 Hz (more than three read blocks) cycling through 100.5, 101.0, ... 104.0; B|GMPSSC constant. */
    private Path writeDay(Path file) {
        int n = 200_000;
        double[] t = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = 1583816400.0 + i / 15.0;
            v[i] = 100.5 + 0.5 * (i % 8);
        }
        TimeWindow window = new TimeWindow(Instant.parse("2020-03-10T05:00:00Z"), Instant.parse("2020-03-11T05:00:00Z"));
        DataFiles.writeHdf5(file, new DataFileHeader(DataFileHeader.PARAMS, "simulated", window, Instant.parse("2020-03-11T06:00:00Z")),
                List.of(new StoredSeries("B:VIMIN", t, v, Map.of()),
                        new StoredSeries("B|GMPSSC", new double[] {t[0], t[1], t[2]}, new double[] {7, 7, 7}, Map.of())));
        return file;
    }

    private List<DistillOutcome> distill(Path db, Path... files) {
        try (StatsDatabase stats = StatsDatabase.open(db)) {
            return new StatsDistiller(stats, DataFiles::open, CLOCK, DistillLimits.NONE).distill(List.of(files));
        }
    }

    @Test
    void distilsAWrittenFileAndRecordsItsBackend() {
        Path file = writeDay(dir.resolve(NAME));
        Path db = dir.resolve("GMPSAI.db");
        assertThat(distill(db, file)).singleElement().satisfies(o -> assertThat(o.series()).isEqualTo(2));
        try (StatsDatabase stats = StatsDatabase.open(db)) {
            StatsHistory h = stats.history("B:VIMIN", 0);
            assertThat(h.epochUTCsec()).containsExactly(1583798400.0);
            assertThat(h.max()).containsExactly(104.0);
            assertThat(h.min()).containsExactly(100.5);
            assertThat(h.mode()).containsExactly(100.5); // all eight values 25,000 times: the smallest
            // values uniform on 8 levels 0.5 apart: population variance 0.25*(64-1)/12 = 5.25/4, times n/(n-1)
            assertThat(h.std()[0]).isCloseTo(Math.sqrt(5.25 / 4 * 200_000 / 199_999), org.assertj.core.api.Assertions.within(1e-9));
            StatsHistory dt = stats.history("Interval_B:VIMIN", 0);
            assertThat(dt.min()[0]).isCloseTo(1 / 15.0, org.assertj.core.api.Assertions.within(1e-6));
            assertThat(dt.max()[0]).isCloseTo(1 / 15.0, org.assertj.core.api.Assertions.within(1e-6));
            assertThat(stats.distilledFiles()).singleElement().satisfies(f -> {
                assertThat(f.backend()).isEqualTo("simulated");
                assertThat(f.windowStart()).isEqualTo("2020-03-10T05:00:00Z");
                assertThat(f.windowEnd()).isEqualTo("2020-03-11T05:00:00Z");
                assertThat(f.distilledAt()).isEqualTo(CLOCK.instant());
            });
        }
    }

    @Test
    void aTruncatedHdf5FileStoresNothingAndTheNextFileIsDistilled() throws IOException {
        Path cut = writeDay(dir.resolve("MLParamData_2_From_MLrn_2020-03-09+00:00:00_to_2020-03-10+00:00:00.h5"));
        byte[] all = Files.readAllBytes(cut);
        Files.write(cut, Arrays.copyOf(all, all.length * 2 / 3));
        Path good = writeDay(dir.resolve(NAME));
        Path db = dir.resolve("GMPSAI.db");

        List<DistillOutcome> outcomes = distill(db, cut, good);
        assertThat(outcomes.get(0).ok()).isFalse();
        assertThat(outcomes.get(0).problem().orElseThrow()).contains(cut.getFileName().toString());
        assertThat(outcomes.get(1).ok()).isTrue();
        try (StatsDatabase stats = StatsDatabase.open(db)) {
            assertThat(stats.distilledFiles()).extracting(DistilledFile::file).containsExactly(NAME);
            assertThat(stats.history("B:VIMIN", 0).epochUTCsec()).containsExactly(1583798400.0);
        }
    }
}
