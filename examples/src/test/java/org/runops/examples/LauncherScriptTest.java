package org.runops.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code src/main/bin/runops} run by {@code /bin/sh} as installed (bin/ beside runops.jar), with a stand-in {@code java}
 * that prints the arguments it was given: which java it finds, the flags it passes, and its messages when it cannot run.
 */
class LauncherScriptTest {
    @TempDir
    Path tmp;

    private Path script;

    @BeforeEach
    void install() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs a POSIX /bin/sh");
        Path bin = Files.createDirectories(tmp.resolve("dist/bin"));
        script = Files.copy(Path.of("src/main/bin/runops"), bin.resolve("runops"));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(tmp.resolve("dist/runops.jar"), "stand-in");
    }

    /** A JDK folder whose bin/java reports {@code version} and prints each argument on its own line. */
    private Path jdk(String name, String version) throws IOException {
        Path java = Files.createDirectories(tmp.resolve(name).resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n"
                + "if [ \"$1\" = -version ]; then echo 'openjdk version \"" + version + "\" 2025-04-15' >&2; exit 0; fi\n"
                + "for a in \"$@\"; do echo \"$a\"; done\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return tmp.resolve(name);
    }

    private record Result(int exitCode, List<String> out, String err) {}

    private Result run(Path command, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(command.toString()));
        line.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(line).redirectOutput(tmp.resolve("out").toFile()).redirectError(tmp.resolve("err").toFile());
        pb.environment().remove("RUNOPS_JAVA_OPTS");
        pb.environment().putAll(env);
        Process p = pb.start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), Files.readAllLines(tmp.resolve("out")), Files.readString(tmp.resolve("err")));
    }

    @Test
    void runsTheJarBesideItWithTheArchiveAndShortRunFlagsThroughASymlink() throws Exception {
        Path link = Files.createSymbolicLink(Files.createDirectories(tmp.resolve("home/bin")).resolve("runops"), Path.of("../../dist/bin/runops"));
        Path dist = tmp.resolve("dist").toRealPath();
        Files.writeString(dist.resolve("runops-jdk17.jsa"), "stand-in");
        Result r = run(link, Map.of("JAVA_HOME", jdk("jdk17", "17.0.15").toString()), "oms", "runs", "--hlt key", "");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).containsExactly("-XX:SharedArchiveFile=" + dist.resolve("runops-jdk17.jsa"), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Xlog:disable", "-Xlog:all=warning:stderr", "-jar", dist.resolve("runops.jar").toString(), "oms", "runs", "--hlt key", "");
    }

    /** Another Java given the JDK 17 archive logs errors about it on every run; on stdout they would corrupt the data. */
    @Test
    void passesTheArchiveOnlyToTheJavaItWasMadeFor() throws Exception {
        Files.writeString(tmp.resolve("dist/runops-jdk17.jsa"), "stand-in");
        Result r = run(script, Map.of("JAVA_HOME", jdk("jdk21", "21.0.2").toString()), "oms", "runs");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).noneMatch(a -> a.startsWith("-XX:SharedArchiveFile")).containsSubsequence("-Xlog:disable", "-Xlog:all=warning:stderr", "-jar");
        Files.delete(tmp.resolve("dist/runops-jdk17.jsa"));
        assertThat(run(script, Map.of("JAVA_HOME", jdk("jdk17", "17.0.15").toString()), "--help").out())
                .as("no archive built (-Dmaven.test.skip=true)").noneMatch(a -> a.startsWith("-XX:SharedArchiveFile"));
    }

    @Test
    void servicesKeepC2AndRunopsJavaOptsComeLast() throws Exception {
        Map<String, String> env = Map.of("JAVA_HOME", jdk("jdk21", "21.0.2").toString(), "RUNOPS_JAVA_OPTS", "-Xmx2g -Xshare:off");
        for (String[] service : List.of(new String[] {"strip", "daemon"}, new String[] {"-v", "datalogger", "timeline"})) {
            Result r = run(script, env, service);
            assertThat(r.out()).as(String.join(" ", service)).doesNotContain("-XX:TieredStopAtLevel=1")
                    .containsSubsequence("-XX:+UseSerialGC", "-Xmx2g", "-Xshare:off", "-jar");
        }
        assertThat(run(script, env, "datalogger", "nanny", "--run-once").out()).containsSubsequence("-XX:TieredStopAtLevel=1", "-Xmx2g", "-Xshare:off", "-jar");
    }

    @Test
    void refusesAnOldOrMissingJavaWithAMessage() throws Exception {
        Result old = run(script, Map.of("JAVA_HOME", jdk("jdk8", "1.8.0_402").toString()), "--help");
        assertThat(old.exitCode()).isEqualTo(2);
        assertThat(old.err()).contains("is Java 8", "needs Java 17 or newer");
        Result missing = run(script, Map.of("JAVA_HOME", tmp.resolve("nowhere").toString()), "--help");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains(tmp.resolve("nowhere/bin/java").toString(), "not an executable java");
        Files.delete(tmp.resolve("dist/runops.jar"));
        Result noJar = run(script, Map.of("JAVA_HOME", jdk("jdk17", "17.0.15").toString()), "--help");
        assertThat(noJar.exitCode()).isEqualTo(2);
        assertThat(noJar.err()).contains("runops.jar is missing");
    }
}
