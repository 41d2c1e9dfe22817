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
import picocli.CommandLine;

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
        script = install(tmp.resolve("dist"));
    }

    /** bin/runops and a stand-in runops.jar in {@code dist}, as the build lays them out; returns the script. */
    private static Path install(Path dist) throws IOException {
        Path bin = Files.createDirectories(dist.resolve("bin"));
        Path script = Files.copy(Path.of("src/main/bin/runops"), bin.resolve("runops"));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(dist.resolve("runops.jar"), "stand-in");
        return script;
    }

    /** A JDK folder with a {@code release} file naming {@code version}, and a {@link #jdkWithoutRelease} java. */
    private Path jdk(String name, String version) throws IOException {
        Path home = jdkWithoutRelease(name, version);
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Stand-in\"\nJAVA_VERSION=\"" + version + "\"\nOS_NAME=\"Linux\"\n");
        return home;
    }

    /**
     * A JDK folder whose bin/java prints each argument on its own line, or for {@code -version} reports {@code version}
     * and notes the call in {@code version-forks} (a JVM start the launcher avoids when it can).
     */
    private Path jdkWithoutRelease(String name, String version) throws IOException {
        Path java = Files.createDirectories(tmp.resolve(name).resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n"
                + "if [ \"$1\" = -version ]; then echo -version >> '" + tmp.resolve(name).resolve("version-forks") + "';"
                + " echo 'openjdk version \"" + version + "\" 2025-04-15' >&2; exit 0; fi\n"
                + "for a in \"$@\"; do echo \"$a\"; done\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return tmp.resolve(name);
    }

    private record Result(int exitCode, List<String> out, String err) {}

    private Result run(Path command, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(command.toString()));
        line.addAll(List.of(args));
        return run(tmp, env, line);
    }

    private Result run(Path dir, Map<String, String> env, List<String> line) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(line).directory(dir.toFile())
                .redirectOutput(tmp.resolve("out").toFile()).redirectError(tmp.resolve("err").toFile());
        pb.environment().remove("RUNOPS_JAVA_OPTS");
        pb.environment().remove("JAVA_HOME");
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
    void findsItsHomeInAFolderWithASpaceAndThroughASymlinkedBinFolder() throws Exception {
        Map<String, String> env = Map.of("JAVA_HOME", jdk("jdk17", "17.0.15").toString());
        Path spaced = tmp.resolve("My Projects/dist");
        Result r = run(install(spaced), env, "--help");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).containsSubsequence("-jar", spaced.toRealPath().resolve("runops.jar").toString(), "--help");

        Path linkedBin = Files.createSymbolicLink(Files.createDirectories(tmp.resolve("opt/runops")).resolve("bin"), tmp.resolve("dist/bin"));
        r = run(linkedBin.resolve("runops"), env, "--help");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).containsSubsequence("-jar", tmp.resolve("dist/runops.jar").toRealPath().toString(), "--help");
    }

    @Test
    void findsItsHomeWhenRunByRelativePathsWithCdpathSet() throws Exception {
        Map<String, String> env = Map.of("JAVA_HOME", jdk("jdk17", "17.0.15").toString(), "CDPATH", ".");
        String jar = tmp.resolve("dist/runops.jar").toRealPath().toString();
        Result r = run(tmp, env, List.of("/bin/sh", "dist/bin/runops", "--help"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).containsSubsequence("-jar", jar, "--help");

        Path cwd = Files.createDirectories(tmp.resolve("work"));
        Files.createSymbolicLink(cwd.resolve("runops"), Path.of("../dist/bin/runops"));
        r = run(cwd, env, List.of("/bin/sh", "runops", "--help"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).containsSubsequence("-jar", jar, "--help");
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

    /** The script names the services as text: a renamed command would silently lose C2. */
    @Test
    void theServicesTheScriptNamesAreCommandsOfTheCli() throws IOException {
        String services = Files.readAllLines(Path.of("src/main/bin/runops")).stream().filter(l -> l.endsWith(") jit= ;;")).findFirst()
                .orElseThrow(() -> new AssertionError("no services line in bin/runops"));
        List<String> pairs = List.of(services.strip().replaceFirst("\\) jit= ;;$", "").replace("\"", "").split("\\|"));
        assertThat(pairs).containsExactly("strip daemon", "datalogger timeline");
        CommandLine cli = RunopsCli.wholeTree(new RunopsCli());
        for (String pair : pairs) {
            String[] words = pair.split(" ");
            assertThat(cli.getSubcommands().get(words[0]).getSubcommands()).as(pair).containsKey(words[1]);
        }
    }

    @Test
    void readsTheVersionFromTheReleaseFileWithoutStartingAJvm() throws Exception {
        Path jdk21 = jdk("jdk21", "21.0.2");
        Files.writeString(tmp.resolve("dist/runops-jdk21.jsa"), "stand-in");
        Result r = run(script, Map.of("JAVA_HOME", jdk21.toString()), "--help");
        assertThat(r.out()).as(r.err()).contains("-XX:SharedArchiveFile=" + tmp.resolve("dist/runops-jdk21.jsa").toRealPath());
        assertThat(jdk21.resolve("version-forks")).doesNotExist();

        // java on PATH as /usr/bin/java -> /etc/alternatives/java -> the JDK: its release file is found through the links
        Path alternatives = Files.createSymbolicLink(Files.createDirectories(tmp.resolve("etc")).resolve("java"), jdk21.resolve("bin/java"));
        Path usrBin = Files.createDirectories(tmp.resolve("usr/bin"));
        Files.createSymbolicLink(usrBin.resolve("java"), Path.of("../../etc/java"));
        r = run(script, Map.of("PATH", usrBin + ":/usr/bin:/bin"), "--help");
        assertThat(r.out()).as(r.err()).contains("-XX:SharedArchiveFile=" + tmp.resolve("dist/runops-jdk21.jsa").toRealPath());
        assertThat(jdk21.resolve("version-forks")).doesNotExist();
        assertThat(alternatives).isSymbolicLink();

        Path noRelease = jdkWithoutRelease("jdk21-no-release", "21.0.2");
        r = run(script, Map.of("JAVA_HOME", noRelease.toString()), "--help");
        assertThat(r.out()).as(r.err()).contains("-XX:SharedArchiveFile=" + tmp.resolve("dist/runops-jdk21.jsa").toRealPath());
        assertThat(noRelease.resolve("version-forks")).as("falls back to java -version").exists();
    }

    @Test
    void runopsJavaOptsAreSplitButNeverGlobExpanded() throws Exception {
        Files.writeString(tmp.resolve("-Xlog:gc-matching-file:file=gc.log"), "a file the glob would match");
        Result r = run(script, Map.of("JAVA_HOME", jdk("jdk17", "17.0.15").toString(), "RUNOPS_JAVA_OPTS", "-Xlog:gc*:file=gc.log -Xmx1g"), "--help");
        assertThat(r.out()).as(r.err()).containsSubsequence("-Xlog:gc*:file=gc.log", "-Xmx1g", "-jar");
    }

    /** dash's echo would turn the \t in such a folder's name into a tab. */
    @Test
    void messagesNameAFolderWithABackslashAsItIs() throws Exception {
        Path odd = tmp.resolve("odd\\tname");
        Path oddScript = install(odd);
        Files.delete(odd.resolve("runops.jar"));
        Result r = run(oddScript, Map.of("JAVA_HOME", jdk("jdk17", "17.0.15").toString()), "--help");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(odd.toRealPath().resolve("runops.jar") + " is missing");
    }

    @Test
    void refusesAnOldOrMissingJavaWithAMessage() throws Exception {
        for (Path jdk8 : List.of(jdk("jdk8", "1.8.0_402"), jdkWithoutRelease("jdk8-no-release", "1.8.0_402"))) {
            Result old = run(script, Map.of("JAVA_HOME", jdk8.toString()), "--help");
            assertThat(old.exitCode()).isEqualTo(2);
            assertThat(old.err()).contains("is Java 8", "needs Java 17 or newer");
        }
        Result missing = run(script, Map.of("JAVA_HOME", tmp.resolve("nowhere").toString()), "--help");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains(tmp.resolve("nowhere/bin/java").toString(), "not an executable java");
        Files.delete(tmp.resolve("dist/runops.jar"));
        Result noJar = run(script, Map.of("JAVA_HOME", jdk("jdk17", "17.0.15").toString()), "--help");
        assertThat(noJar.exitCode()).isEqualTo(2);
        assertThat(noJar.err()).contains("runops.jar is missing");
    }
}
