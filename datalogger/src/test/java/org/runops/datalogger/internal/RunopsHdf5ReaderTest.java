package org.runops.datalogger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.runops.datalogger.DataLoggerException;

class RunopsHdf5ReaderTest {
    private static final Path FILE = Path.of("data", "MLParamData_1_From_MLrn_2020-03-10+00:00:00_to_2020-03-11+00:00:00.h5");

    @Test
    void missingOrForeignDataIsNamedNotANullPointer() {
        assertThatThrownBy(() -> RunopsHdf5Reader.doubles(null, FILE, "B:VIMIN")).isInstanceOf(DataLoggerException.class)
                .hasMessage("damaged runops data file " + FILE + ", series B:VIMIN: expected float64 data, found none");
        assertThatThrownBy(() -> RunopsHdf5Reader.doubles(new int[] {1}, FILE, "B:VIMIN")).isInstanceOf(DataLoggerException.class)
                .hasMessageEndingWith("expected float64 data, found int[]");
        double[] d = {1.5};
        assertThat(RunopsHdf5Reader.doubles(d, FILE, "B:VIMIN")).isSameAs(d);
    }
}
