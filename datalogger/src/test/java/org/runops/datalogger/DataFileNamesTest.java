package org.runops.datalogger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DataFileNamesTest {
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final TimeWindow DAY = new TimeWindow(Instant.parse("2020-03-10T05:00:00Z"), Instant.parse("2020-03-11T05:00:00Z"));

    @Test
    void paramAndEventNamesMatchTheOriginals() {
        Instant created = Instant.parse("2020-03-11T06:00:08.4261804Z");
        assertThat(DataFileNames.paramFile(created, LoggerNode.MLRN, DAY, CHICAGO, "acl", "h5"))
                .isEqualTo("MLParamData_1583906408.42618_From_MLrn_2020-03-10+00:00:00_to_2020-03-11+00:00:00.h5");
        assertThat(DataFileNames.eventFile(Instant.ofEpochSecond(1561738277), DAY, CHICAGO, "replay", "h5"))
                .isEqualTo("MLEventData_1561738277.0_From_EventC_2020-03-10+00:00:00_to_2020-03-11+00:00:00.h5");
    }

    @Test
    void simulatedDataSaysSoInItsName() {
        assertThat(DataFileNames.paramFile(Instant.ofEpochSecond(1), LoggerNode.MLRN, DAY, CHICAGO, "simulated", "csv"))
                .endsWith("_to_2020-03-11+00:00:00_SIMULATED.csv");
        assertThat(DataFileNames.nannyFile(Path.of("out"), Instant.parse("2020-01-01T00:00:00Z"), Duration.ofHours(1), "1.0.0", "simulated"))
                .isEqualTo(Path.of("out", "202001", "01", "20200101T000000PT1H-1_0_0_SIMULATED.h5"));
    }

    @Test
    void nannyNamesLiveUnderMonthAndDayAndParseBack() {
        Path p = DataFileNames.nannyFile(Path.of("out"), Instant.parse("2020-03-08T23:00:00Z"), Duration.ofHours(1), "1.0.0", "acl");
        assertThat(p).isEqualTo(Path.of("out", "202003", "08", "20200308T230000PT1H-1_0_0.h5"));
        assertThat(DataFileNames.nannyWindow("20200308T230000PT1H-1_0_0.h5"))
                .contains(new TimeWindow(Instant.parse("2020-03-08T23:00:00Z"), Instant.parse("2020-03-09T00:00:00Z")));
        assertThat(DataFileNames.nannyWindow("20200101T000000PT30M-2_1.h5")).map(TimeWindow::length).contains(Duration.ofMinutes(30));
        assertThat(DataFileNames.nannyWindow("MLParamData_1.0_From_MLrn.h5")).isEmpty();
        assertThat(DataFileNames.nannyWindow("20200101T000000PT0S-1.h5")).isEmpty();
    }

    @Test
    void nannyFoldersUseAsciiDigitsWhateverTheDefaultLocale() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("th-TH-u-nu-thai"));
            assertThat(DataFileNames.nannyFile(Path.of("out"), Instant.parse("2020-03-08T23:00:00Z"), Duration.ofHours(1), "1.0.0", "acl"))
                    .isEqualTo(Path.of("out", "202003", "08", "20200308T230000PT1H-1_0_0.h5"));
        } finally {
            java.util.Locale.setDefault(before);
        }
    }
}
