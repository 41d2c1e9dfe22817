package org.runops.datalogger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HDF5 files runops writes (jhdf) read back by the HDF5 C library through real PyTables, as Python users will read them. */
class PyTablesReadsRunopsFilesTest {
    @TempDir
    Path dir;

    @Test
    void pyTablesSeesTheGroupsAttributesAndValues() throws IOException, InterruptedException {
        Path file = dir.resolve("MLParamData_1.0_From_MLrn_2020-03-10+00:00:00_to_2020-03-11+00:00:00.h5");
        TimeWindow w = new TimeWindow(Instant.parse("2020-03-10T05:00:00Z"), Instant.parse("2020-03-11T05:00:00Z"));
        DataFiles.writeHdf5(file, new DataFileHeader(DataFileHeader.PARAMS, "simulated", w, Instant.parse("2020-03-11T06:00:00Z")), List.of(
                new StoredSeries("B:VIMIN", new double[] {1583816400.048, 1583816400.114}, new double[] {103.4, 103.5}, Map.of("node", "MLrn")),
                new StoredSeries("B|GMPSSC", new double[0], new double[0], Map.of("status", "EMPTY (No values)"))));
        PandasFixtures.run(dir, """
                import sys, tables
                sys.stdout = open('pytables.out', 'w')
                f = tables.open_file('%s')
                a = f.root._v_attrs
                print('file', a['backend'], a['kind'], a['window_start'], [k.decode() if isinstance(k, bytes) else k for k in a['keys']])
                for g in f.root:
                    v = g._v_attrs
                    n = g.utc_seconds.nrows if 'utc_seconds' in g else 0
                    print('group', g._v_name, v['name'], v['samples'], n, list(g.value.read()) if n else [])
                f.close()
                """.formatted(file));
        List<String> lines = Files.readAllLines(dir.resolve("pytables.out"));
        assertThat(lines).contains("file simulated params 2020-03-10T05:00:00Z ['B:VIMIN', 'B|GMPSSC']",
                "group B%3AVIMIN B:VIMIN 2 2 [103.4, 103.5]", "group B%7CGMPSSC B|GMPSSC 0 0 []");
    }
}
