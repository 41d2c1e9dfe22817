package org.runops.datalogger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFilesTest {
    private static final TimeWindow WINDOW = new TimeWindow(Instant.parse("2020-03-10T05:00:00Z"), Instant.parse("2020-03-11T05:00:00Z"));
    private static final DataFileHeader HEADER = new DataFileHeader(DataFileHeader.PARAMS, "simulated", WINDOW, Instant.parse("2020-03-11T06:00:00Z"));

    @TempDir
    Path dir;

    /** Everything a scan delivered, and the largest block it came in. */
    record Scanned(double[] times, double[] values, int largestBlock, int blocks) {}

    static Scanned scan(DataFileReader reader, String key) {
        double[][] acc = {new double[0], new double[0]};
        int[] largest = {0, 0};
        reader.scan(key, (t, v, n) -> {
            int old = acc[0].length;
            acc[0] = Arrays.copyOf(acc[0], old + n);
            acc[1] = Arrays.copyOf(acc[1], old + n);
            System.arraycopy(t, 0, acc[0], old, n);
            System.arraycopy(v, 0, acc[1], old, n);
            largest[0] = Math.max(largest[0], n);
            largest[1]++;
        });
        return new Scanned(acc[0], acc[1], largest[0], largest[1]);
    }

    private static List<StoredSeries> sampleSeries() {
        int n = DataFiles.BLOCK_SIZE * 2 + 123; // crosses two block boundaries
        double[] t = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = 1583816400.048 + i / 15.0;
            v[i] = 103.4 + Math.sin(i / 100.0);
        }
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put(DataFiles.ATTR_NODE, "MLrn");
        attrs.put(DataFiles.ATTR_UNITS, "V");
        attrs.put(DataFiles.ATTR_STATUS, "OK");
        return List.of(
                new StoredSeries("B:VIMIN", t, v, attrs),
                new StoredSeries("B|GMPSSC", new double[] {1583816400.1, 1583816401.1}, new double[] {7, 2147483647}, Map.of(DataFiles.ATTR_NODE, "MLrn")),
                new StoredSeries("B:VIMIN@p,66,true", new double[] {1583816400.5}, new double[] {Double.NaN}, Map.of()),
                new StoredSeries("B:IMINER", new double[0], new double[0], Map.of(DataFiles.ATTR_STATUS, "EMPTY (No values)")));
    }

    private void assertRoundTrip(Path file) {
        List<StoredSeries> written = sampleSeries();
        try (DataFileReader r = DataFiles.open(file)) {
            assertThat(r.path()).isEqualTo(file);
            assertThat(r.keys()).containsExactly("B:VIMIN", "B|GMPSSC", "B:VIMIN@p,66,true", "B:IMINER");
            assertThat(r.attributes()).containsEntry("format", DataFiles.FORMAT).containsEntry("kind", "params")
                    .containsEntry("backend", "simulated").containsEntry("window_start", "2020-03-10T05:00:00Z")
                    .containsEntry("window_end", "2020-03-11T05:00:00Z").containsEntry("created", "2020-03-11T06:00:00Z");
            assertThat(r.keyAttributes("B:VIMIN")).containsEntry("node", "MLrn").containsEntry("units", "V")
                    .containsEntry("status", "OK").containsEntry("samples", Integer.toString(written.get(0).size()));
            assertThat(r.keyAttributes("B:IMINER")).containsEntry("status", "EMPTY (No values)").containsEntry("samples", "0");
            for (StoredSeries s : written) {
                Scanned got = scan(r, s.key());
                assertThat(got.times()).as(s.key()).containsExactly(s.utcSeconds());
                assertThat(got.values()).as(s.key()).containsExactly(s.values());
                assertThat(got.largestBlock()).isLessThanOrEqualTo(DataFiles.BLOCK_SIZE);
            }
            assertThat(scan(r, "B:VIMIN").blocks()).isEqualTo(3);
            assertThatThrownBy(() -> r.scan("B:NOPE", (t, v, n) -> {})).isInstanceOf(DataLoggerException.class)
                    .hasMessageContaining("B:NOPE").hasMessageContaining(file.toString());
        }
    }

    @Test
    void hdf5RoundTripKeepsKeysAttributesAndEverySampleInBlocks() {
        Path file = dir.resolve("MLParamData_x.h5");
        DataFiles.writeHdf5(file, HEADER, sampleSeries());
        assertRoundTrip(file);
    }

    @Test
    void hdf5GroupsHaveEscapedNamesAndTheRealKeyInAnAttribute() {
        Path file = dir.resolve("escaped.h5");
        DataFiles.writeHdf5(file, HEADER, sampleSeries());
        try (HdfFile hdf = new HdfFile(file)) {
            assertThat(hdf.getChildren().keySet()).containsExactlyInAnyOrder("B%3AVIMIN", "B%7CGMPSSC", "B%3AVIMIN%40p%2C66%2Ctrue", "B%3AIMINER");
            assertThat(hdf.getByPath("/B%3AVIMIN").getAttribute("name").getData()).isEqualTo("B:VIMIN");
            assertThat(hdf.getDatasetByPath("/B%3AVIMIN/utc_seconds").getJavaType()).isEqualTo(double.class);
            assertThat(hdf.getDatasetByPath("/B%7CGMPSSC/value").getData()).isEqualTo(new double[] {7, 2147483647});
            assertThat(hdf.getAttribute("backend").getData()).isEqualTo("simulated");
            assertThat((String[]) hdf.getAttribute("keys").getData()).containsExactly("B:VIMIN", "B|GMPSSC", "B:VIMIN@p,66,true", "B:IMINER");
        }
        assertThat(DataFiles.groupName("Event0c")).isEqualTo("Event0c");
        assertThat(DataFiles.groupName("Z:ÄB")).isEqualTo("Z%3A%C3%84B");
    }

    @Test
    void csvRoundTripKeepsKeysAttributesAndEverySample() throws IOException {
        Path file = dir.resolve("MLParamData_x.csv");
        DataFiles.writeCsv(file, HEADER, sampleSeries());
        assertRoundTrip(file);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).contains("# backend=simulated", "# series B:VIMIN node=MLrn", "key,utc_seconds,value",
                "B:VIMIN,1583816400.048,103.4", "B|GMPSSC,1583816400.1,7.0", "\"B:VIMIN@p,66,true\",1583816400.5,");
    }

    @Test
    void csvWithoutAttributeLinesFindsItsKeysInOnePass() throws IOException {
        Path file = dir.resolve("hand.csv");
        Files.writeString(file, "key,utc_seconds,value\nB:VIMIN,1.5,2\nB:VIMAX,1.5,3\nB:VIMIN,2.5,4\n");
        try (DataFileReader r = DataFiles.open(file)) {
            assertThat(r.keys()).containsExactly("B:VIMIN", "B:VIMAX");
            assertThat(r.attributes()).isEmpty();
            assertThat(scan(r, "B:VIMIN").values()).containsExactly(2, 4);
        }
    }

    @Test
    void csvWithABadNumberNamesFileAndLine() throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "key,utc_seconds,value\nB:VIMIN,1.5,2\nB:VIMIN,2.5,abc\n");
        try (DataFileReader r = DataFiles.open(file)) {
            assertThatThrownBy(() -> scan(r, "B:VIMIN")).isInstanceOf(DataLoggerException.class)
                    .hasMessageContaining(file + ":3").hasMessageContaining("abc");
        }
    }

    @Test
    void writesAreAtomicAndLeaveNoTemporaryFiles() throws IOException {
        Path file = dir.resolve("out").resolve("f.h5");
        DataFiles.writeHdf5(file, HEADER, sampleSeries());
        DataFiles.writeHdf5(file, HEADER, sampleSeries().subList(1, 2)); // replaces the first
        try (DataFileReader r = DataFiles.open(file); Stream<Path> files = Files.list(file.getParent())) {
            assertThat(r.keys()).containsExactly("B|GMPSSC");
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aTruncatedHdf5FileIsNamedAsTruncated() throws IOException {
        Path file = dir.resolve("cut.h5");
        DataFiles.writeHdf5(file, HEADER, sampleSeries());
        byte[] all = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(all, all.length / 2));
        assertThatThrownBy(() -> DataFiles.open(file)).isInstanceOf(DataLoggerException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("truncated");
        Files.write(file, Arrays.copyOf(all, 10));
        assertThatThrownBy(() -> DataFiles.open(file)).isInstanceOf(DataLoggerException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("truncated");
    }

    @Test
    void aForeignHdf5FileIsRefusedWithWhatItHolds() {
        Path file = dir.resolve("foreign.h5");
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            hdf.putGroup("detector").putDataset("adc_counts", new int[] {1, 2, 3});
            hdf.putDataset("temperature", new double[] {20.5});
        }
        assertThatThrownBy(() -> DataFiles.open(file)).isInstanceOf(DataLoggerException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("foreign HDF5 file")
                .hasMessageContaining("/detector").hasMessageContaining("temperature");
    }

    @Test
    void otherFilesAreRefusedNamingTheFile() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.h5"), "hello, not a data file");
        assertThatThrownBy(() -> DataFiles.open(text)).isInstanceOf(DataLoggerException.class)
                .hasMessageContaining(text.toString()).hasMessageContaining("not a DataLogger data file");
        Path empty = Files.createFile(dir.resolve("empty.h5"));
        assertThatThrownBy(() -> DataFiles.open(empty)).isInstanceOf(DataLoggerException.class).hasMessageContaining("empty");
        Path missing = dir.resolve("missing.h5");
        assertThatThrownBy(() -> DataFiles.open(missing)).isInstanceOf(DataLoggerException.class).hasMessageContaining(missing.toString());
    }
}
