package org.runops.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The variants both harness mains time: mistakes fail before any run, and a launcher that loses its archive is renamed. */
class VariantTest {
    private static final Map<String, String> OPTIONS = new java.util.LinkedHashMap<>();

    static {
        OPTIONS.put("before-jar", null);
        OPTIONS.put("jar", "/nonexistent/runops.jar");
        OPTIONS.put("launcher", "/nonexistent/bin/runops");
        OPTIONS.put("variant", null);
    }

    private static List<Variant> of(String... args) {
        return Variant.of(new HarnessArgs(args, OPTIONS), new ArrayList<>());
    }

    @Test
    void mistakesFailBeforeAnyRun() {
        assertThatThrownBy(() -> of("--before-jar", "/nonexistent/before.jar")).hasMessageContaining("--before-jar /nonexistent/before.jar does not exist");
        assertThatThrownBy(() -> of()).hasMessageContaining("nothing to time");
        assertThatThrownBy(() -> of("--variant", "a=true", "--variant", "a=false")).hasMessageContaining("--variant a: a variant of that name exists");
        assertThat(of("--variant", "a=sh -c  true")).containsExactly(new Variant("a", List.of("sh", "-c", "true")));
    }

    @Test
    void aLauncherThatFailsWithXshareOnIsRenamed(@TempDir Path dir) throws Exception {
        Path launcher = dir.resolve("runops");
        // a stand-in that fails the way java -Xshare:on does when its archive cannot be mapped, and succeeds without it
        Files.writeString(launcher, "#!/bin/sh\ncase \"$RUNOPS_JAVA_OPTS\" in *-Xshare:on*) echo 'Unable to use shared archive' >&2; exit 1;; esac\n");
        launcher.toFile().setExecutable(true);
        List<String> notes = new ArrayList<>();

        List<Variant> checked = Variant.checkCds(List.of(new Variant("launcher", List.of(launcher.toString())), new Variant("jar", List.of("true"))),
                new ProcessTimer(dir, Duration.ofMinutes(1)), dir, notes);

        assertThat(checked).extracting(Variant::name).containsExactly("launcher (CDS archive NOT used)", "jar");
        assertThat(notes).singleElement().asString().contains("-Xshare:on", "Unable to use shared archive");
    }
}
