package org.runops.core.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real processes: output to the log, exit codes kept, the whole tree stopped at the timeout. */
class ProcessRunnerTest {

    @TempDir
    Path tmp;

    private final ProcessRunner runner = ProcessRunner.create().withGracePeriod(Duration.ofMillis(500));

    @Test
    void outputAndErrorGoToTheLogAndTheExitCodeIsKept() throws IOException {
        Path log = tmp.resolve("logs/run1.log");
        ProcessResult r = runner.run(new ProcessSpec(List.of("sh", "-c", "echo out; echo err >&2; echo $RUNOPS_RUN; exit 3"),
                tmp, Map.of("RUNOPS_RUN", "338999"), Duration.ofSeconds(30), log));
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.timedOut()).isFalse();
        assertThat(r.succeeded()).isFalse();
        assertThat(Files.readString(log)).startsWith("# runops ").contains("out\n").contains("err\n").contains("338999\n");
        assertThat(r.summary()).contains("exit code 3");
    }

    @Test
    void workingDirectoryIsUsedAndSuccessIsZero() throws IOException {
        ProcessResult r = runner.run(ProcessSpec.of(List.of("sh", "-c", "pwd > where.txt"), tmp, Duration.ofSeconds(30), tmp.resolve("l.log")));
        assertThat(r.succeeded()).isTrue();
        assertThat(Files.readString(tmp.resolve("where.txt")).trim()).isEqualTo(tmp.toRealPath().toString());
    }

    @Test
    void aTimeoutStopsTheProcessAndItsChildren() throws Exception {
        Path pidFile = tmp.resolve("child.pid");
        ProcessResult r = runner.run(ProcessSpec.of(
                List.of("sh", "-c", "sleep 60 & echo $! > " + pidFile + "; wait"), tmp, Duration.ofMillis(700), tmp.resolve("t.log")));
        assertThat(r.timedOut()).isTrue();
        assertThat(r.succeeded()).isFalse();
        assertThat(r.duration()).isLessThan(Duration.ofSeconds(20));
        long child = Long.parseLong(Files.readString(pidFile).trim());
        for (int i = 0; i < 50 && ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false); i++) {
            Thread.sleep(100);
        }
        assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false)).as("child %d still running", child).isFalse();
    }

    @Test
    void aMissingCommandIsAClearError() {
        assertThatThrownBy(() -> runner.run(ProcessSpec.of(List.of("/no/such/analysis.sh"), tmp, Duration.ofSeconds(5), tmp.resolve("m.log"))))
                .isInstanceOf(ExecException.class).hasMessageContaining("/no/such/analysis.sh").hasMessageContaining("cannot start");
    }

    @Test
    void commandTemplatesExpandInsideWordsOnly() {
        CommandTemplate t = CommandTemplate.parse("sh /opt/cmssw/scripts/run_analysis_CC7.sh {run} False True {partition} False False True True");
        assertThat(t.expand(Map.of("run", "338999", "partition", "TI_27-JAN-2010_2")))
                .containsExactly("sh", "/opt/cmssw/scripts/run_analysis_CC7.sh", "338999", "False", "True", "TI_27-JAN-2010_2",
                        "False", "False", "True", "True");
        assertThat(CommandTemplate.parse("x --log=run{run}.log").expand(Map.of("run", "a b; rm -rf /"))).containsExactly("x", "--log=runa b; rm -rf /.log");
        assertThatThrownBy(() -> t.expand(Map.of("run", "1"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{partition}");
    }
}
