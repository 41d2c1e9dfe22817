package org.runops.core.exec.batch.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.runops.core.exec.CommandTemplate;
import org.runops.core.exec.batch.BatchException;
import org.runops.core.exec.batch.BatchSubmission;

/** The wrapper script run by a real bash, as Slurm runs it, and the sbatch arguments. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SlurmScriptsTest {
    @TempDir
    Path dir;

    private BatchSubmission submission(String command, List<String> inputs, Map<String, String> attributes) {
        return new BatchSubmission("genStatus", CommandTemplate.parse(command), inputs, dir.resolve("logs"),
                dir.resolve("work"), 512, attributes);
    }

    /** Runs the wrapper as array task {@code task} (none when null); returns exit code, stdout and stderr. */
    private String[] runWrapper(BatchSubmission s, Integer task) throws Exception {
        Files.createDirectories(s.workDirectory());
        Files.writeString(s.jobsList(), String.join("\n", s.inputs()) + "\n");
        Path wrapper = s.workDirectory().resolve("genStatus.sbatch");
        Files.writeString(wrapper, SlurmScripts.wrapper(s));
        ProcessBuilder pb = new ProcessBuilder("bash", wrapper.toString()).directory(s.workDirectory().toFile())
                .redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
        pb.environment().remove("SLURM_ARRAY_TASK_ID");
        if (task != null) {
            pb.environment().put("SLURM_ARRAY_TASK_ID", task.toString());
        }
        int rc = pb.start().waitFor();
        return new String[] {Integer.toString(rc), Files.readString(dir.resolve("out")), Files.readString(dir.resolve("err"))};
    }

    private Path printArgs() throws IOException {
        Path p = dir.resolve("args.sh");
        Files.writeString(p, "#!/bin/sh\nfor a in \"$@\"; do printf '<%s>\\n' \"$a\"; done\n", StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void taskIRunsTheCommandOnLineIPlusOneAsOneArgumentWhateverItHolds() throws Exception {
        String tricky = "/data/run 1/$HOME `id` 'q' \"d\"; rm -rf x";
        BatchSubmission s = submission("sh " + printArgs() + " --list={input} {input} it's",
                List.of("66457_new.list", tricky), Map.of());

        assertThat(runWrapper(s, 0)).containsExactly("0", "<--list=66457_new.list>\n<66457_new.list>\n<it's>\n", "");
        assertThat(runWrapper(s, 1)).containsExactly("0",
                "<--list=" + tricky + ">\n<" + tricky + ">\n<it's>\n", "");
    }

    @Test
    void aMissingLineOrAMissingTaskIdFailsSayingSo() throws Exception {
        BatchSubmission s = submission("sh " + printArgs() + " {input}", List.of("only.list"), Map.of());
        String[] r = runWrapper(s, 1);
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1]).isEmpty();
        assertThat(r[2]).contains("array task 1").contains(s.jobsList().toAbsolutePath() + " has no line 2");

        r = runWrapper(s, null);
        assertThat(r[0]).isNotEqualTo("0");
        assertThat(r[2]).contains("not an array task");
    }

    @Test
    void sbatchArgumentsNameTheArrayTheLogsTheMemoryAndTheSlurmAttributes() {
        BatchSubmission s = submission("genStatus.sh {input}", List.of("a", "b", "c", "d"),
                Map.of("--partition", "debug", "--time", "01:00:00", "+JobFlavour", "\"workday\"", "batch_name", "x"));
        Path logs = dir.resolve("logs").toAbsolutePath();
        assertThat(SlurmScripts.sbatchArguments(s, OptionalInt.empty())).containsExactly("--parsable", "--array=0-3",
                "--job-name=genStatus", "-o", logs + "/genStatus.%A_%a.out", "-e", logs + "/genStatus.%A_%a.err", "--mem=512M",
                "--chdir=" + dir.resolve("work").toAbsolutePath(), "--partition=debug", "--time=01:00:00", "genStatus.sbatch");
        assertThat(SlurmScripts.sbatchArguments(s, OptionalInt.of(2))).contains("--array=0-3%2");
    }

    @Test
    void attributesThatAreNoSbatchOptionOrReplaceOursAreRefused() {
        assertThatThrownBy(() -> SlurmScripts.sbatchArguments(submission("x {input}", List.of("a"), Map.of("--mem", "1G")),
                OptionalInt.empty())).isInstanceOf(BatchException.class).hasMessageContaining("'--mem'");
        assertThatThrownBy(() -> SlurmScripts.sbatchArguments(submission("x {input}", List.of("a"), Map.of("--Bad Key", "1")),
                OptionalInt.empty())).isInstanceOf(BatchException.class).hasMessageContaining("not an sbatch option");
    }
}
