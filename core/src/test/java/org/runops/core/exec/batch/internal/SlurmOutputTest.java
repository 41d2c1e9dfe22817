package org.runops.core.exec.batch.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.runops.core.exec.batch.BatchException;
import org.runops.core.exec.batch.BatchJobState;
import org.runops.core.exec.batch.BatchJobState.Status;

/** Parsing what Slurm 22.05 printed on the project's single-node cluster (captured 2026-12-03, array job 3 and 8). */
class SlurmOutputTest {

    /** {@code scontrol show job 3} while task 2 ran, tasks 0 and 1 had ended (trimmed to the fields of interest). */
    private static final String SCONTROL = """
            JobId=3 ArrayJobId=3 ArrayTaskId=2 JobName=cap
               UserId=root(0) GroupId=root(0) MCS_label=N/A
               JobState=RUNNING Reason=None Dependency=(null)
               Requeue=1 Restarts=0 BatchFlag=1 Reboot=0 ExitCode=0:0
               Command=/tmp/slurmcap/w.sh
               StdOut=/tmp/slurmcap/cap.2.out
               Power=
              \s

            JobId=5 ArrayJobId=3 ArrayTaskId=1 JobName=cap
               UserId=root(0) GroupId=root(0) MCS_label=N/A
               JobState=FAILED Reason=NonZeroExitCode Dependency=(null)
               Requeue=1 Restarts=0 BatchFlag=1 Reboot=0 ExitCode=3:0
               StdOut=/tmp/slurmcap/cap.1.out
               Power=
              \s

            JobId=4 ArrayJobId=3 ArrayTaskId=0 JobName=cap
               UserId=root(0) GroupId=root(0) MCS_label=N/A
               JobState=COMPLETED Reason=None Dependency=(null)
               Requeue=1 Restarts=0 BatchFlag=1 Reboot=0 ExitCode=0:0
               Power=
              \s

            """;

    private static ToolRunner.Output out(int exitCode, String stdout, String stderr) {
        return new ToolRunner.Output(List.of("sbatch", "--parsable", "x.sbatch"), Path.of("/work"), exitCode, stdout, stderr);
    }

    @Test
    void sbatchParsablePrintsTheJobIdWithAnOptionalClusterName() {
        assertThat(SlurmOutput.parsable(out(0, "3\n", ""))).isEqualTo("3");
        assertThat(SlurmOutput.parsable(out(0, "1234;ci\n", ""))).isEqualTo("1234");
        assertThatThrownBy(() -> SlurmOutput.parsable(out(1, "",
                "sbatch: error: invalid partition specified: nosuch\nsbatch: error: Batch job submission failed: Invalid partition name specified\n")))
                .isInstanceOf(BatchException.class)
                .hasMessageContaining("sbatch: error: Batch job submission failed: Invalid partition name specified")
                .hasMessageContaining("`sbatch --parsable x.sbatch` in /work");
        assertThatThrownBy(() -> SlurmOutput.parsable(out(0, "Submitted batch job 3\n", "")))
                .isInstanceOf(BatchException.class).hasMessageContaining("no job id");
    }

    @Test
    void squeueListsEachLiveTaskWithItsReason() {
        Map<String, BatchJobState> s = SlurmOutput.squeue("8_1|PENDING|JobArrayTaskLimit\n8_2|PENDING|JobArrayTaskLimit\n"
                + "8_3|PENDING|JobArrayTaskLimit\n8_0|RUNNING|None\n", new SlurmOutput.Array("8", 4));
        assertThat(s).containsOnlyKeys("8_0", "8_1", "8_2", "8_3");
        assertThat(s.get("8_0")).isEqualTo(BatchJobState.of("8_0", Status.RUNNING));
        assertThat(s.get("8_1").status()).isEqualTo(Status.QUEUED);
        assertThat(s.get("8_1").detail()).isEqualTo("pending: JobArrayTaskLimit");
        assertThat(SlurmOutput.squeue("", new SlurmOutput.Array("8", 4))).isEmpty();
        assertThat(SlurmOutput.squeue("9_0|RUNNING|None\n", new SlurmOutput.Array("8", 4))).as("another job's task").isEmpty();
    }

