package org.runops.core.root;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.runops.testing.RootFileWriter.Compression;
import org.runops.testing.RootFileWriter.Damage;
import org.runops.testing.RootFileWriter;

/**
 * ROOT's TFile rules (spec root-file-format §2), one test each, on files the project's own writer
 * makes in the real format.
 */
class RootFileRulesTest {

    @TempDir
    Path tmp;

    private Path write(RootFileWriter writer, String name) {
        return writer.write(tmp.resolve(name));
    }

    private static RootFile open(Path p) {
        return RootFile.open(p);
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void everyCompressionGivesTheEntryCount(Compression compression) {
        Path p = write(RootFileWriter.create().compression(compression).tree("Events", 123_456_789L), "c.root");
        try (RootFile f = open(p)) {
            assertThat(f.isZombie()).as(f.zombieReason().orElse("")).isFalse();
            assertThat(f.isRecovered()).isFalse();
            assertThat(f.entries("Events")).hasValue(123_456_789L);
            assertThat(f.key("Events").orElseThrow().isCompressed()).isEqualTo(compression != Compression.NONE);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Compression.class, names = {"ZLIB", "LZMA", "LZ4", "ZSTD"})
    void multiBlockObjectsAreReadAcrossBlocks(Compression compression) {
        String longTitle = "a tree whose title is long enough to span several blocks ".repeat(40);
        Path p = write(RootFileWriter.create().compression(compression).maxBlockSize(100).tree("Events", longTitle, 42), "m.root");
        try (RootFile f = open(p)) {
            assertThat(f.isZombie()).as(f.zombieReason().orElse("")).isFalse();
            assertThat(f.entries("Events")).hasValue(42);
        }
    }

    @Test
    void longTitlePushesTheCountPastTheFirstRead() {
        String title = "x".repeat(5000);
        Path p = write(RootFileWriter.create().compression(Compression.NONE).tree("Events", title, 7), "t.root");
        try (RootFile f = open(p)) {
            assertThat(f.entries("Events")).hasValue(7);
        }
    }

    @Test
    void largeFileHeaderWithEightBytePointers() {
        Path p = write(RootFileWriter.create().largeFile(true).tree("Events", 99), "big.root");
        try (RootFile f = open(p)) {
            assertThat(f.isLargeFile()).isTrue();
            assertThat(f.formatVersion()).isGreaterThanOrEqualTo(1_000_000);
            assertThat(f.isZombie()).as(f.zombieReason().orElse("")).isFalse();
            assertThat(f.entries("Events")).hasValue(99);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 5, 6, 16, 17, 18, 19, 20})
    void everyTreeStreamerVersion(int version) {
        Path p = write(RootFileWriter.create().treeVersion(version).tree("Events", 4808), "v.root");
        try (RootFile f = open(p)) {
            assertThat(f.entries("Events")).hasValue(4808);
        }
    }

    @Test
    void ntupleHasAnExtraHeader() {
        Path p = write(RootFileWriter.create().ntuple("ntuple", 75000), "n.root");
        try (RootFile f = open(p)) {
            assertThat(f.key("ntuple").orElseThrow().className()).isEqualTo("TNtuple");
            assertThat(f.entries("ntuple")).hasValue(75000);
        }
    }

    @Test
    void absentTreeOrNonTreeKeyGivesNoCount() {
        Path p = write(RootFileWriter.create().tree("Events", 1), "a.root");
        try (RootFile f = open(p)) {
            assertThat(f.entries("Runs")).isEmpty();
            assertThat(f.entries("StreamerInfo")).isEmpty();
        }
    }

    @Test
    void keysAreListedInRootListOrder() {
        Path p = write(RootFileWriter.create().tree("Events", 1).tree("Runs", 2).tree("LuminosityBlocks", 3), "k.root");
        try (RootFile f = open(p)) {
            assertThat(f.keys()).extracting(RootKey::name).containsExactly("LuminosityBlocks", "Runs", "Events");
            assertThat(f.entries("Runs")).hasValue(2);
        }
    }

    @Test
    void crashMidFillIsRecoveredWithTheLastAutoSavesCount() {
        Path p = write(RootFileWriter.create().tree("Events", 1000).autoSaves(100, 200, 300).damage(Damage.NEVER_CLOSED), "crash.root");
        try (RootFile f = open(p)) {
            assertThat(f.isZombie()).as(f.zombieReason().orElse("")).isFalse();
            assertThat(f.isRecovered()).isTrue();
            // the older tree keys were freed by AutoSave; baskets are never recovered
            assertThat(f.keys()).extracting(RootKey::name).containsExactly("Events");
            assertThat(f.entries("Events")).hasValue(300);
        }
    }

    @Test
    void crashBeforeAnyAutoSaveIsAZombie() {
        Path p = write(RootFileWriter.create().tree("Events", 1000).autoSaves().damage(Damage.NEVER_CLOSED), "early.root");
        try (RootFile f = open(p)) {
            assertThat(f.isZombie()).isTrue();
            assertThat(f.zombieReason()).hasValueSatisfying(r -> assertThat(r).contains("recovery found no keys"));
        }
    }

    @Test
    void afterRecoveryGetReturnsTheSameNamedKeyWithTheHighestOffset() throws IOException {
        // Two tree keys both alive (no gap): AppendKey puts the later one first, and Get() takes it.
        Path p = write(RootFileWriter.create().tree("Events", 10).tree("Events", 20).damage(Damage.KEYS_LIST_LOST), "two.root");
        try (RootFile f = open(p)) {
            assertThat(f.isRecovered()).isTrue();
            assertThat(f.keys()).hasSize(2);
            assertThat(f.keys().get(0).seekKey()).isGreaterThan(f.keys().get(1).seekKey());
            assertThat(f.entries("Events")).hasValue(20);
        }
    }

    @Test
    void keysListLostIsRecoveredWithCountsIntact() {
        Path p = write(RootFileWriter.create().tree("Events", 200).damage(Damage.KEYS_LIST_LOST), "lost.root");
        try (RootFile f = open(p)) {
            assertThat(f.isZombie()).isFalse();
            assertThat(f.isRecovered()).isTrue();
            assertThat(f.entries("Events")).hasValue(200);
        }
    }

    @Test
    void nkeysZeroTakesTheNormalPathThenRecovers() throws IOException {
        Path p = write(RootFileWriter.create().tree("Events", 200), "nkeys0.root");
        byte[] b = Files.readAllBytes(p);
        int seekKeys = ByteBuffer.wrap(b).getInt(100 + nbytesName(b) + 2 + 4 + 4 + 4 + 4 + 8);
        int keyLen = ByteBuffer.wrap(b).getShort(seekKeys + 4 + 2 + 4 + 4);
        ByteBuffer.wrap(b).putInt(seekKeys + keyLen, 0);
        Files.write(p, b);
        try (RootFile f = open(p)) {
            assertThat(f.isZombie()).isFalse();
            assertThat(f.isRecovered()).isTrue();
            assertThat(f.entries("Events")).hasValue(200);
        }
    }

    @Test
    void truncatedInStreamerInfoIsAZombieThatWasRecovered() {
        Path p = write(RootFileWriter.create().tree("Events", 5).damage(Damage.TRUNCATED), "cut.root");
        try (RootFile f = open(p)) {
            assertThat(f.isZombie()).isTrue();
            assertThat(f.isRecovered()).isTrue();
            assertThat(f.zombieReason().orElseThrow()).contains("StreamerInfo");
            assertThatThrownBy(() -> f.entries("Events")).isInstanceOf(RootFormatException.class).hasMessageContaining("zombie");
        }
    }

    @Test
    void treeRecordCutIsAZombie() {
        Path p = write(RootFileWriter.create().tree("Events", 5).damage(Damage.TREE_RECORD_CUT), "tree-cut.root");
        try (RootFile f = open(p)) {
            assertThat(f.isZombie()).isTrue();
        }
    }

    @Test
    void corruptStreamerInfoMakesAZombie() throws IOException {
        Path p = write(RootFileWriter.create().tree("Events", 5), "si.root");
        byte[] b = Files.readAllBytes(p);
        int seekInfo = ByteBuffer.wrap(b).getInt(37);
        int nbytesInfo = ByteBuffer.wrap(b).getInt(41);
        for (int i = seekInfo + nbytesInfo - 20; i < seekInfo + nbytesInfo - 5; i++) {
            b[i] ^= 0x5A;
        }
        Files.write(p, b);
        try (RootFile f = open(p)) {
            assertThat(f.isZombie()).isTrue();
            assertThat(f.zombieReason().orElseThrow()).contains("StreamerInfo").contains("cannot be read");
        }
    }

    @Test
    void corruptTreePayloadIsUnreadableNotAWrongNumber() throws IOException {
        Path p = write(RootFileWriter.create().tree("Events", "a title long enough to be worth compressing ".repeat(5), 5), "tp.root");
        long seek;
        int keyLen;
        try (RootFile f = open(p)) {
            RootKey k = f.key("Events").orElseThrow();
            assertThat(k.isCompressed()).isTrue();
            seek = k.seekKey();
            keyLen = k.keyLength();
        }
        byte[] b = Files.readAllBytes(p);
        for (int i = (int) seek + keyLen + 9; i < seek + keyLen + 30; i++) {
            b[i] = (byte) 0xFF;
        }
        Files.write(p, b);
        try (RootFile f = open(p)) {
            assertThat(f.isZombie()).isFalse();
            assertThatThrownBy(() -> f.entries("Events")).isInstanceOf(RootFormatException.class).hasMessageContaining("tp.root");
        }
    }

    @Test
    void zombieSteps() throws IOException {
        // a long name makes the top directory record end past the 300 bytes ROOT reads first
        Path good = write(RootFileWriter.create().tree("Events", 5), "g".repeat(120) + ".root");
        byte[] b = Files.readAllBytes(good);

        assertZombie(Arrays.copyOf(b, 299), "shorter than the 300 bytes");
        byte[] magic = b.clone();
        magic[0] = 'R';
        assertZombie(magic, "not a ROOT file");
        byte[] beginPastEnd = b.clone();
        ByteBuffer.wrap(beginPastEnd).putInt(12, 50);
        assertZombie(beginPastEnd, "fBEGIN");
        byte[] nameTooSmall = b.clone();
        ByteBuffer.wrap(nameTooSmall).putInt(100 + nbytesName(b) + 2 + 4 + 4 + 4, 5);
        assertZombie(nameTooSmall, "fNbytesName=5");
        byte[] streamerInfoGone = b.clone();
        ByteBuffer.wrap(streamerInfoGone).putInt(37, b.length + 10);
        assertZombie(streamerInfoGone, "beyond the end");
        // cut inside the first key header after the top directory: nothing to recover
        assertZombie(Arrays.copyOf(b, 100 + nbytesName(b) + 60 + 10), "recovery found no keys");
        assertThat(RootFile.open(tmp.resolve("absent.root")).zombieReason()).hasValueSatisfying(r -> assertThat(r).contains("cannot open"));
    }

    @Test
    void emptyFileNothingWrittenYetIsNeitherZombieNorRecovered() throws IOException {
        Path good = write(RootFileWriter.create(), "empty.root");
        try (RootFile f = open(good)) {
            assertThat(f.isZombie()).isFalse();
            assertThat(f.keys()).isEmpty();
        }
    }

    @Test
    void unknownCompressionAlgorithmIsRefusedNotMisread() throws IOException {
        Path p = write(RootFileWriter.create().compression(Compression.ZLIB).tree("Events", "t".repeat(300), 5), "cs.root");
        long seek;
        int keyLen;
        try (RootFile f = open(p)) {
            RootKey k = f.key("Events").orElseThrow();
            seek = k.seekKey();
            keyLen = k.keyLength();
        }
        byte[] b = Files.readAllBytes(p);
        b[(int) seek + keyLen] = 'C';
        b[(int) seek + keyLen + 1] = 'S';
        Files.write(p, b);
        try (RootFile f = open(p)) {
            assertThatThrownBy(() -> f.entries("Events")).isInstanceOf(RootFormatException.class)
                    .hasMessageContaining("unsupported compression algorithm 'CS'");
        }
    }

    @Test
    void manyFilesInParallelKeepTheirOrder() {
        List<Path> files = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            files.add(write(RootFileWriter.create().compression(Compression.values()[i % 5]).tree("Events", i * 11), "p" + i + ".root"));
        }
        files.add(tmp.resolve("missing.root"));
        List<RootTreeCount> counts = RootFiles.entries(files, "Events", 4);
        for (int i = 0; i < 20; i++) {
            assertThat(counts.get(i).entries()).hasValue(i * 11);
            assertThat(counts.get(i).problem()).isEmpty();
        }
        assertThat(counts.get(20).status()).isEqualTo(RootTreeCount.Status.MISSING);
        assertThat(counts.get(20).problem()).hasValueSatisfying(pr -> assertThat(pr).contains("cannot open"));
    }

    private void assertZombie(byte[] bytes, String reason) throws IOException {
        Path p = Files.write(tmp.resolve("z.root"), bytes);
        try (RootFile f = open(p)) {
            assertThat(f.isZombie()).as("zombie: %s", reason).isTrue();
            assertThat(f.zombieReason().orElseThrow()).contains(reason);
            assertThat(f.keys()).isEmpty();
        }
    }

    /** fNbytesName from a small header. */
    private static int nbytesName(byte[] b) {
        return ByteBuffer.wrap(b).getInt(28);
    }
}
