package org.runops.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two JVMs appending to one ledger at once: every line whole, none lost (the file lock works across processes). */
class RunLedgerProcessTest {

    @TempDir
    Path tmp;

    @Test
    void twoProcessesAppendingTogetherNeverInterleave() throws Exception {
        Path ledger = tmp.resolve("analyzedruns.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> processes = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            processes.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    LedgerAppender.class.getName(), ledger.toString(), Long.toString(p * 100_000L), "300")
                    .redirectErrorStream(true).redirectOutput(tmp.resolve("p" + p + ".log").toFile()).start());
        }
        for (Process p : processes) {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
        }
        RunLedger all = RunLedger.open(ledger);
        assertThat(all.problems()).isEmpty();
        assertThat(all.entries()).hasSize(600);
        assertThat(all.runs()).hasSize(600);
    }
}
