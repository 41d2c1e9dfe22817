package org.runops.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the harness prints beside its timings about the machine they were taken on. */
final class Machine {
    private Machine() {}

    /** The 1, 5 and 15 minute load averages of {@code /proc/loadavg}, e.g. "0.52 0.61 0.80", or "n/a". */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return "n/a";
        }
    }

    /** Cores, and the JDK every variant runs (its {@code java.home}, see {@link ProcessTimer#cleanJavaEnvironment}). */
    static String describe() {
        return Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version") + " at "
                + System.getProperty("java.home");
    }
}
