package org.runops.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a timed process sees and reports: a clean Java environment, its exit code, its output; never a time. */
class ProcessTimerTest {
    @Test
    void theCallersJvmOptionsAreRemovedAndJavaHomeIsTheHarnessJdk() {
        Map<String, String> env = new HashMap<>(Map.of("RUNOPS_JAVA_OPTS", "-XX:TieredStopAtLevel=4", "JAVA_TOOL_OPTIONS", "-Xint",
                "JDK_JAVA_OPTIONS", "-Xint", "_JAVA_OPTIONS", "-Xint", "JAVA_HOME", "/opt/jdk-25", "PATH", "/usr/bin"));

        ProcessTimer.cleanJavaEnvironment(env);

        assertThat(env).containsOnly(Map.entry("JAVA_HOME", System.getProperty("java.home")), Map.entry("PATH", "/usr/bin"));
    }

    @Test
    void aChildSeesOnlyTheVariablesItIsGiven(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out.txt");

        ProcessTimer.Run run = new ProcessTimer(dir, Duration.ofMinutes(1)).run(
                List.of("sh", "-c", "echo \"[$RUNOPS_JAVA_OPTS][$JAVA_HOME]\"; exit 3"), dir, out, Map.of("RUNOPS_JAVA_OPTS", "-Xshare:on"));

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(Files.readString(out)).isEqualTo("[-Xshare:on][" + System.getProperty("java.home") + "]\n");
    }

    @Test
    void shTimesIsAFallbackThatKeepsTheExitCodeAndParses(@TempDir Path dir) throws Exception {
        Path rusage = dir.resolve("rusage.txt");
        Process p = new ProcessBuilder(ProcessTimer.wrapped(ProcessTimer.CpuSource.SH_TIMES, rusage, List.of("sh", "-c", "exit 4")))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();

        assertThat(p.waitFor()).isEqualTo(4);
        assertThat(ProcessTimer.cpu(ProcessTimer.CpuSource.SH_TIMES, rusage)).isNotNaN().isGreaterThanOrEqualTo(0);
    }

    @Test
    void cpuTimesParseInBothFormatsAndNothingElse(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("rusage.txt");
        Files.writeString(f, "0m0.01s 0m0.02s\n1m0.61s 0m0.04s\n");
        assertThat(ProcessTimer.cpu(ProcessTimer.CpuSource.SH_TIMES, f)).isCloseTo(60.65, org.assertj.core.data.Offset.offset(1e-9));
        Files.writeString(f, "Command exited with non-zero status 2\n0.50 0.25\n");
        assertThat(ProcessTimer.cpu(ProcessTimer.CpuSource.GNU_TIME, f)).isEqualTo(0.75);
        Files.writeString(f, "BusyBox v1.36 usage: time [-v] PROG ARGS\n");
        assertThat(ProcessTimer.cpu(ProcessTimer.CpuSource.GNU_TIME, f)).isNaN();
        assertThat(ProcessTimer.cpu(ProcessTimer.CpuSource.NONE, f)).isNaN();
    }
}
