package org.runops.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cases where {@link CdsTraining} makes no archive instead of failing the build. */
class CdsTrainingTest {
    private static final String HOTSPOT = "OpenJDK 64-Bit Server VM";

    @TempDir
    Path tmp;

    /** A checkout under e.g. ~/My Projects: the build goes on without an archive, and an older one is removed. */
    @Test
    void skipsAJarPathWithASpaceAndRemovesAnOldArchive() throws Exception {
        Path jar = Files.writeString(Files.createDirectories(tmp.resolve("My Projects/target")).resolve("runops.jar"), "stand-in");
        Path old = Files.writeString(tmp.resolve("runops-jdk" + Runtime.version().feature() + ".jsa"), "made before the move");
        CdsTraining.main(List.of(jar, tmp, tmp.resolve("cds"), tmp.resolve("bin/runops")).stream().map(Path::toString).toArray(String[]::new));
        assertThat(old).doesNotExist();
        assertThat(tmp.resolve("cds")).doesNotExist();
        String real = jar.toRealPath().toString();
        assertThat(CdsTraining.skipReason(jar.toRealPath(), HOTSPOT)).hasValueSatisfying(r -> assertThat(r).contains("spaces", real));
        assertThat(CdsTraining.skipReason(tmp.resolve("target/runops.jar"), HOTSPOT)).isEmpty();
    }

    /** OpenJ9 (IBM Semeru) ignores -XX:DumpLoadedClassList and has no -Xshare:dump: the build goes on without an archive. */
    @Test
    void skipsAVmOtherThanHotSpot() {
        Path jar = tmp.resolve("target/runops.jar");
        assertThat(CdsTraining.skipReason(jar, "Eclipse OpenJ9 VM")).hasValue("Eclipse OpenJ9 VM has no HotSpot class-data sharing");
        assertThat(CdsTraining.skipReason(jar, "Java HotSpot(TM) 64-Bit Server VM")).isEmpty();
        assertThat(CdsTraining.skipReason(jar, System.getProperty("java.vm.name"))).as("this build's JVM").isEmpty();
    }

    /** When one training run fails, the others are interrupted: their JVMs must not outlive the build. */
    @Test
    void anInterruptedRunEndsItsProcess() throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread runner = new Thread(() -> {
            try {
                CdsTraining.run(CdsTraining.process(List.of("sleep", "300"), tmp, System.getenv()), tmp.resolve("out"), tmp.resolve("err"));
            } catch (Exception e) {
                thrown.set(e);
            }
        });
        runner.start();
        ProcessHandle sleep = null;
        for (int i = 0; i < 500 && sleep == null; i++) {
            sleep = ProcessHandle.current().children().filter(h -> h.info().command().orElse("").endsWith("sleep")).findFirst().orElse(null);
            Thread.sleep(10);
        }
        assertThat(sleep).as("the sleep process started").isNotNull();
        runner.interrupt();
        runner.join(30_000);
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        assertThat(sleep.onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();
    }

    @Test
    void trainingProcessesRunInTheWorkFolderWithoutRunopsOrJvmOptionVariables() throws Exception {
        Map<String, String> env = Map.of("PATH", System.getenv("PATH"), "HOME", "/home/operator", "RUNOPS_OMS_CLIENT_ID", "operator",
                "RUNOPS_OMS_CLIENT_SECRET", "secret", "JAVA_TOOL_OPTIONS", "-Xmx1m", "JDK_JAVA_OPTIONS", "-Xint", "_JAVA_OPTIONS", "-Xint");
        Path work = Files.createDirectories(tmp.resolve("work"));
        CdsTraining.run(CdsTraining.process(List.of("sh", "-c", "env; pwd -P"), work, env), tmp.resolve("out"), tmp.resolve("err"));
        List<String> lines = Files.readAllLines(tmp.resolve("out"));
        assertThat(lines).contains("HOME=/home/operator", work.toRealPath().toString())
                .noneMatch(l -> l.startsWith("RUNOPS_") || l.contains("JAVA_OPTIONS") || l.startsWith("JAVA_TOOL_OPTIONS"));
    }

    /** The archive keeps a subtree's classes only if the tour printed that command's usage. */
    @Test
    void theHelpTourPrintsTheUsageOfEveryTopLevelCommand() {
        Map<String, String> usages = CdsTraining.HelpTour.tour();
        assertThat(usages).hasSizeGreaterThanOrEqualTo(13);
        usages.forEach((command, usage) -> assertThat(usage).as(command).contains("Usage: runops " + command + " "));
    }
}