    @Test
    void scontrolGivesEndedTasksWithTheirExitCodes() {
        Map<String, BatchJobState> s = SlurmOutput.scontrol(SCONTROL, new SlurmOutput.Array("3", 3));
        assertThat(s.get("3_0")).isEqualTo(new BatchJobState("3_0", Status.COMPLETED, OptionalInt.of(0), ""));
        assertThat(s.get("3_1")).isEqualTo(new BatchJobState("3_1", Status.FAILED, OptionalInt.of(3), "FAILED, exit code 3"));
        assertThat(s.get("3_2").status()).isEqualTo(Status.RUNNING);
    }

    @Test
    void scontrolExpandsTheRecordOfTasksNotYetStartedAndReadsCancellation() {
        String pending = """
                JobId=8 ArrayJobId=8 ArrayTaskId=1-3%1 ArrayTaskThrottle=1 JobName=thr
                   JobState=PENDING Reason=JobArrayTaskLimit Dependency=(null)
                   Requeue=1 Restarts=0 BatchFlag=1 Reboot=0 ExitCode=0:0

                JobId=7 ArrayJobId=6 ArrayTaskId=0 JobName=capc
                   JobState=CANCELLED Reason=None Dependency=(null)
                   Requeue=1 Restarts=0 BatchFlag=1 Reboot=0 ExitCode=0:15
                """;
        assertThat(SlurmOutput.scontrol(pending, new SlurmOutput.Array("8", 4))).containsOnlyKeys("8_1", "8_2", "8_3")
                .allSatisfy((id, st) -> assertThat(st.status()).isEqualTo(Status.QUEUED));
        assertThat(SlurmOutput.scontrol(pending, new SlurmOutput.Array("6", 2)).get("6_0"))
                .isEqualTo(new BatchJobState("6_0", Status.CANCELLED, OptionalInt.empty(), "CANCELLED"));
    }

    @Test
    void sacctWithAccountingNamesTasksAndSkipsJobSteps() {
        // the layout of `sacct -j 12 -P -n --format=JobID,State,ExitCode` with slurmdbd (java-ecosystem.md §3.3)
        Map<String, BatchJobState> s = SlurmOutput.sacct("""
                12_0|COMPLETED|0:0
                12_0.batch|COMPLETED|0:0
                12_1|FAILED|7:0
                12_1.batch|FAILED|7:0
                12_2|CANCELLED by 0|0:0
                12_3|TIMEOUT|0:15
                12_[4-5]|PENDING|0:0
                """, new SlurmOutput.Array("12", 6));
        assertThat(s).containsOnlyKeys("12_0", "12_1", "12_2", "12_3", "12_4", "12_5");
        assertThat(s.get("12_1").exitCode()).isEqualTo(OptionalInt.of(7));
        assertThat(s.get("12_2")).isEqualTo(new BatchJobState("12_2", Status.CANCELLED, OptionalInt.empty(), "CANCELLED by 0"));
        assertThat(s.get("12_3")).isEqualTo(new BatchJobState("12_3", Status.FAILED, OptionalInt.empty(), "TIMEOUT, killed by signal 15"));
        assertThat(s.get("12_5").status()).isEqualTo(Status.QUEUED);
    }

    @Test
    void sacctFromTheCompletionFileNamesRawJobIdsSoOnlyAOneTaskArrayIsRead() {
        String completions = "2|COMPLETED|0:0\n1|FAILED|1:0\n5|FAILED|3:0\n4|COMPLETED|0:0\n3|COMPLETED|0:0\n";
        assertThat(SlurmOutput.sacctCompletions(completions, new SlurmOutput.Array("3", 3))).as("raw id 3 is whichever task ran last").isEmpty();
        assertThat(SlurmOutput.sacctCompletions(completions, new SlurmOutput.Array("1", 1)))
                .containsExactly(Map.entry("1_0", new BatchJobState("1_0", Status.FAILED, OptionalInt.of(1), "FAILED, exit code 1")));
    }

    @Test
    void everySlurmStateHasAWord() {
        assertThat(SlurmOutput.state("1_0", "OUT_OF_MEMORY", "0:125", "").status()).isEqualTo(Status.FAILED);
        assertThat(SlurmOutput.state("1_0", "NODE_FAIL", "", "").detail()).isEqualTo("NODE_FAIL");
        assertThat(SlurmOutput.state("1_0", "COMPLETING", "0:0", "").status()).isEqualTo(Status.RUNNING);
        assertThat(SlurmOutput.state("1_0", "SUSPENDED", "0:0", "None").status()).isEqualTo(Status.QUEUED);
        assertThat(SlurmOutput.state("1_0", "REQUEUED", "0:0", "").status()).isEqualTo(Status.QUEUED);
    }

