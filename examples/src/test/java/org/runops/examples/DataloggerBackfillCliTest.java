package org.runops.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.runops.examples.Launcher.runops;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.core.exec.batch.SubmissionStore;
import org.runops.datalogger.DataFileReader;
import org.runops.datalogger.DataFiles;
import org.runops.testing.FakeHtCondor;

/**
 * {@code runops datalogger backfill} end to end: two days of 12-hour chunks of one device on the simulated
 * backend, each day a real {@code runops datalogger nanny-day} JVM started by the local batch system.
 */
class DataloggerBackfillCliTest {
    @TempDir
    Path tmp;

    private Path params;
    private Path archive;

    @BeforeEach
    void list() throws IOException {
        params = Files.writeString(tmp.resolve("list.txt"), "MLrn B:VIMIN\n");
        archive = tmp.resolve("archive");
    }

    private Launcher.Run backfill(String... extra) {
        List<String> args = new ArrayList<>(List.of("datalogger", "backfill", "--from", "2024-03-01", "--to", "2024-03-02", "--backend",
                "simulated", "--paramfile", params.toString(), "--duration", "12h", "--outdir", archive.toString(), "--poll", "1s"));
        args.addAll(List.of(extra));
        return runops(args.toArray(String[]::new));
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.walk(tmp)) {
            return s.filter(Files::isRegularFile).map(p -> tmp.relativize(p).toString()).sorted().toList();
        }
    }

    private List<String> chunks() throws IOException {
        return files().stream().filter(f -> f.startsWith("archive/2024")).toList();
    }

    @Test
    void aDryRunPrintsThePlanAndTheJobCommandAndWritesOnlyThePlanFiles() throws IOException {
        Launcher.Run r = backfill();
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("2024-03-01\\s+0/2\\s+SUBMIT\\s+1\\s+2 of 2 chunk files missing; never submitted")
                .containsPattern("2024-03-02\\s+0/2\\s+SUBMIT")
                .contains("2 days: 0 on disk, 0 partial, 2 without any chunk; 2 to submit")
                .contains("(none: --batch local runs the jobs in this process)")
                .containsPattern("job of 2024-03-01: \\S+/bin/java -cp \\S+ org.runops.examples.RunopsCli datalogger nanny-day --day 2024-03-01 "
                        + "--paramfile " + params + " --duration PT12H --list-version 1.0.0 --outdir " + archive + " --draftdir "
                        + archive.resolve(".backfill/drafts") + " --backend simulated")
                .contains("dry run: nothing submitted (add --submit)");
        assertThat(files()).hasSize(3).contains("list.txt", "archive/.backfill/submissions.json.lock")
                .anySatisfy(f -> assertThat(f).matches("archive/\\.backfill/backfill-[0-9a-f]{16}/jobs\\.list"));
    }

    @Test
    void localBackfillRunsOneNannyDayJobPerDayThenStatusSaysSucceededAndARerunSubmitsNothing() throws IOException {
        Launcher.Run r = backfill("--submit");
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(chunks()).containsExactly("archive/202403/01/20240301T000000PT12H-1_0_0_SIMULATED.h5",
                "archive/202403/01/20240301T120000PT12H-1_0_0_SIMULATED.h5", "archive/202403/02/20240302T000000PT12H-1_0_0_SIMULATED.h5",
                "archive/202403/02/20240302T120000PT12H-1_0_0_SIMULATED.h5");
        assertThat(r.out()).contains("submitted 2 day jobs to local").containsPattern("2024-03-01\\s+2/2\\s+1\\s+local:\\S+\\s+SUCCEEDED")
                .containsPattern("2024-03-02\\s+2/2\\s+1\\s+local:\\S+\\s+SUCCEEDED");
        try (DataFileReader f = DataFiles.open(tmp.resolve(chunks().get(3)))) {
            assertThat(f.keys()).containsExactly("B:VIMIN");
            assertThat(f.attributes()).containsEntry("window_start", "2024-03-02T12:00:00Z").containsEntry("window_end", "2024-03-03T00:00:00Z");
        }

        Launcher.Run status = backfill("--status");
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).containsPattern("2024-03-01\\s+2/2\\s+1\\s+local:\\S+\\s+SUCCEEDED\\s+job \\S+ COMPLETED \\(exit 0\\); all 2 expected files present");

        Launcher.Run again = backfill("--submit");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).containsPattern("2024-03-01\\s+2/2\\s+ON_DISK").contains("0 to submit").contains("nothing to submit")
                .doesNotContain("submitted");
    }

    @Test
    void aDayJobThatExitsZeroWithoutWritingFailsIsResubmittedOnceThenGivenUp() {
        for (int attempt = 1; attempt <= 2; attempt++) {
            Launcher.Run r = backfill("--submit", "--launcher", "true", "--max-attempts", "2");
            assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
            assertThat(r.out()).contains("submitted 2 day jobs")
                    .containsPattern("2024-03-01\\s+0/2\\s+" + attempt + "\\s+local:\\S+\\s+FAILED\\s+job \\S+ COMPLETED \\(exit 0\\); 2 of 2 expected files missing");
        }
        Launcher.Run gaveUp = backfill("--submit", "--launcher", "true", "--max-attempts", "2");
        assertThat(gaveUp.exitCode()).isEqualTo(1);
        assertThat(gaveUp.out()).contains("GIVE_UP").contains("failed 2 of at most 2 attempts").contains("nothing to submit");
        Launcher.Run status = backfill("--status");
        assertThat(status.exitCode()).isEqualTo(1);
        assertThat(status.out()).containsPattern("2024-03-02\\s+0/2\\s+2\\s+local:\\S+\\s+FAILED");
    }

    @Test
    void theDefaultJobCommandMakesARelativeClassPathAbsoluteBecauseJobsStartInAnotherFolder() {
        String classPath = System.getProperty("java.class.path");
        System.setProperty("java.class.path", "runops.jar" + File.pathSeparator + "lib/extra.jar"); // as `java -jar runops.jar` sets it
        Launcher.Run r;
        try {
            r = backfill();
        } finally {
            System.setProperty("java.class.path", classPath);
        }
        Path cwd = Path.of("").toAbsolutePath();
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains(" -cp " + cwd.resolve("runops.jar") + File.pathSeparator + cwd.resolve("lib/extra.jar") + " org.runops.examples.RunopsCli ");
    }

    @Test
    void noWaitWithTheLocalBatchSystemIsRefusedBeforeAnythingIsSubmitted() throws IOException {
        Launcher.Run r = backfill("--submit", "--no-wait");
        assertThat(r.exitCode()).as(r.out()).isEqualTo(2);
        assertThat(r.err()).contains("--no-wait cannot be used with --batch local");
        assertThat(files()).containsExactly("list.txt");
    }

    @Test
    void localJobsStillRunningAtTheWaitTimeoutAreStoppedAndJudgedNotLeftInFlight() throws IOException {
        Path slow = Files.writeString(tmp.resolve("slow.sh"), "#!/bin/sh\nexec sleep 60\n");
        slow.toFile().setExecutable(true);
        Launcher.Run r = backfill("--submit", "--launcher", slow.toString(), "--wait-timeout", "1s");
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("submitted 2 day jobs").containsPattern("2024-03-01\\s+0/2\\s+1\\s+local:\\S+\\s+FAILED")
                .containsPattern("2024-03-02\\s+0/2\\s+1\\s+local:\\S+\\s+FAILED").doesNotContain("IN_FLIGHT");
        assertThat(Files.readString(archive.resolve(".backfill/submissions.json"))).doesNotContain("IN_FLIGHT");
    }

    @Test
    void aSecondBackfillWhileTheStoreIsLockedExitsWithFour() throws IOException {
        Files.createDirectories(archive.resolve(".backfill"));
        try (SubmissionStore held = SubmissionStore.open(archive.resolve(".backfill/submissions.json"), "the cron run")) {
            Launcher.Run r = backfill("--submit");
            assertThat(r.exitCode()).isEqualTo(4);
            assertThat(r.err()).contains("the cron run");
        }
    }

    @Test
    void condorDryRunShowsTheSubmitCommandAndSubmitDoesNotResubmitDaysInTheQueue() throws IOException {
        FakeHtCondor condor = FakeHtCondor.install(tmp.resolve("condor")).firstCluster(4711);
        Launcher.Run dry = backfill("--batch", "condor", "--batch-bin", condor.binDirectory().toString());
        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("condor_submit nanny-day.sub -queue 'input_run from jobs.list'");

        Launcher.Run r = backfill("--batch", "condor", "--batch-bin", condor.binDirectory().toString(), "--submit");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("submitted 2 day jobs to htcondor as 4711");
        assertThat(condor.submittedFiles()).singleElement().satisfies(sub -> assertThat(Files.readString(sub))
                .contains("arguments").contains("nanny-day --day $(input_run)").contains("request_memory = 2GB"));

        condor.queue(FakeHtCondor.ads(FakeHtCondor.queued(4711, 0, 2), FakeHtCondor.queued(4711, 1, 1)));
        Launcher.Run again = backfill("--batch", "condor", "--batch-bin", condor.binDirectory().toString(), "--submit");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).containsPattern("2024-03-01\\s+0/2\\s+WAIT").contains("in flight since").contains("nothing to submit");
        Launcher.Run status = backfill("--status", "--batch", "condor", "--batch-bin", condor.binDirectory().toString());
        assertThat(status.out()).containsPattern("2024-03-01\\s+0/2\\s+1\\s+htcondor:4711.0\\s+IN_FLIGHT")
                .containsPattern("2024-03-02\\s+0/2\\s+1\\s+htcondor:4711.1\\s+IN_FLIGHT");
    }
}
