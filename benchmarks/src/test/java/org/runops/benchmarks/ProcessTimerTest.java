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
}
