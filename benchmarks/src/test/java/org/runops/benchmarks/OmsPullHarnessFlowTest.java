package org.runops.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.runops.testing.SharedData;

/**
 * The whole OMS pull harness on 2,000 rows, one timed round, with stand-in clients ({@link FakeRunops}) that each
 * break one check: every broken one is FAILED in the table, the correct one is not. Rows and notes only, never times.
 */
class OmsPullHarnessFlowTest {
    @Test
    void everyWrongPullIsFailedAndNotTimed() throws Exception {
        SharedData.require(OmsRunRows.SOURCE.substring("data/".length())); // skips without ../shared
        String fake = Path.of(System.getProperty("java.home"), "bin", "java") + " -cp " + System.getProperty("java.class.path") + " "
                + FakeRunops.class.getName();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        OmsPullHarness.run(new String[] {"--runs", "2000", "--repeat", "1", "--formats", "csv", "--jar", "/nonexistent/runops.jar",
                "--launcher", "/nonexistent/bin/runops", "--python", "/nonexistent/python3",
                "--variant", "full=" + fake + " full", "--variant", "short=" + fake + " short",
                "--variant", "garbled=" + fake + " garbled", "--variant", "onepage=" + fake + " onepage"},
                new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String table = bytes.toString(StandardCharsets.UTF_8);
        assertThat(row(table, "full csv")).doesNotContain("FAILED").contains("2000 runs");
        assertThat(row(table, "short csv")).contains("**FAILED**", "1999 rows");
        assertThat(row(table, "garbled csv")).contains("**FAILED**", "output differs from full's (sha ");
        assertThat(row(table, "onepage csv")).contains("**FAILED**", "did not pull: 1 requests, expected ≥ 2");
    }

    private static String row(String table, String label) {
        return table.lines().filter(l -> l.startsWith("| " + label + " |")).findFirst().orElseThrow(() -> new AssertionError(label + " in\n" + table));
    }
}
