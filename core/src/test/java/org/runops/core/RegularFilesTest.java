package org.runops.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class RegularFilesTest {
    @TempDir
    Path tmp;

    /** A real FIFO (mkfifo): opening it for reading with Files.newInputStream would block forever. */
    private Path fifo(String name) throws IOException, InterruptedException {
        Path p = tmp.resolve(name);
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        } catch (IOException e) {
            assumeTrue(false, "skipped: no mkfifo on this machine");
            throw e;
        }
        assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assumeTrue(mkfifo.exitValue() == 0, "skipped: mkfifo failed here");
        return p;
    }

    @Test
    @Timeout(10)
    void aFifoIsRefusedWithoutBlockingAndNamed() throws Exception {
        Path fifo = fifo("run338999_ls0000_EoR.jsn");
        assertThat(RegularFiles.problem(fifo)).contains("is a FIFO (named pipe), not a regular file");
        assertThatThrownBy(() -> RegularFiles.readAllBytes(fifo)).isInstanceOf(FileSystemException.class)
                .hasMessageContaining(fifo.toString()).hasMessageContaining("FIFO");
        assertThatThrownBy(() -> RegularFiles.openChannel(fifo)).isInstanceOf(FileSystemException.class);
    }

    @Test
    void aDirectoryAMissingFileAndAGoodFile() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("x.root"));
        assertThat(RegularFiles.problem(dir)).contains("is a directory, not a regular file");
        assertThatThrownBy(() -> RegularFiles.readAllBytes(dir)).hasMessageContaining(dir.toString()).hasMessageContaining("directory");
        assertThatThrownBy(() -> RegularFiles.require(tmp.resolve("gone"))).isInstanceOf(NoSuchFileException.class);

        Path good = Files.writeString(tmp.resolve("good.jsn"), "{}");
        Path link = Files.createSymbolicLink(tmp.resolve("link.jsn"), good);
        assertThat(RegularFiles.problem(good)).isEmpty();
        assertThat(RegularFiles.problem(link)).as("a link to a regular file is followed").isEmpty();
        try (InputStream in = RegularFiles.newInputStream(link)) {
            assertThat(in.readAllBytes()).containsExactly('{', '}');
        }
    }

    @Test
    void aCharacterDeviceIsNamed() {
        Path devNull = Path.of("/dev/null");
        assumeTrue(Files.exists(devNull), "skipped: no /dev/null");
        assertThat(RegularFiles.problem(devNull)).contains("is a character device, not a regular file");
    }

    @Test
    void presenceIsPresentAbsentOrEmptyOrUnreadable() throws Exception {
        Path full = Files.writeString(tmp.resolve("full.h5"), "x");
        assertThat(RegularFiles.presence(full)).isEqualTo(new RegularFiles.Presence(RegularFiles.Presence.Kind.PRESENT, ""));
        assertThat(RegularFiles.presence(Files.createFile(tmp.resolve("empty.h5"))))
                .isEqualTo(new RegularFiles.Presence(RegularFiles.Presence.Kind.ABSENT_OR_EMPTY, "empty"));
        assertThat(RegularFiles.presence(tmp.resolve("absent.h5")))
                .isEqualTo(new RegularFiles.Presence(RegularFiles.Presence.Kind.ABSENT_OR_EMPTY, "absent"));
        assertThat(RegularFiles.presence(Files.createDirectory(tmp.resolve("dir.h5"))))
                .isEqualTo(new RegularFiles.Presence(RegularFiles.Presence.Kind.ABSENT_OR_EMPTY, "is a directory, not a regular file"));
        assertThat(RegularFiles.presence(Files.createSymbolicLink(tmp.resolve("link.h5"), full)).kind())
                .isEqualTo(RegularFiles.Presence.Kind.PRESENT);
        // a symbolic-link loop cannot be looked at: neither there nor missing (a permission test would not hold as root)
        Path loop = Files.createSymbolicLink(tmp.resolve("a.h5"), tmp.resolve("b.h5"));
        Files.createSymbolicLink(tmp.resolve("b.h5"), loop);
        RegularFiles.Presence p = RegularFiles.presence(loop);
        assertThat(p.kind()).isEqualTo(RegularFiles.Presence.Kind.UNREADABLE);
        assertThat(p.detail()).containsIgnoringCase("symbolic links");
    }

    @Test
    @Timeout(10)
    void aFifoIsNotPresentAndIsNotOpened() throws Exception {
        assertThat(RegularFiles.presence(fifo("out.h5")))
                .isEqualTo(new RegularFiles.Presence(RegularFiles.Presence.Kind.ABSENT_OR_EMPTY, "is a FIFO (named pipe), not a regular file"));
    }
}
