package org.runops.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path tmp;

    @Test
    void replacesTheWholeFileAndLeavesNoTemporaryBehind() throws IOException {
        Path target = tmp.resolve("sub/dir/cache.json");
        AtomicFiles.write(target, "first, longer content".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(target, "second".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(target)).isEqualTo("second");
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void aFailedWriteKeepsTheOldFile() throws IOException {
        Path target = tmp.resolve("kept.txt");
        AtomicFiles.write(target, "old".getBytes(StandardCharsets.UTF_8));
        Path dirAsTarget = Files.createDirectories(tmp.resolve("not-a-file/child"));
        assertThatThrownBy(() -> AtomicFiles.write(dirAsTarget.getParent(), new byte[] {1})).isInstanceOf(IOException.class);
        assertThat(Files.readString(target)).isEqualTo("old");
    }
}
