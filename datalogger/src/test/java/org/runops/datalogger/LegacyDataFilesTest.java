package org.runops.datalogger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.runops.datalogger.DataFilesTest.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The original scripts' files, written by real pandas + PyTables, read back through {@link DataFiles#open}. */
class LegacyDataFilesTest {
    private static final double T0 = 1583816400.048;
    private static final int N = 150_000; // more than two blocks, written in three appends

    @TempDir
    static Path dir;

    @BeforeAll
    static void writeFixtures() throws IOException, InterruptedException {
        PandasFixtures.run(dir, """
                import warnings
                import numpy as np, pandas as pd
                warnings.simplefilter('ignore')
                T0, N = 1583816400.048, 150000
                i = np.arange(N)
                t = T0 + i / 15.0
                # ParamDataGrabber since 2019-07: one key per device, appended
                for part in np.array_split(i, 3):
                    pd.DataFrame({'utc_seconds': t[part], 'value': 100.0 + part * 0.5}).to_hdf('MLParamData_1583906408.4261804_From_MLrn_2020-03-10+00:00:00_to_2020-03-11+00:00:00.h5', key='B:VIMIN', append=True)
                pd.DataFrame({'utc_seconds': t[:5], 'value': np.array([3, 3, 7, -1, 2**40], dtype='int64')}).to_hdf('MLParamData_1583906408.4261804_From_MLrn_2020-03-10+00:00:00_to_2020-03-11+00:00:00.h5', key='B|GMPSSC', append=True)
                # 2019-05 style: one wide frame under key x, NaN where a device had fewer samples
                wide = pd.concat([pd.DataFrame({'utc_secondsB:VIMIN': t[:4], 'B:VIMIN': [1.0, 2.0, 3.0, 4.0]}),
                                  pd.DataFrame({'utc_secondsB:VIMAX': t[:2], 'B:VIMAX': [9.0, 8.0]})], axis=1)
                wide.to_hdf('MLData_1559520000.0_From_MLrn_2019-06-02+00:00:00_to_2019-06-03+00:00:00.h5', key='x', append=True)
                # ParameterDataReformatter output: per-device key, old column names
                pd.DataFrame({'utc_secondsB:VIMIN': t[:3], 'B:VIMIN': [5.0, 6.0, 7.0]}).to_hdf('reformatted.h5', key='B:VIMIN', append=True)
                # data nanny: DRF keys, integer microseconds
                store = pd.HDFStore('20200101T000000PT1H-1_0_0.h5')
                store.append(key='B:VIMIN@p,66,true', value=pd.DataFrame({'Timestamps': np.array([1577836800000000, 1577836800066000], dtype='int64'), 'Data': [103.5, 103.25]}))
                store.append(key='L:D7TOR.BIT_VALUE@p,1000,true', value=pd.DataFrame({'Timestamps': np.array([1577836801000000], dtype='int64'), 'Data': [1.0]}))
                store.close()
                # EventDataGrabber: SCmicrosec (seconds), datetime text, epoch
                pd.DataFrame({'SCmicrosec': [0.616390, 0.682963], 'datetime': ['27-JUN-2019 00:00:00.062', '27-JUN-2019 00:00:00.128'],
                              'epoch': [1561593600.062, 1561593600.128]}).to_hdf('MLEventData_1561738277.7050312_From_EventC_2019-06-27+00:00:00_to_2019-06-28+00:00:00.h5', key='Event0c', append=True)
                # foreign: pandas "fixed" format, no table
                pd.DataFrame({'a': [1, 2]}).to_hdf('fixed.h5', key='a')
                """);
    }

    private static Path file(String prefix) throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        }
    }

    @Test
    void paramDataFileOneKeyPerDeviceStreamsEveryRowInBlocks() throws IOException {
        try (DataFileReader r = DataFiles.open(file("MLParamData_"))) {
            assertThat(r.keys()).containsExactlyInAnyOrder("B:VIMIN", "B|GMPSSC");
            assertThat(r.attributes()).isEmpty();
            DataFilesTest.Scanned s = scan(r, "B:VIMIN");
            assertThat(s.times()).hasSize(N);
            assertThat(s.largestBlock()).isLessThanOrEqualTo(DataFiles.BLOCK_SIZE);
            for (int i : new int[] {0, 1, DataFiles.BLOCK_SIZE, 99_999, N - 1}) {
                assertThat(s.times()[i]).isEqualTo(T0 + i / 15.0);
                assertThat(s.values()[i]).isEqualTo(100.0 + i * 0.5);
            }
            assertThat(scan(r, "B|GMPSSC").values()).containsExactly(3, 3, 7, -1, 1L << 40);
        }
    }

    @Test
    void wide2019FileGivesOneSeriesPerDeviceAndDropsThePadding() throws IOException {
        try (DataFileReader r = DataFiles.open(file("MLData_"))) {
            assertThat(r.keys()).containsExactly("B:VIMIN", "B:VIMAX");
            assertThat(scan(r, "B:VIMIN").values()).containsExactly(1, 2, 3, 4);
            DataFilesTest.Scanned vimax = scan(r, "B:VIMAX");
            assertThat(vimax.values()).containsExactly(9, 8);
            assertThat(vimax.times()).containsExactly(T0, T0 + 1 / 15.0);
        }
        try (DataFileReader r = DataFiles.open(file("reformatted"))) {
            assertThat(r.keys()).containsExactly("B:VIMIN");
            assertThat(scan(r, "B:VIMIN").values()).containsExactly(5, 6, 7);
        }
    }

    @Test
    void nannyFileTimestampsAreMicroseconds() throws IOException {
        try (DataFileReader r = DataFiles.open(file("20200101T000000PT1H"))) {
            assertThat(r.keys()).containsExactlyInAnyOrder("B:VIMIN@p,66,true", "L:D7TOR.BIT_VALUE@p,1000,true");
            DataFilesTest.Scanned s = scan(r, "B:VIMIN@p,66,true");
            assertThat(s.times()).containsExactly(1577836800.0, 1577836800.066);
            assertThat(s.values()).containsExactly(103.5, 103.25);
        }
    }

    @Test
    void eventFileUsesEpochAsTimeAndSecondsIntoSupercycleAsValue() throws IOException {
        try (DataFileReader r = DataFiles.open(file("MLEventData_"))) {
            assertThat(r.keys()).containsExactly("Event0c");
            DataFilesTest.Scanned s = scan(r, "Event0c");
            assertThat(s.times()).containsExactly(1561593600.062, 1561593600.128);
            assertThat(s.values()).containsExactly(0.616390, 0.682963);
        }
    }

    @Test
    void pandasFixedFormatIsForeign() throws IOException {
        Path fixed = file("fixed");
        assertThatThrownBy(() -> DataFiles.open(fixed)).isInstanceOf(DataLoggerException.class)
                .hasMessageContaining(fixed.toString()).hasMessageContaining("foreign HDF5 file").hasMessageContaining("/a");
    }

    @Test
    void aPandasFileCutInHalfIsNamedAsTruncated() throws IOException {
        byte[] all = Files.readAllBytes(file("MLParamData_"));
        Path cut = dir.resolve("cut_in_half.h5");
        Files.write(cut, Arrays.copyOf(all, all.length / 2));
        assertThatThrownBy(() -> DataFiles.open(cut)).isInstanceOf(DataLoggerException.class)
                .hasMessageContaining(cut.toString()).hasMessageContaining("truncated");
    }
}
