package org.runops.datalogger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NannyDayTest {
    @TempDir
    Path dir;

    @Test
    void aDayIsCutIntoUtcChunksEvenOnTheDaysChicagoChangesItsClocks() {
        for (String day : List.of("2024-03-10", "2024-11-03", "2024-06-01")) { // spring forward, fall back, summer
            NannyDay d = new NannyDay(LocalDate.parse(day), Duration.ofHours(1));
            assertThat(d.chunks()).hasSize(24);
            assertThat(d.chunks().get(0).start()).isEqualTo(Instant.parse(day + "T00:00:00Z"));
            assertThat(d.chunks().get(23).end()).isEqualTo(Instant.parse(day + "T00:00:00Z").plus(Duration.ofDays(1)));
        }
        assertThat(new NannyDay(LocalDate.parse("2024-02-29"), Duration.ofHours(12)).chunks())
                .extracting(TimeWindow::start).containsExactly(Instant.parse("2024-02-29T00:00:00Z"), Instant.parse("2024-02-29T12:00:00Z"));
        assertThat(new NannyDay(LocalDate.parse("2024-02-29"), Duration.ofMinutes(10)).chunks()).hasSize(144);
    }

    @Test
    void aChunkLengthThatDoesNotDivideADayIsRefused() {
        for (Duration bad : List.of(Duration.ofHours(7), Duration.ofHours(25), Duration.ZERO, Duration.ofMinutes(-60), Duration.ofSeconds(7))) {
            assertThatThrownBy(() -> new NannyDay(LocalDate.parse("2024-01-01"), bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(bad.toString()).hasMessageContaining("divide a day");
        }
        assertThat(new NannyDay(LocalDate.parse("2024-01-01"), Duration.ofDays(1)).chunks()).hasSize(1);
    }

    @Test
    void betweenIncludesBothDaysAcrossAMonthEnd() {
        assertThat(NannyDay.between(LocalDate.parse("2024-02-28"), LocalDate.parse("2024-03-01"), Duration.ofHours(1)))
                .extracting(NannyDay::day).extracting(LocalDate::toString).containsExactly("2024-02-28", "2024-02-29", "2024-03-01");
        assertThat(NannyDay.between(LocalDate.parse("2024-02-28"), LocalDate.parse("2024-02-28"), Duration.ofHours(1))).hasSize(1);
        assertThatThrownBy(() -> NannyDay.between(LocalDate.parse("2024-03-01"), LocalDate.parse("2024-02-28"), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2024-03-01 .. 2024-02-28");
    }

    @Test
    void filesAreTheNannysNamesUnderTheDaysFolderAndAnEmptyFileIsMissing() throws IOException {
        NannyDay d = new NannyDay(LocalDate.parse("2024-03-01"), Duration.ofHours(12));
        List<Path> files = d.files(dir, "1.0.0", "simulated");
        assertThat(files).extracting(f -> dir.relativize(f).toString())
                .containsExactly("202403/01/20240301T000000PT12H-1_0_0_SIMULATED.h5", "202403/01/20240301T120000PT12H-1_0_0_SIMULATED.h5");
        assertThat(d.files(dir, "1.0.0", "acl").get(0).getFileName().toString()).isEqualTo("20240301T000000PT12H-1_0_0.h5");
        assertThat(NannyDay.missing(files)).isEqualTo(files);
        Files.createDirectories(files.get(0).getParent());
        Files.writeString(files.get(0), "x");
        Files.createFile(files.get(1));
        assertThat(NannyDay.missing(files)).containsExactly(files.get(1));
    }

    @Test
    void aDirectoryWhereAChunkBelongsIsNotOnDiskAndAnUnreadableOneIsNeither() throws IOException {
        Path chunk = dir.resolve("20240301T000000PT12H-1_0_0_SIMULATED.h5");
        Files.createDirectories(chunk);
        assertThat(NannyDay.isOnDisk(chunk)).isFalse(); // a directory has a size, but it is no chunk
        Path loop = Files.createSymbolicLink(dir.resolve("a.h5"), dir.resolve("b.h5"));
        Files.createSymbolicLink(dir.resolve("b.h5"), loop);
        assertThatThrownBy(() -> NannyDay.isOnDisk(loop)).isInstanceOf(DataLoggerException.class)
                .hasMessageContaining("cannot look at nanny chunk file " + loop);
    }
}
