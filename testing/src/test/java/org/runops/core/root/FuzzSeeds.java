package org.runops.core.root;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.runops.testing.RootFileWriter.Compression;
import org.runops.testing.RootFileWriter.Damage;
import org.runops.testing.RootFileWriter;

/**
 * Regenerates the seed corpus of {@link RootFileFuzzTest}: small real-format files, one per
 * compression and damage. Run from the repository root:
 * {@code java -cp core/target/classes:core/target/test-classes:$(cat core/target/cp.txt) org.runops.core.root.FuzzSeeds}
 * (see core/README.md); committed seeds keep the build reproducible.
 */
public final class FuzzSeeds {
    private FuzzSeeds() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "testing/src/test/resources/org/runops/core/root/RootFileFuzzTestInputs/openAndCount");
        Files.createDirectories(dir);
        for (Compression c : Compression.values()) {
            RootFileWriter.create().compression(c).tree("Events", 1750).write(dir.resolve("events-" + c.name().toLowerCase(Locale.ROOT)));
        }
        RootFileWriter.create().largeFile(true).tree("Events", 99).write(dir.resolve("large-header"));
        RootFileWriter.create().tree("Events", 300).autoSaves(100, 200).damage(Damage.NEVER_CLOSED).write(dir.resolve("never-closed"));
        RootFileWriter.create().tree("Events", 200).damage(Damage.KEYS_LIST_LOST).write(dir.resolve("keys-list-lost"));
        RootFileWriter.create().treeVersion(5).ntuple("ntuple", 4808).write(dir.resolve("ntuple-v5"));
        RootFileWriter.create().compression(Compression.LZ4).maxBlockSize(64).tree("Events", "multi block title".repeat(8), 7)
                .write(dir.resolve("multi-block-lz4"));
    }
}
