package org.runops.calo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real files on disk: present, absent, empty, a directory, a symbolic-link loop, a directory without permission. */
class FileValidatorTest {
    @TempDir
    Path tmp;

    private static CatalogFile file(Path p, int seg) {
        return new CatalogFile(68001, seg, "t", "HIST_CALOQA", p.toString(), Instant.EPOCH, OptionalLong.empty());
    }

    @Test
    void validMissingAndUndecidedInInputOrder() throws IOException {
        Path ok1 = Files.writeString(tmp.resolve("HIST_CALOQA-0.root"), "x");
        Path empty = Files.createFile(tmp.resolve("HIST_CALOQA-1.root"));
        Path absent = tmp.resolve("HIST_CALOQA-2.root");
        Path dir = Files.createDirectory(tmp.resolve("HIST_CALOQA-3.root"));
        Path loop = Files.createSymbolicLink(tmp.resolve("HIST_CALOQA-4.root"), tmp.resolve("HIST_CALOQA-4.root"));
        Path ok2 = Files.writeString(tmp.resolve("HIST_CALOQA-5.root"), "yy");
        Path absentDir = tmp.resolve("no/such/dir/HIST_CALOQA-6.root");
        List<CatalogFile> files = List.of(file(ok1, 0), file(empty, 1), file(absent, 2), file(dir, 3), file(loop, 4), file(ok2, 5),
                file(absentDir, 6), new CatalogFile(68001, 7, "t", "HIST_CALOQA", "bad\0path", Instant.EPOCH, OptionalLong.empty()));

        FileValidation v = FileValidator.create(3, Duration.ofMinutes(1)).validate(files);

        assertThat(v.valid()).containsExactly(files.get(0), files.get(5));
        assertThat(v.missing()).extracting(p -> p.file().segment(), p -> p.reason().replace('\0', '0')).containsExactly(
                tuple(1, "empty"), tuple(2, "absent"),
                tuple(3, "is a directory, not a regular file"), tuple(6, "absent"),
                tuple(7, "not a valid path: Nul character not allowed: bad0path"));
        assertThat(v.missingPaths()).containsExactly(empty.toString(), absent.toString(), dir.toString(), absentDir.toString(), "bad\0path");
        // a symbolic-link loop is an I/O error other than "absent": undecided, never condemned
        assertThat(v.undecided()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(files.get(4));
            assertThat(p.reason()).containsIgnoringCase("symbolic links");
        });
    }

    @Test
    void aDirectoryWithoutPermissionIsUndecided() throws IOException {
        // root reads through any permission, so this case cannot be made as root
        assumeFalse("root".equals(System.getProperty("user.name")), "running as root: permissions do not stop root, case not testable here");
        Path locked = Files.createDirectory(tmp.resolve("locked"));
        Path inside = Files.writeString(locked.resolve("HIST_CALOQA-0.root"), "x");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            FileValidation v = FileValidator.defaults().validate(List.of(file(inside, 0)));
            assertThat(v.valid()).isEmpty();
            assertThat(v.missing()).isEmpty();
            assertThat(v.undecided()).singleElement().satisfies(p -> assertThat(p.reason()).isEqualTo("permission denied"));
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void manyFilesOnAFewThreadsKeepTheirOrder() throws IOException {
        List<CatalogFile> files = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Path p = tmp.resolve("f" + i);
            if (i % 7 != 0) {
                Files.writeString(p, "data " + i);
            }
            files.add(file(p, i));
        }
        FileValidation v = FileValidator.create(4, Duration.ofMinutes(1)).validate(files);
        assertThat(v.valid()).hasSize(500 - 72).isSortedAccordingTo((a, b) -> Integer.compare(a.segment(), b.segment()));
        assertThat(v.missing()).hasSize(72).allSatisfy(p -> assertThat(p.file().segment() % 7).isZero());
        assertThat(FileValidator.defaults().validate(List.of())).isEqualTo(new FileValidation(List.of(), List.of(), List.of()));
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> FileValidator.create(0, Duration.ofSeconds(1))).hasMessageContaining("parallelism");
        assertThatThrownBy(() -> FileValidator.create(1, Duration.ZERO)).hasMessageContaining("timeout");
        assertThat(FileValidator.defaults().toString()).contains("parallelism=" + Runtime.getRuntime().availableProcessors(), "timeout=5m");
    }
}