    /** Every word of Slurm 22.05's job_state_string (base states and flags) has a status; none is UNKNOWN. */
    @ParameterizedTest
    @CsvSource({
            "PENDING, QUEUED", "REQUEUED, QUEUED", "REQUEUE_HOLD, QUEUED", "REQUEUE_FED, QUEUED", "RESV_DEL_HOLD, QUEUED",
            "SPECIAL_EXIT, QUEUED", "SUSPENDED, QUEUED", "STOPPED, QUEUED",
            "CONFIGURING, RUNNING", "RUNNING, RUNNING", "COMPLETING, RUNNING", "RESIZING, RUNNING", "SIGNALING, RUNNING",
            "STAGE_OUT, RUNNING", "POWER_UP_NODE, RUNNING",
            "COMPLETED, COMPLETED",
            "PREEMPTED, FAILED", "BOOT_FAIL, FAILED", "DEADLINE, FAILED", "NODE_FAIL, FAILED", "OUT_OF_MEMORY, FAILED",
            "TIMEOUT, FAILED", "FAILED, FAILED",
            "CANCELLED, CANCELLED", "'CANCELLED by 0', CANCELLED", "REVOKED, CANCELLED"})
    void eachSlurm2205StateWordHasItsStatus(String word, Status status) {
        assertThat(SlurmOutput.state("1_0", word, "0:0", "").status()).isEqualTo(status);
    }

    /** A word of a later Slurm may mean the task still runs: undecided (an exception), never UNKNOWN (resubmit). */
    @ParameterizedTest
    @ValueSource(strings = {"HIBERNATING", "WEIRD", ""})
    void anUnknownSlurmStateWordIsUndecidedNotUnknown(String word) {
        assertThatThrownBy(() -> SlurmOutput.state("7_3", word, "0:0", ""))
                .isInstanceOf(BatchException.class)
                .hasMessageContaining("Slurm job 7_3").hasMessageContaining("'" + word + "'");
    }

    @Test
    void maxArraySizeComesFromItsLineOfScontrolShowConfig() {
        String config = "Configuration data as of 2026-12-03T18:10:00\nMailProg                = /bin/mail\n"
                + "MaxArraySize            = 1001\nMaxDBDMsgs              = 20008\n";
        assertThat(SlurmOutput.maxArraySize(config)).hasValue(1001);
        assertThat(SlurmOutput.maxArraySize("MaxArraySizeX = 5\nMaxJobCount = 10000\n")).isEmpty();
    }

    @Test
    void anUnknownStateInAListingFailsTheListing() {
        assertThatThrownBy(() -> SlurmOutput.squeue("12_0|RUNNING|None\n12_1|HIBERNATING|None\n", new SlurmOutput.Array("12", 2)))
                .isInstanceOf(BatchException.class).hasMessageContaining("Slurm job 12_1").hasMessageContaining("HIBERNATING");
    }

    @Test
    void taskIdsExpandRangesWithinTheArrayAndIgnoreOtherJobs() {
        SlurmOutput.Array twelve = new SlurmOutput.Array("12", 8);
        assertThat(SlurmOutput.taskIds("12_[0-2,5%2]", twelve)).containsExactly("12_0", "12_1", "12_2", "12_5");
        assertThat(SlurmOutput.taskIds("12_7", twelve)).containsExactly("12_7");
        assertThat(SlurmOutput.taskIds("12_8", twelve)).as("beyond the array").isEmpty();
        assertThat(SlurmOutput.taskIds("12_[6-999999999]", twelve)).containsExactly("12_6", "12_7");
        assertThat(SlurmOutput.taskIds("13_7", twelve)).isEmpty();
        assertThat(SlurmOutput.taskIds("12", twelve)).isEmpty();
        assertThat(SlurmOutput.taskIds("12_[1-]", twelve)).isEmpty();
        assertThat(SlurmOutput.taskIds("12_99999999999", twelve)).isEmpty();
    }
}
