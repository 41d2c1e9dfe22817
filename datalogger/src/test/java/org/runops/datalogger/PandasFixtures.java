package org.runops.datalogger;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Writes the original scripts' files with the real pandas + PyTables of Debian's {@code python3-pandas}
 * and {@code python3-tables} ({@code /usr/bin/python3}; the pyenv python on PATH lacks them). Tests
 * that use it are skipped, with the reason, where those packages are not installed.
 */
final class PandasFixtures {
    static final String PYTHON = "/usr/bin/python3";

    private PandasFixtures() {}

    /** Runs {@code script} with the working directory {@code dir}; skips the test when pandas/PyTables are absent. */
    static void run(Path dir, String script) throws IOException, InterruptedException {
        assumeTrue(available(), "skipped: " + PYTHON + " with pandas and tables (Debian python3-pandas, python3-tables) is not installed");
        Path file = dir.resolve("make_fixture.py");
        Files.writeString(file, script);
        Process p = new ProcessBuilder(PYTHON, file.toString()).directory(dir.toFile()).redirectErrorStream(true).start();
        boolean done = p.waitFor(120, TimeUnit.SECONDS);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!done) {
            p.destroyForcibly();
            throw new IllegalStateException("fixture script did not finish in 120 s: " + out);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("fixture script failed (exit " + p.exitValue() + "): " + out);
        }
    }

    private static boolean available() {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return false;
        }
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import pandas, tables").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
