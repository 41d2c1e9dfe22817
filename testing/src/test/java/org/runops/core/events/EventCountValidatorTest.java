package org.runops.core.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.testing.FffRunDirectoryWriter;
import org.runops.testing.RootFileWriter.Damage;
import org.runops.testing.RootFileWriter;
import org.runops.testing.SharedData;

/** Every verdict, with the reason a shifter reads. */
class EventCountValidatorTest {

    @TempDir
    Path tmp;

    private final EventCountValidator validator = new EventCountValidator();

    private EventCountReport check(long expected, Path output) {
        return validator.validate(EventCountSource.known(expected, "DAQ"), EventCountSource.rootTree(output, "Events"));
    }

    @Test
    void match() {
        EventCountReport r = check(1750, RootFileWriter.create().tree("Events", 1750).write(tmp.resolve("a.root")));
        assertThat(r.verdict()).isEqualTo(Verdict.MATCH);
        assertThat(r.passed()).isTrue();
        assertThat(r.reason()).contains("1750");
    }

    @Test
    void mismatchSaysHowManyAreMissing() {
        EventCountReport r = check(1750, RootFileWriter.create().tree("Events", 1749).write(tmp.resolve("a.root")));
        assertThat(r.verdict()).isEqualTo(Verdict.MISMATCH);
        assertThat(r.reason()).contains("1750").contains("1749").contains("1 missing");
        assertThat(check(10, RootFileWriter.create().tree("Events", 12).write(tmp.resolve("b.root"))).reason()).contains("2 too many");
    }

    @Test
    void outputStates() {
        assertThat(check(5, tmp.resolve("absent.root")).verdict()).isEqualTo(Verdict.OUTPUT_MISSING);
        Path cut = RootFileWriter.create().tree("Events", 5).damage(Damage.TRUNCATED).write(tmp.resolve("cut.root"));
        assertThat(check(5, cut).verdict()).isEqualTo(Verdict.OUTPUT_ZOMBIE);
        Path crashed = RootFileWriter.create().tree("Events", 500).autoSaves(200).damage(Damage.NEVER_CLOSED).write(tmp.resolve("crash.root"));
        EventCountReport recovered = check(500, crashed);
        assertThat(recovered.verdict()).isEqualTo(Verdict.OUTPUT_RECOVERED);
        assertThat(recovered.actual().events()).hasValue(200);
        assertThat(recovered.reason()).contains("200 entries").contains("not the job's total");
        Path noTree = RootFileWriter.create().tree("Runs", 1).write(tmp.resolve("runs.root"));
        assertThat(check(5, noTree).verdict()).isEqualTo(Verdict.TREE_MISSING);
    }

    @Test
    void unreadableTreeOfARealFile() {
        Path corrupt = SharedData.require("root/synth-nano-ttree-corrupt.root");
        EventCountReport r = check(200, corrupt);
        assertThat(r.verdict()).isEqualTo(Verdict.OUTPUT_UNREADABLE);
        assertThat(r.reason()).contains("cannot decompress");
    }

    @Test
    void realFilesAgainstKnownCounts() {
        assertThat(check(200, SharedData.require("root/nanoAOD_2015_CMS_Open_Data_ttbar.root")).verdict()).isEqualTo(Verdict.MATCH);
        assertThat(check(200, SharedData.require("root/synth-nano-truncated-in-ttree.root")).verdict()).isEqualTo(Verdict.OUTPUT_ZOMBIE);
        assertThat(check(200, SharedData.require("root/synth-nano-nkeys-zero.root")).verdict()).isEqualTo(Verdict.OUTPUT_RECOVERED);
    }

    @Test
    void expectedUnknownWhenTheDaqHasNoCount() throws java.io.IOException {
        Path dir = FffRunDirectoryWriter.create(tmp, 7).endOfRun(false).lumiSection(1, 5).write();
        java.nio.file.Files.writeString(dir.resolve("run000007_ls0001_index000000.jsn"), "{\"data\":[\"");
        Path out = RootFileWriter.create().tree("Events", 3).write(dir.resolve("run000007.root"));
        EventCountReport r = validator.validate(EventCountSource.daq(dir), EventCountSource.rootTree(out, "Events"));
        assertThat(r.verdict()).isEqualTo(Verdict.EXPECTED_UNKNOWN);
        assertThat(r.reason()).contains("no expected count");
    }

    @Test
    void problemsOfBothSidesAreListedExpectedFirst() {
        EventCount expected = new EventCount(java.util.OptionalLong.of(1), CountStatus.OK, "e",
                java.util.List.of(new FileProblem(Path.of("a.jsn"), "bad")));
        EventCount actual = new EventCount(java.util.OptionalLong.of(1), CountStatus.OK, "a",
                java.util.List.of(new FileProblem(Path.of("b.root"), "odd")));
        assertThat(validator.validate(expected, actual).problems()).extracting(FileProblem::problem).containsExactly("bad", "odd");
    }

    @Test
    void anOutputThatCannotBeReadIsIndeterminateNotAFailure() throws java.io.IOException {
        // Reading a directory fails with EISDIR: a real I/O error, which says nothing about the data.
        Path unreadable = java.nio.file.Files.createDirectories(tmp.resolve("run1.root"));
        EventCountReport r = check(5, unreadable);
        assertThat(r.verdict()).isEqualTo(Verdict.INDETERMINATE);
        assertThat(r.actual().status()).isEqualTo(CountStatus.IO_ERROR);
        assertThat(r.passed()).isFalse();
        assertThat(r.verdict().failed()).isFalse();
        assertThat(r.reason()).contains("could not be checked now").contains(unreadable.toString());
    }

    @Test
    void anExpectationThatCannotBeReadIsIndeterminateEvenWithAGoodOutput() throws java.io.IOException {
        Path dir = FffRunDirectoryWriter.create(tmp, 8).lumiSection(1, 5).write();
        java.nio.file.Files.delete(dir.resolve("run000008_ls0000_EoR.jsn"));
        java.nio.file.Files.delete(dir.resolve("run000008_ls0001_index000000.jsn"));
        java.nio.file.Files.createDirectories(dir.resolve("run000008_ls0001_index000000.jsn")); // EISDIR on read
        Path out = RootFileWriter.create().tree("Events", 5).write(dir.resolve("run000008.root"));
        EventCountReport r = validator.validate(EventCountSource.daq(dir), EventCountSource.rootTree(out, "Events"));
        assertThat(r.expected().status()).isEqualTo(CountStatus.IO_ERROR);
        assertThat(r.verdict()).isEqualTo(Verdict.INDETERMINATE);
    }

    @Test
    void aFifoAmongTheDaqFilesIsAnIoErrorAndNeverBlocks() throws Exception {
        Path dir = FffRunDirectoryWriter.create(tmp, 10).endOfRun(false).lumiSection(1, 5).write();
        Path index = dir.resolve("run000010_ls0001_index000000.jsn");
        java.nio.file.Files.delete(index);
        org.runops.testing.Fifos.create(index);
        EventCount c = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> EventCountSource.daq(dir).count());
        assertThat(c.status()).isEqualTo(CountStatus.IO_ERROR);
        assertThat(c.detail()).contains("FIFO");
    }
}
