package org.runops.datalogger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishingTest {
    @TempDir
    Path dir;

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        new Random(42).nextBytes(b);
        return b;
    }

    @Test
    void onOneFileSystemTheDraftIsRenamed() throws IOException {
        Path draft = Files.write(dir.resolve("draft.h5"), bytes(1000));
        Path target = dir.resolve("out").resolve("final.h5");
        Publishing.publish(draft, target);
        assertThat(draft).doesNotExist();
        assertThat(Files.readAllBytes(target)).isEqualTo(bytes(1000));
    }

    @Test
    void acrossFileSystemsTheCopyIsVerifiedRenamedAndTheDraftDeleted() throws IOException {
        Path shm = Path.of("/dev/shm");
        assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm) && !Files.getFileStore(shm).equals(Files.getFileStore(dir)),
                "skipped: /dev/shm is not a separate writable file system here");
        Path draftDir = Files.createTempDirectory(shm, "runops-publishing-");
        try {
            Path draft = Files.write(draftDir.resolve("MLParamData_1.0_From_MLrn_x.h5"), bytes(3_000_000));
            Path target = dir.resolve("MLParamData_1.0_From_MLrn_x.h5");
            Files.write(Publishing.partFile(target), bytes(10)); // a killed earlier copy
            Publishing.publish(draft, target);
            assertThat(draft).doesNotExist();
            assertThat(Files.readAllBytes(target)).isEqualTo(bytes(3_000_000));
            try (Stream<Path> s = Files.list(dir)) {
                assertThat(s).containsExactly(target); // the stale .part was overwritten and renamed
            }
        } finally {
            try (Stream<Path> s = Files.list(draftDir)) {
                for (Path p : s.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(draftDir);
        }
    }
}
