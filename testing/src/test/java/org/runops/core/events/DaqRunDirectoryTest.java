package org.runops.core.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.testing.FffRunDirectoryWriter;

/** DAQ counts of generated fff run directories: the EoR rule, the index fallback, and every kind of damage. */
class DaqRunDirectoryTest {

    @TempDir
    Path storage;

    private Path run(long number, boolean endOfRun) {
        return FffRunDirectoryWriter.create(storage, number).endOfRun(endOfRun).lumiSection(1, 1000, 500).lumiSection(2, 250).write();
    }

    @Test
    void writerFollowsTheBuLayout() throws IOException {
        Path dir = run(338999, true);
        assertThat(dir.getFileName().toString()).isEqualTo("run338999");
        assertThat(dir.resolve("fu.lock")).hasContent("1 0");
        assertThat(dir.resolve("hlt/fffParameters.jsn")).exists();
        assertThat(dir.resolve("jsd/EoR.jsd")).exists();
        String index = Files.readString(dir.resolve("run338999_ls0001_index000000.jsn"));
        assertThat(index).startsWith("{\n   \"data\" : [ \"1000\", \"65536000\" ],\n   \"definition\" : \"");
        assertThat(Files.readString(dir.resolve("run338999_ls0000_EoR.jsn"))).contains("[ \"1750\", \"3\", \"2\", \"2\" ]");
        try (var names = Files.list(dir)) {
            assertThat(names.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
        assertThat(FffRunDirectoryWriter.directoryName(42)).isEqualTo("run000042");
    }

    @Test
    void endOfRunCountsWhenPresent() {
        DaqRunSummary s = DaqRunDirectory.scan(run(1, true));
        assertThat(s.expectedEvents()).hasValue(1750);
        assertThat(s.toEventCount().detail()).contains("EoR");
        assertThat(s.problems()).isEmpty();
    }

    @Test
    void indexFilesAreSummedWithoutEndOfRun() {
        DaqRunSummary s = DaqRunDirectory.scan(run(2, false));
        assertThat(s.endOfRunEvents()).isEmpty();
        assertThat(s.expectedEvents()).hasValue(1750);
        assertThat(s.toEventCount().detail()).contains("sum over 3 index files");
        assertThat(s.problems()).isEmpty(); // an open run has no EoLS for its last lumisection yet
    }

    @Test
    void emptyOrGarbageEndOfRunFallsBackToTheIndexSum() throws IOException {
        Path empty = FffRunDirectoryWriter.create(storage, 3).lumiSection(1, 10, 20).emptyEndOfRun().write();
        DaqRunSummary s = DaqRunDirectory.scan(empty);
        assertThat(s.expectedEvents()).hasValue(30);
        assertThat(s.problems()).singleElement().satisfies(p -> assertThat(p.problem()).contains("unusable EoR").contains("empty file"));

        Path garbage = run(4, true);
        Files.writeString(garbage.resolve("run000004_ls0000_EoR.jsn"), "\u0000\u0001garbage");
        assertThat(DaqRunDirectory.scan(garbage).expectedEvents()).hasValue(1750);
        assertThat(DaqRunDirectory.scan(garbage).problems()).anySatisfy(p -> assertThat(p.problem()).contains("malformed JSON"));
    }

    @Test
    void anUnreadableIndexFileNeverYieldsAPartialCount() throws IOException {
        Path dir = run(5, false);
        Files.writeString(dir.resolve("run000005_ls0001_index000001.jsn"), "{\n   \"data\" : [ \"N/A\" ]\n}");
        DaqRunSummary s = DaqRunDirectory.scan(dir);
        assertThat(s.expectedEvents()).isEmpty();
        assertThat(s.badIndexFiles()).isEqualTo(1);
        EventCount c = s.toEventCount();
        assertThat(c.status()).isEqualTo(CountStatus.UNKNOWN);
        assertThat(c.detail()).contains("1 of 3 index files unreadable").contains("1250");
        assertThat(c.problems()).singleElement().satisfies(p -> {
            assertThat(p.file().getFileName().toString()).isEqualTo("run000005_ls0001_index000001.jsn");
            assertThat(p.problem()).contains("\"N/A\"");
        });
    }

    @Test
    void endOfRunStillCountsWhenAnIndexFileIsBadButTheProblemIsReported() throws IOException {
        Path dir = run(6, true);
        Files.write(dir.resolve("run000006_ls0002_index000000.jsn"), new byte[0]);
        DaqRunSummary s = DaqRunDirectory.scan(dir);
        assertThat(s.expectedEvents()).hasValue(1750);
        assertThat(s.problems()).anySatisfy(p -> assertThat(p.problem()).contains("empty file"));
    }

    @Test
    void temporaryFilesAndFuCopiesAreIgnored() throws IOException {
        Path dir = run(7, false);
        Files.writeString(dir.resolve("run000007_ls0002_index000001.jsn.tmp"), "{\"data\":[\"99\"]}");
        Files.writeString(dir.resolve("run000007_ls0001_index000000_pid01234.jsn"), "{\"data\":[\"99\"]}");
        assertThat(DaqRunDirectory.scan(dir).expectedEvents()).hasValue(1750);
    }

    @Test
    void lumisectionGapsAndDisagreementsAreReported() throws IOException {
        Path dir = FffRunDirectoryWriter.create(storage, 8).lumiSection(1, 100, 100, 100).lumiSection(2, 50).lumiSection(5, 7).write();
        Files.delete(dir.resolve("run000008_ls0001_index000001.jsn"));
        Files.writeString(dir.resolve("run000008_ls0002_EoLS.jsn"),
                Files.readString(dir.resolve("run000008_ls0002_EoLS.jsn")).replaceFirst("\"50\"", "\"60\""));
        DaqRunSummary s = DaqRunDirectory.scan(dir);
        assertThat(s.problems()).extracting(FileProblem::problem).anySatisfy(p -> assertThat(p).contains("index file 000001 is missing"))
                .anySatisfy(p -> assertThat(p).contains("lumisection 1: EoLS says 3 index files, found 2"))
                .anySatisfy(p -> assertThat(p).contains("lumisection 2: EoLS says 60 events, its index files hold 50"))
                .anySatisfy(p -> assertThat(p).contains("lumisections 3-4 have no EoLS files"))
                .anySatisfy(p -> assertThat(p).contains("EoR says 357 events but the 4 index files hold 257"));
    }

    @Test
    void numbersMayBeJsonNumbersAndDefinitionsMayUseTheDataLabel() throws IOException {
        Path dir = Files.createDirectories(storage.resolve("run000009"));
        Files.createDirectories(dir.resolve("jsd"));
        Files.writeString(dir.resolve("jsd/budef.jsd"), "{\"data\":[{\"name\":\"NBytes\"},{\"name\":\"NEvents\"}]}");
        Files.writeString(dir.resolve("run000009_ls0001_index000000.jsn"), "{\"data\":[65536, 17],\"definition\":\"jsd/budef.jsd\"}");
        Files.writeString(dir.resolve("run000009_ls0001_index000001.jsn"), "{\"data\":[\"65536\", \"3\"],\"definition\":\"/elsewhere/run000009/jsd/budef.jsd\"}");
        assertThat(DaqRunDirectory.scan(dir).expectedEvents()).hasValue(20);
    }

    @Test
    void zeroEventRuns() throws IOException {
        Path zero = FffRunDirectoryWriter.create(storage, 10).write();
        DaqRunSummary s = DaqRunDirectory.scan(zero);
        assertThat(s.isZeroEventRun()).isTrue();
        assertThat(s.expectedEvents()).hasValue(0);

        // lived through lumisections without data: EoLS files, more than 4 entries, still zero events
        Path lived = FffRunDirectoryWriter.create(storage, 11).lumiSection(1).lumiSection(2).write();
        assertThat(DaqRunDirectory.scan(lived).isZeroEventRun()).isTrue();

        Path stillWriting = FffRunDirectoryWriter.create(storage, 12).endOfRun(false).openDirectory(true).write();
        DaqRunSummary open = DaqRunDirectory.scan(stillWriting);
        assertThat(open.isZeroEventRun()).isFalse();
        assertThat(open.toEventCount().status()).isEqualTo(CountStatus.UNKNOWN);
    }

    @Test
    void aDamagedEndOfRunIsNeverAZeroEventRun() throws IOException {
        byte[] random = new byte[64];
        new java.util.Random(9).nextBytes(random);
        for (String damage : List.of("random", "huge", "directory")) {
            Path dir = FffRunDirectoryWriter.create(storage, 20).write();
            Path eor = dir.resolve("run000020_ls0000_EoR.jsn");
            Files.delete(eor);
            switch (damage) {
                case "random" -> Files.write(eor, random);
                case "huge" -> Files.writeString(eor, "{\n   \"data\" : [ \"92233720368547758070\", \"0\", \"0\", \"0\" ],\n"
                        + "   \"definition\" : \"/fff/ramdisk/run000020/jsd/EoR.jsd\",\n   \"source\" : \"BU\"\n}");
                default -> Files.createDirectory(eor);
            }
            DaqRunSummary s = DaqRunDirectory.scan(dir);
            assertThat(s.isZeroEventRun()).as(damage).isFalse();
            assertThat(s.endOfRunUnreadable()).as(damage).hasValueSatisfying(why -> assertThat(why).contains(eor.toString()));
            EventCount c = s.toEventCount();
            assertThat(c.status().indeterminate()).as(damage + ": " + c.detail()).isTrue();
            assertThat(c.events()).as(damage).isEmpty();
            assertThat(s.problems()).as(damage).anySatisfy(p -> assertThat(p.file()).isEqualTo(eor));
            if (damage.equals("directory")) {
                assertThat(s.problems()).anySatisfy(p -> assertThat(p.problem()).contains(eor.toString()).contains("is a directory"));
            }
            deleteTree(dir);
        }
        // The BU's empty placeholder is still "no EoR": a run without index files is a zero-event run.
        Path placeholder = FffRunDirectoryWriter.create(storage, 21).emptyEndOfRun().write();
        assertThat(DaqRunDirectory.scan(placeholder).isZeroEventRun()).isTrue();
    }

    @Test
    @org.junit.jupiter.api.Timeout(10)
    void aFifoNamedLikeTheEndOfRunIsAProblemOfThatFileNotAHang() throws IOException {
        Path dir = FffRunDirectoryWriter.create(storage, 22).lumiSection(1, 10, 20).write();
        Path eor = dir.resolve("run000022_ls0000_EoR.jsn");
        Files.delete(eor);
        org.runops.testing.Fifos.create(eor);
        DaqRunSummary s = DaqRunDirectory.scan(dir);
        assertThat(s.expectedEvents()).as("the index files still count the run").hasValue(30);
        assertThat(s.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(eor);
            assertThat(p.problem()).contains("is a FIFO (named pipe), not a regular file");
        });
    }

    @Test
    void indexTotalsBeyondALongAreAProblemNotANumber() throws IOException {
        Path dir = FffRunDirectoryWriter.create(storage, 23).endOfRun(false).lumiSection(1, Long.MAX_VALUE, Long.MAX_VALUE).write();
        DaqRunSummary s = DaqRunDirectory.scan(dir);
        assertThat(s.expectedEvents()).isEmpty();
        assertThat(s.toEventCount().status()).isEqualTo(CountStatus.UNKNOWN);
        assertThat(s.problems()).anySatisfy(p -> {
            assertThat(p.file().getFileName().toString()).startsWith("run000023_ls0001_index");
            assertThat(p.problem()).contains("9223372036854775807").contains("total");
        });
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void missingDirectory() {
        DaqRunSummary s = DaqRunDirectory.scan(storage.resolve("run999999"));
        assertThat(s.exists()).isFalse();
        assertThat(s.toEventCount().status()).isEqualTo(CountStatus.MISSING);
    }

    @Test
    void hostileFilesAreRefusedWithoutReadingThemWhole() throws IOException {
        Path huge = storage.resolve("huge.jsn");
        Files.write(huge, new byte[DaqJson.MAX_FILE_BYTES + 1]);
        assertThatThrownBy(() -> DataPointFile.read(huge)).isInstanceOf(JsnFormatException.class).hasMessageContaining("huge.jsn");
        String deep = "{\"data\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertThatThrownBy(() -> DataPointFile.parse(Path.of("deep.jsn"), deep.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(JsnFormatException.class).hasMessageContaining("deep.jsn");
        assertThatThrownBy(() -> DataPointFile.parse(Path.of("list.jsn"), "[1,2]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(JsnFormatException.class).hasMessageContaining("expected a JSON object");
        assertThatThrownBy(() -> DataPointFile.parse(Path.of("neg.jsn"), "{\"data\":[\"-3\"]}".getBytes(StandardCharsets.UTF_8)).longAt(0, "NEvents"))
                .isInstanceOf(JsnFormatException.class).hasMessageContaining("negative");
    }

    @Test
    void aLumisectionNumberTooLongForALongIsReportedWithItsFile() throws IOException {
        Path dir = FffRunDirectoryWriter.create(storage, 9).endOfRun(false).lumiSection(1, 10).write();
        Path odd = dir.resolve("run000009_ls" + "9".repeat(20) + "_index000000.jsn");
        Files.copy(dir.resolve("run000009_ls0001_index000000.jsn"), odd);
        Files.writeString(dir.resolve("run000009_ls" + "1".repeat(19) + "_EoLS.jsn"), "{}");
        DaqRunSummary s = DaqRunDirectory.scan(dir);
        assertThat(s.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(odd);
            assertThat(p.problem()).contains("20 digits");
        });
        assertThat(s.problems()).anySatisfy(p -> assertThat(p.problem()).contains("19 digits"));
        assertThat(s.expectedEvents()).as("an index file that cannot be placed makes the sum no count").isEmpty();
        assertThat(s.toEventCount().status()).isEqualTo(CountStatus.UNKNOWN);
    }
}
