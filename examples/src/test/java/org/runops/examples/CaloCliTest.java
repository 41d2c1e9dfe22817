package org.runops.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.runops.examples.Launcher.runops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.runops.core.exec.batch.SubmissionStore;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CaloCliTest {
    @TempDir
    Path tmp;

    private Launcher.Run demo(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("calo", "plan", "--catalog", "demo", "-o", tmp.resolve("out").toString(),
                "-l", tmp.resolve("logs").toString()));
        args.addAll(List.of(extra));
        return runops(args.toArray(String[]::new));
    }

    private Path onlyPlanDir() throws IOException {
        try (Stream<Path> s = Files.list(tmp.resolve("out"))) {
            return s.filter(p -> p.getFileName().toString().startsWith("run3auau-")).findFirst().orElseThrow();
        }
    }

    @Test
    void helpShowsTheOriginalsFlagsAndTheExitCodes() {
        Launcher.Run r = runops("calo", "plan", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("-i, --run-type", "-n, --min-events", "-o, --output", "-l, --condor-log-dir",
                "-s, --submit, --do-condor-submit", "-f, --bin-filter-datasets", "-f2, --bin-genStatus=FILE", "-m, --memory",
                "--catalog-url", "--cdb-url", "--global-tag", "--batch", "--tag-policy", "40 FileCatalog unreachable", "60 another run");
        assertThat(runops("calo", "--help").out()).contains("plan", "status");
        assertThat(runops("--help").out()).contains("calo");
    }

    @Test
    void withoutOfflineMainTheDefaultsCannotBeFound() {
        assumeThat(System.getenv("OFFLINE_MAIN")).as("OFFLINE_MAIN is set here").isNull();
        Launcher.Run r = runops("calo", "plan", "-o", tmp.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("OFFLINE_MAIN is not set", "-f2/--bin-genStatus");
        Launcher.Run missing = runops("calo", "plan", "-o", tmp.toString(), "-f2", tmp.resolve("nope").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("the map job (-f2/--bin-genStatus) " + tmp.resolve("nope") + " does not exist");
    }

    @Test
    void demoDryRunRendersEverythingAndSaysItIsDemoData() throws IOException {
        Launcher.Run r = demo();
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("(DEMO DATA): run3auau, 6 runs in the catalogue, 5 need maps (1 up to date), 5 to process",
                "1 missing files", "dry run (add -s to submit 5 job(s))");
        Path plan = onlyPlanDir();
        assertThat(plan.getFileName().toString()).endsWith("-DEMO-DATA");
        assertThat(Files.readString(plan.resolve("run3auau.csv"))).startsWith("runnumber,tag\n68001,new_newcdbtag_v008\n");
        assertThat(Files.readAllLines(plan.resolve("jobs.list"))).hasSize(5).isSorted();
        assertThat(Files.readString(plan.resolve("plan.json"))).contains("\"demo\" : true");
        assertThat(tmp.resolve("out/submissions.json")).doesNotExist();
    }

    @Test
    void demoSubmitsLocallyJudgesByFilesAndRetriesOnlyTheFailedRun() throws IOException {
        Launcher.Run first = demo("-s", "--max-attempts", "2");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("submitted 5 job(s) to local cluster 1");
        List<String> table = first.out().lines().dropWhile(l -> !l.contains("outcome")).toList();
        assertThat(table).hasSize(6);
        assertThat(table.stream().filter(l -> l.contains("SUCCEEDED"))).hasSize(4);
        assertThat(table).anySatisfy(l -> assertThat(l).startsWith("68004").contains("FAILED", "COMPLETED (exit 0)", "missing"));

        Launcher.Run second = demo("-s", "--max-attempts", "2");
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).contains("maps already made (awaiting upload): [68002, 68003, 68005, 68007]",
                "submitted 1 job(s) to local cluster 1");
        assertThat(second.out().lines().filter(l -> l.startsWith("68004"))).singleElement().asString().contains("GIVEN UP");

        Launcher.Run third = demo("-s", "--max-attempts", "2");
        assertThat(third.out()).contains("given up 68004: failed 2 of at most 2", "nothing to submit");

        Launcher.Run status = runops("calo", "status", "-o", tmp.resolve("out").toString(), "--batch", "local", "--max-attempts", "2");
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out().lines().toList()).hasSize(6).first().asString().contains("run", "attempt", "outcome", "job", "reason");
    }

    @Test
    void aDemoDryRunRendersSlurmsFilesAndCommand() throws IOException {
        Launcher.Run r = demo("--batch", "slurm");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Path plan = onlyPlanDir();
        assertThat(r.out()).contains("dry run (add -s to submit 5 job(s)): cd " + plan + " && sbatch --parsable --array=0-4");
        assertThat(plan.resolve("genStatus.sbatch")).isNotEmptyFile();
    }

    @Test
    void aDemoPlanIsNotSubmittedToARealBatchSystem() {
        Launcher.Run r = demo("-s", "--batch", "condor");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("demo data", "local batch system only");
    }

    @Test
    void anOverlappingRunExitsWithItsOwnCodeNamingTheHolder() throws IOException {
        Files.createDirectories(tmp.resolve("out"));
        try (SubmissionStore held = SubmissionStore.open(tmp.resolve("out/submissions.json"), "runops calo plan (cron 00:00)")) {
            Launcher.Run r = demo("-s");
            assertThat(r.exitCode()).as(r.err()).isEqualTo(60);
            assertThat(r.err()).contains("another run holds the lock", "runops calo plan (cron 00:00)");
            Launcher.Run s = runops("calo", "status", "-o", tmp.resolve("out").toString(), "--batch", "local");
            assertThat(s.exitCode()).isEqualTo(60);
        }
    }

    @Test
    void unreachableServicesHaveTheirOwnExitCodes() {
        Launcher.Run catalog = runops("calo", "plan", "--catalog-url", "jdbc:postgresql://127.0.0.1:1/FileCatalog", "-o", tmp.toString(),
                "-f2", "/bin/true", "--cdb-url", "http://127.0.0.1:1/api/cdb_rest/");
        assertThat(catalog.exitCode()).isEqualTo(40);
        assertThat(catalog.err()).contains("cannot read the FileCatalog", "127.0.0.1:1");
        Launcher.Run cdb = demo("--cdb-url", "http://127.0.0.1:1/api/cdb_rest/");
        assertThat(cdb.exitCode()).isEqualTo(41);
        assertThat(cdb.err()).contains("cannot ask the CDB", "127.0.0.1:1");
        assertThat(cdb.out()).doesNotContain("submitted");
    }

    @Test
    void statusOfAnUnknownOrEmptyOutputSaysSo() throws IOException {
        Launcher.Run r = runops("calo", "status", "-o", tmp.resolve("none").toString(), "--batch", "local");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("output directory " + tmp.resolve("none") + " does not exist");
        assertThat(demo().exitCode()).isZero();
        Launcher.Run empty = runops("calo", "status", "-o", tmp.resolve("out").toString(), "--batch", "local");
        assertThat(empty.exitCode()).as(empty.err()).isZero();
        assertThat(empty.out()).isEqualTo("no map job submitted yet\n");
    }
}
