package org.runops.core.exec.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.runops.core.exec.CommandTemplate;
import org.runops.core.exec.batch.BatchJobState.Status;
import org.runops.testing.FakeHtCondor;
import org.runops.testing.SharedData;

/**
 * {@link BatchSystem#htcondor} against stand-in condor executables ({@link FakeHtCondor}): no HTCondor pool
 * can run here. It lives in the testing module because core cannot depend on its fixtures.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HtCondorBatchSystemTest {
    @TempDir
    Path dir;
    FakeHtCondor condor;
    BatchSystem batch;
    Path work;
    Path logs;

    @BeforeEach
    void install() throws IOException {
        condor = FakeHtCondor.install(dir.resolve("condor")).firstCluster(4711);
        batch = BatchSystem.htcondor(BatchTools.onPath().inDirectory(condor.binDirectory()).withTimeout(Duration.ofSeconds(20)));
        work = dir.resolve("run3auau");
        logs = dir.resolve("dump");
    }

    private BatchSubmission genStatus(List<String> inputs, long memory, Map<String, String> attributes) {
        return new BatchSubmission("genStatus", CommandTemplate.parse("genStatus.sh " + work
                + "/CaloCDB-GenStatus {input} " + work + "/output"), inputs, logs, work, memory, attributes);
    }

    private BatchSubmission genStatus(List<String> inputs) {
        return genStatus(inputs, 512, Map.of());
    }

    @Test
    void prepareWritesTheSubmitDescriptionAndTheListAndSubmitsNothing() throws Exception {
        List<String> lists = List.of(work + "/datasets/66457_new_newcdbtag_v008.list",
                work + "/datasets/66458_new_newcdbtag_v008.list");
        PreparedSubmission p = batch.prepare(genStatus(lists));

        assertThat(p.files()).containsExactly(work.resolve("jobs.list"), work.resolve("genStatus.sub"));
        assertThat(Files.readAllLines(work.resolve("jobs.list"))).isEqualTo(lists);
        assertThat(Files.readString(work.resolve("genStatus.sub"))).isEqualTo(String.join("\n",
                "arguments      = " + work + "/CaloCDB-GenStatus $(input_run) " + work + "/output",
                "executable     = genStatus.sh",
                "log            = " + logs + "/genStatus-$(ClusterId)-$(Process).log",
                "output         = " + logs + "/genStatus.$(ClusterId).$(Process).out",
                "error          = " + logs + "/genStatus.$(ClusterId).$(Process).err",
                "request_memory = 512MB", ""));
        assertThat(p.command()).containsExactly(condor.binDirectory().resolve("condor_submit").toString(),
                "genStatus.sub", "-queue", "input_run from jobs.list");
        assertThat(p.commandLine()).endsWith("condor_submit genStatus.sub -queue 'input_run from jobs.list'");
        assertThat(Files.isDirectory(logs)).isTrue();
        assertThat(condor.calls()).isEmpty();
    }

    @Test
    void theSubmitDescriptionHasTheKeysOfRunProdsInTheirOrderAndLayout() throws Exception {
        List<String> golden = Files.readAllLines(SharedData.require("calocdb/SYNTHETIC_genStatus.sub"));
        batch.prepare(genStatus(List.of("a.list"), 1024, Map.of("+JobFlavour", "\"workday\"")));
        List<String> ours = Files.readAllLines(work.resolve("genStatus.sub"));

        assertThat(ours.subList(0, golden.size())).extracting(HtCondorBatchSystemTest::key)
                .isEqualTo(golden.stream().map(HtCondorBatchSystemTest::key).toList());
        assertThat(ours).allSatisfy(line -> assertThat(line.indexOf(" = ")).isEqualTo(14));
        assertThat(golden).allSatisfy(line -> assertThat(line.indexOf(" = ")).isEqualTo(14));
        assertThat(ours).contains("request_memory = 1GB", "+JobFlavour    = \"workday\"");
        assertThat(ours).noneMatch(line -> line.toLowerCase().startsWith("queue"));
    }

    private static String key(String line) {
        return line.substring(0, line.indexOf('=')).strip();
    }

    @Test
    void extraAttributesFollowSortedAndSlurmOnesAreLeftOut() throws Exception {
        batch.prepare(genStatus(List.of("a.list"), 2048, Map.of(
                "PeriodicHold", "(NumJobStarts>=1 && JobStatus == 1)",
                "concurrency_limits", "CONCURRENCY_LIMIT_DEFAULT:100",
                "batch_name", "calo-run3auau",
                "+JobFlavour", "\"longlunch\"",
                "--partition", "debug")));
        List<String> lines = Files.readAllLines(work.resolve("genStatus.sub"));
        assertThat(lines.subList(6, lines.size())).containsExactly(
                "+JobFlavour    = \"longlunch\"",
                "PeriodicHold   = (NumJobStarts>=1 && JobStatus == 1)",
                "batch_name     = calo-run3auau",
                "concurrency_limits = CONCURRENCY_LIMIT_DEFAULT:100");
        assertThat(lines).contains("request_memory = 2GB");
    }

    @Test
    void whatHtCondorCannotTakeIsRefusedBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> batch.prepare(genStatus(List.of("a b.list"))))
                .isInstanceOf(BatchException.class).hasMessageContaining("input 0 'a b.list'");
        assertThatThrownBy(() -> batch.prepare(genStatus(List.of("a.list"), 512, Map.of("Executable", "/bin/rm"))))
                .isInstanceOf(BatchException.class).hasMessageContaining("'Executable'");
        assertThatThrownBy(() -> batch.prepare(genStatus(List.of("a.list"), 512, Map.of("bad key", "1"))))
                .isInstanceOf(BatchException.class).hasMessageContaining("'bad key'");
        assertThatThrownBy(() -> batch.prepare(new BatchSubmission("x", CommandTemplate.parse("{input} -v"),
                List.of("a"), logs, work, 512, Map.of())))
                .isInstanceOf(BatchException.class).hasMessageContaining("executable");
        assertThat(work).doesNotExist();
    }

    @Test
    void submitRunsCondorSubmitInTheWorkDirectoryAndNamesJobsClusterDotProc() throws Exception {
        BatchSubmission s = genStatus(List.of("a.list", "b.list", "c.list"));
        BatchSubmitted submitted = batch.submit(s);

        assertThat(submitted).isEqualTo(new BatchSubmitted("htcondor", "4711", List.of("4711.0", "4711.1", "4711.2")));
        assertThat(condor.calls()).containsExactly("condor_submit cwd=" + work
                + " [genStatus.sub] [-queue] [input_run from jobs.list]");
        assertThat(condor.submittedFiles()).hasSize(1);
        assertThat(Files.readString(condor.submittedFiles().get(0))).isEqualTo(Files.readString(work.resolve("genStatus.sub")));

        assertThat(batch.submit(s).clusterId()).as("the next submission is a new cluster").isEqualTo("4712");
    }

    @Test
    void aRefusedSubmissionReportsCondorsErrorLineTheCommandAndTheDirectory() throws Exception {
        condor.submitFails("\nERROR: Failed to connect to local queue manager\nAUTHENTICATE:1003:Failed to authenticate\n");
        assertThatThrownBy(() -> batch.submit(genStatus(List.of("a.list"))))
                .isInstanceOf(BatchException.class)
                .hasMessageContaining("ERROR: Failed to connect to local queue manager")
                .hasMessageContaining("condor_submit genStatus.sub -queue 'input_run from jobs.list'")
                .hasMessageContaining("in " + work)
                .hasMessageContaining("exit code 1");
    }

    @Test
    void anAnswerWithoutTheSubmittedLineIsAFailure() throws Exception {
        condor.submitPrints("Submitting job(s).\n");
        assertThatThrownBy(() -> batch.submit(genStatus(List.of("a.list"))))
                .isInstanceOf(BatchException.class)
                .hasMessageContaining("no 'N job(s) submitted to cluster C.' line")
                .hasMessageContaining("Submitting job(s).");
    }

    @Test
    void aCountThatDiffersFromTheInputsIsAFailureNamingTheCluster() throws Exception {
        condor.submitPrints("Submitting job(s)..\n2 job(s) submitted to cluster 4711.\n");
        assertThatThrownBy(() -> batch.submit(genStatus(List.of("a.list", "b.list", "c.list"))))
                .isInstanceOf(BatchException.class)
                .hasMessageContaining("submitted 2 job(s) to cluster 4711 for the 3 inputs")
                .hasMessageContaining("condor_rm 4711");
    }

    @Test
    void aCondorSubmitThatNeverAnswersIsStoppedAtTheTimeout() throws Exception {
        condor.submitHangs();
        BatchSystem impatient = BatchSystem.htcondor(BatchTools.onPath().inDirectory(condor.binDirectory())
                .withTimeout(Duration.ofSeconds(1)));
        assertThatThrownBy(() -> impatient.submit(genStatus(List.of("a.list"))))
                .isInstanceOf(BatchException.class).hasMessageContaining("did not end within PT1S");
    }

    @Test
    void statesComeFromTheQueueThenFromTheHistory() throws Exception {
        BatchSubmitted s = new BatchSubmitted("htcondor", "4711",
                List.of("4711.0", "4711.1", "4711.2", "4711.3", "4711.4", "4711.5", "4711.6", "4711.7"));
        condor.queue(FakeHtCondor.ads(FakeHtCondor.queued(4711, 0, 1), FakeHtCondor.queued(4711, 1, 2),
                FakeHtCondor.held(4711, 2, "Job has gone over memory limit of 512 megabytes."),
                FakeHtCondor.queued(4711, 6, 7)));
        condor.history(FakeHtCondor.ads(FakeHtCondor.completed(4711, 3, 0), FakeHtCondor.completed(4711, 4, 3),
                FakeHtCondor.removed(4711, 5, "via condor_rm (by user calo)")));

        List<BatchJobState> states = batch.states(s);

        assertThat(states).extracting(BatchJobState::jobId).isEqualTo(s.jobIds());
        assertThat(states).extracting(BatchJobState::status).containsExactly(Status.QUEUED, Status.RUNNING,
                Status.QUEUED, Status.COMPLETED, Status.FAILED, Status.CANCELLED, Status.QUEUED, Status.UNKNOWN);
        assertThat(states.get(2).detail()).isEqualTo("held: Job has gone over memory limit of 512 megabytes.");
        assertThat(states.get(3).exitCode()).isEqualTo(OptionalInt.of(0));
        assertThat(states.get(4).exitCode()).isEqualTo(OptionalInt.of(3));
        assertThat(states.get(5).detail()).contains("via condor_rm");
        assertThat(states.get(7).detail()).contains("neither condor_q nor condor_history");
        assertThat(condor.calls()).hasSize(2);
        assertThat(condor.calls().get(0)).startsWith("condor_q [-json]").endsWith("[4711]");
        assertThat(condor.calls().get(1)).startsWith("condor_history [-json]").endsWith(" [-match] [8] [4711]");
    }

    /** A JobStatus of a later HTCondor may mean the job runs: undecided (an exception), never UNKNOWN (resubmit). */
    @Test
    void anUnknownJobStatusLeavesTheStatesUndecided() throws Exception {
        condor.queue(FakeHtCondor.ads(FakeHtCondor.queued(4711, 0, 2), FakeHtCondor.queued(4711, 1, 8)));

        assertThatThrownBy(() -> batch.states(new BatchSubmitted("htcondor", "4711", List.of("4711.0", "4711.1"))))
                .isInstanceOf(BatchException.class)
                .hasMessageContaining("condor_q -json")
                .hasMessageContaining("HTCondor job 4711.1 has JobStatus 8");
    }

    @Test
    void anEmptyQueueAnswerMeansNoLiveJobsAndTheHistoryIsNotAskedWhenTheQueueKnowsAll() throws Exception {
        BatchSubmitted s = new BatchSubmitted("htcondor", "4711", List.of("4711.0"));
        condor.history(FakeHtCondor.ads(FakeHtCondor.completed(4711, 0, 0)));
        assertThat(batch.states(s)).extracting(BatchJobState::status).containsExactly(Status.COMPLETED);

        condor.queue(FakeHtCondor.ads(FakeHtCondor.queued(4711, 0, 2)));
        assertThat(batch.states(s)).extracting(BatchJobState::status).containsExactly(Status.RUNNING);
        assertThat(condor.calls()).hasSize(3);
    }

    @Test
    void anUnreadableOrFailedQueryIsAnErrorNotAnUnknownState() throws Exception {
        BatchSubmitted s = new BatchSubmitted("htcondor", "4711", List.of("4711.0"));
        condor.queue("-- Failed to fetch ads from: <127.0.0.1:9618> : schedd\n");
        assertThatThrownBy(() -> batch.states(s)).isInstanceOf(BatchException.class)
                .hasMessageContaining("condor_q -json").hasMessageContaining("Failed to fetch ads");
        condor.queue("[\n{\n  \"ClusterId\": 4711\n}\n]\n");
        assertThatThrownBy(() -> batch.states(s)).isInstanceOf(BatchException.class).hasMessageContaining("JobStatus");

        condor.queue("");
        condor.queryFails("condor_history", "ERROR: Failed to open history file\n");
        assertThatThrownBy(() -> batch.states(s)).isInstanceOf(BatchException.class)
                .hasMessageContaining("condor_history").hasMessageContaining("ERROR: Failed to open history file");
    }

    @Test
    void statesOfAnotherSystemsSubmissionAreRefused() {
        assertThatThrownBy(() -> batch.states(new BatchSubmitted("slurm", "12", List.of("12_0"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("slurm:12");
    }
}
