package org.runops.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Named pipes for tests that prove a reader never opens one (opening a FIFO for reading blocks until a writer comes). */
public final class Fifos {

    private Fifos() {}

    /** Makes a FIFO at {@code path} with {@code mkfifo}, skipping the calling test where that cannot be done. */
    public static Path create(Path path) {
        try {
            Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
            assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "skipped: mkfifo failed here");
        } catch (IOException e) {
            assumeTrue(false, "skipped: no mkfifo on this machine (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            assumeTrue(false, "skipped: interrupted while making a FIFO");
        }
        return path;
    }
}
