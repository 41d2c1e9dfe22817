package org.runops.core.root;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.runops.testing.RootFileWriter;
import org.runops.testing.RootFileWriter.Compression;
import org.runops.core.root.RootTreeCount.Status;

/**
 * A file that cannot be read now is not a damaged file: I/O errors, interrupts and paths that are
 * not regular files give an indeterminate status, never ZOMBIE, NO_SUCH_TREE or UNREADABLE_FORMAT.
 */
class RootFileReadFailureTest {

    @TempDir
    Path tmp;

    @Test
    void aDirectoryWhereTheFileShouldBeIsAnIoErrorNotAZombie() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("run1.root"));
        Files.writeString(dir.resolve("x"), "a directory holds something");
        RootTreeCount c = RootFiles.entries(dir, "Events");
        assertThat(c.status()).as(c.detail()).isEqualTo(Status.IO_ERROR);
        assertThat(c.status().indeterminate()).isTrue();
        assertThat(c.detail()).contains(dir.toString()).contains("a directory");
        try (RootFile f = RootFile.open(dir)) {
            assertThat(f.isZombie()).as("ROOT's answer for a file it cannot open").isTrue();
            assertThat(f.readFailure()).isPresent();
        }
    }

    @Test
    void aFifoIsNeverOpenedForReading() throws Exception {
        Path fifo = org.runops.testing.Fifos.create(tmp.resolve("run2.root"));
        // Opening a FIFO for reading blocks until a writer comes; the reader must not try.
        RootTreeCount c = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> RootFiles.entries(fifo, "Events"));
        assertThat(c.status()).as(c.detail()).isEqualTo(Status.IO_ERROR);
        assertThat(c.detail()).contains("is a FIFO (named pipe), not a regular file");
    }

    @Test
    void aMissingFileIsMissing() {
        RootTreeCount c = RootFiles.entries(tmp.resolve("absent.root"), "Events");
        assertThat(c.status()).isEqualTo(Status.MISSING);
        assertThat(c.status().indeterminate()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = Compression.class, names = {"NONE", "ZLIB", "LZMA", "LZ4", "ZSTD"})
    void aReadErrorOnTheTreeRecordIsAnIoErrorInEveryCompression(Compression compression) {
        Path p = RootFileWriter.create().compression(compression).tree("Events", 1750).write(tmp.resolve("c.root"));
        AtomicBoolean diskDies = new AtomicBoolean();
        try (RootFile f = RootFile.open(p, RootFile.Verification.FULL,
                path -> new FailingChannel(FileChannel.open(path, StandardOpenOption.READ), at -> diskDies.get()))) {
            assertThat(f.isZombie()).isFalse();
            diskDies.set(true);
            assertThatThrownBy(() -> f.entries("Events")).isInstanceOf(RootReadException.class)
                    .hasMessageContaining(p.toString()).hasMessageContaining("Input/output error");
            RootTreeCount c = RootFiles.count(f, "Events");
            assertThat(c.status()).as(c.detail()).isEqualTo(Status.IO_ERROR);
            assertThat(c.entries()).isEmpty();
        }
    }

    @Test
    void aReadErrorWhileOpeningIsAnIoErrorNotAZombie() {
        Path p = RootFileWriter.create().tree("Events", 5).write(tmp.resolve("o.root"));
        try (RootFile f = RootFile.open(p, RootFile.Verification.FULL,
                path -> new FailingChannel(FileChannel.open(path, StandardOpenOption.READ), at -> at > 0))) {
            RootTreeCount c = RootFiles.count(f, "Events");
            assertThat(c.status()).as(c.detail()).isEqualTo(Status.IO_ERROR);
            assertThat(f.readFailure()).hasValueSatisfying(e -> assertThat(e).hasMessageContaining("Input/output error"));
        }
    }

    @Test
    void anInterruptedReaderDoesNotCloseTheFileForTheOthers() throws Exception {
        Path p = RootFileWriter.create().compression(Compression.ZLIB).tree("Events", 1750).write(tmp.resolve("shared.root"));
        try (RootFile f = RootFile.open(p)) {
            // A pending interrupt makes FileChannel close itself at the next read: for every thread.
            Thread.currentThread().interrupt();
            try {
                assertThatThrownBy(() -> f.entries("Events")).isInstanceOfSatisfying(RootReadException.class,
                        e -> assertThat(e.interrupted()).isTrue());
            } finally {
                Thread.interrupted();
            }
            assertThat(f.entries("Events")).as("the next read reopens the file").hasValue(1750);
        }
    }

    @Test
    void oneReaderKeepsReadingWhileAnotherIsInterruptedOverAndOver() throws Exception {
        Path p = RootFileWriter.create().compression(Compression.ZSTD).tree("Events", 42).write(tmp.resolve("shared.root"));
        try (RootFile f = RootFile.open(p)) {
            AtomicBoolean stop = new AtomicBoolean();
            AtomicReference<Throwable> readerFailure = new AtomicReference<>();
            AtomicInteger reads = new AtomicInteger();
            CountDownLatch started = new CountDownLatch(1);
            Thread reader = new Thread(() -> {
                started.countDown();
                try {
                    while (!stop.get()) {
                        assertThat(f.entries("Events")).hasValue(42);
                        reads.incrementAndGet();
                    }
                } catch (Throwable t) {
                    readerFailure.set(t);
                }
            }, "steady-reader");
            reader.start();
            started.await();
            int interrupted = 0;
            for (int i = 0; i < 200; i++) {
                Thread.currentThread().interrupt();
                try {
                    f.entries("Events");
                } catch (RootReadException e) {
                    assertThat(e.interrupted()).as(e.getMessage()).isTrue();
                    interrupted++;
                } finally {
                    Thread.interrupted();
                }
            }
            stop.set(true);
            reader.join(10_000);
            assertThat(readerFailure.get()).as("the steady reader never failed").isNull();
            assertThat(interrupted).isEqualTo(200);
            assertThat(reads.get()).isPositive();
        }
    }

    @Test
    void manyFilesWithOneUnreadableReportItInItsPlace() throws IOException {
        Path good = RootFileWriter.create().tree("Events", 3).write(tmp.resolve("g.root"));
        Path dir = Files.createDirectories(tmp.resolve("d.root"));
        List<RootTreeCount> counts = RootFiles.entries(List.of(good, dir, good), "Events", 2);
        assertThat(counts).extracting(RootTreeCount::status).containsExactly(Status.OK, Status.IO_ERROR, Status.OK);
    }
}
