package org.runops.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.runops.examples.Launcher.runops;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.runops.core.RunopsException;
import org.runops.core.ledger.HistoryLog;
import org.runops.core.ledger.HistoryRecord;
import org.runops.examples.cli.ExitCodes;
import org.runops.examples.Launcher.Run;
import org.runops.testing.FffRunDirectoryWriter;
import org.runops.testing.RootFileWriter.Compression;
import org.runops.testing.RootFileWriter.Damage;
import org.runops.testing.RootFileWriter;
import org.runops.testing.SilentListener;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The launcher end to end, in process: output and exit codes (0 ok, 1 check failed, 2 usage or input error, 3 internal error). */
class RunopsCliTest {

    @TempDir
    Path tmp;

    @Test
    void helpListsEverySubcommandAndExplainsExitCodes() {
        Run r = runops("--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("demo", "root", "events", "Exit codes");
        assertThat(runops("root", "entries", "--help").out()).contains("--parallel", "--tree", "--json", "recovered");
        assertThat(runops("events", "check", "--help").out()).contains("RUNDIR", "--edm");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(runops("root", "entries").exitCode()).isEqualTo(2);
        assertThat(runops("no-such-command").exitCode()).isEqualTo(2);
        assertThat(runops("root", "entries", "--parallel", "0", "x.root").exitCode()).isEqualTo(2);
    }

    /** A stand-in command that throws what the test asks for. */
    @Command(name = "fail")
    static final class Fail implements Callable<Integer> {
        private final Exception exception;

        Fail(Exception exception) {
            this.exception = exception;
        }

        @Override
        public Integer call() throws Exception {
            throw exception;
        }
    }

    private static Run failing(Exception exception, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new RunopsCli()).addSubcommand("fail", new Fail(exception));
        int code = RunopsCli.execute(cli, args.length == 0 ? new String[] {"fail"} : args, new PrintWriter(out, true),
                new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void verboseIsTakenAfterTheSubcommandTooAsTheOriginalScriptsTookIt() {
        Run after = failing(new IllegalStateException("closed"), "fail", "-v");
        assertThat(after.exitCode()).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(after.err()).contains("java.lang.IllegalStateException: closed", "\tat "); // the root's flag was set
        Run before = runops("-v", "demo", "--help");
        assertThat(before.exitCode()).as(before.err()).isZero();
        assertThat(before.out()).contains("Usage: runops demo");
        // every command takes it, and none declares a -v of its own
        List<CommandLine> all = new java.util.ArrayList<>(List.of(RunopsCli.wholeTree(new RunopsCli())));
        for (int i = 0; i < all.size(); i++) {
            CommandLine c = all.get(i);
            assertThat(c.getCommandSpec().findOption("-v")).as(c.getCommandName()).isNotNull()
                    .satisfies(o -> assertThat(o.inherited() || c.getParent() == null).as(c.getCommandName() + " -v inherited").isTrue());
            all.addAll(c.getSubcommands().values());
        }
        assertThat(all).hasSizeGreaterThan(20);
        assertThat(runops("datalogger", "grab-params", "-v", "--help").exitCode()).isZero();
    }

    /** picocli formats every description with String.format: a bare % ("like %x%") printed a WARN above the usage. */
    @Test
    void everyCommandsUsageRendersWithoutPicocliWarnings() {
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
        List<CommandLine> all = new java.util.ArrayList<>(List.of(RunopsCli.wholeTree(new RunopsCli())));
        System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            for (int i = 0; i < all.size(); i++) {
                assertThat(all.get(i).getUsageMessage()).isNotBlank();
                all.addAll(all.get(i).getSubcommands().values());
            }
        } finally {
            System.setErr(stderr);
        }
        assertThat(warnings.toString(java.nio.charset.StandardCharsets.UTF_8)).isEmpty();
        assertThat(runops("rr", "runs", "--help").out()).contains("'name: like %PromptReco%'", "(like %x%)");
    }

    @Test
    void inputErrorsExitTwoAndBugsExitThree() {
        Run input = failing(new RunopsException("runs.csv:3: not a number"));
        assertThat(input.exitCode()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(input.err()).isEqualTo("runops: error: runs.csv:3: not a number\n");
        assertThat(failing(new NoSuchFileException("/data/none.json")).err()).contains("NoSuchFileException: /data/none.json");
        assertThat(failing(new NoSuchFileException("/data/none.json")).exitCode()).isEqualTo(2);
        assertThat(failing(new UncheckedIOException(new NoSuchFileException("a.csv"))).exitCode()).isEqualTo(2);
        assertThat(failing(new IllegalArgumentException("--top must be positive: 0")).exitCode()).isEqualTo(2);

        Run npe = failing(new NullPointerException("Cannot invoke \"String.length()\""));
        assertThat(npe.exitCode()).isEqualTo(ExitCodes.INTERNAL_ERROR).isEqualTo(3);
        assertThat(npe.err()).startsWith("runops: internal error: java.lang.NullPointerException: Cannot invoke")
                .contains("run with -v for the stack trace").doesNotContain("\tat ");
        assertThat(failing(new IllegalStateException("closed")).exitCode()).isEqualTo(3);
        Run verbose = failing(new IllegalStateException("closed"), "-v", "fail");
        assertThat(verbose.exitCode()).isEqualTo(3);
        assertThat(verbose.err()).contains("internal error", "java.lang.IllegalStateException: closed", "\tat ");
        assertThat(runops("--help").out()).contains("3 internal error");
    }

    @Test
    void entriesOfGoodFilesExitZero() {
        Path a = RootFileWriter.create().compression(Compression.ZLIB).tree("Events", 1234).write(tmp.resolve("a.root"));
        Path b = RootFileWriter.create().compression(Compression.ZSTD).tree("Events", 7).write(tmp.resolve("b.root"));
        Run r = runops("root", "entries", a.toString(), b.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("1234").contains(" 7 ").contains("a.root").contains("b.root");
    }

    @Test
    void entriesOfDamagedOrMissingFilesExitOneAndSayWhy() {
        Path good = RootFileWriter.create().tree("Events", 10).write(tmp.resolve("good.root"));
        Path cut = RootFileWriter.create().tree("Events", 10).damage(Damage.TRUNCATED).write(tmp.resolve("cut.root"));
        Run r = runops("root", "entries", good.toString(), cut.toString(), tmp.resolve("absent.root").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("cut.root").contains("absent.root").contains("yes");
    }

    @Test
    void entriesJsonIsValidJsonWithOneObjectPerFile() throws IOException {
        Path a = RootFileWriter.create().tree("Events", 42).write(tmp.resolve("a.root"));
        Run r = runops("root", "entries", "--json", a.toString());
        assertThat(r.exitCode()).isZero();
        int objects = 0;
        long entries = -1;
        try (JsonParser p = new JsonFactory().createParser(r.out())) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.START_OBJECT) {
                    objects++;
                }
                if (t == JsonToken.FIELD_NAME && p.currentName().equals("entries")) {
                    p.nextToken();
                    entries = p.getLongValue();
                }
            }
        }
        assertThat(objects).isEqualTo(1);
        assertThat(entries).isEqualTo(42);
    }

    @Test
    void lsShowsHeaderAndKeys() {
        Path a = RootFileWriter.create().compression(Compression.ZLIB).tree("Events", 5).write(tmp.resolve("a.root"));
        Run r = runops("root", "ls", a.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("ROOT ").contains("TTree").contains("Events");
    }

    @Test
    @org.junit.jupiter.api.Timeout(30)
    void aFifoGivenAsARootFileIsNamedAndNeverOpened() {
        Path fifo = org.runops.testing.Fifos.create(tmp.resolve("run5.root"));
        Path good = RootFileWriter.create().tree("Events", 3).write(tmp.resolve("good.root"));
        for (String command : List.of("ls", "entries")) {
            Run r = runops("root", command, fifo.toString(), good.toString());
            assertThat(r.exitCode()).as(command + ": " + r.out() + r.err()).isNotZero();
            assertThat(r.out() + r.err()).as(command).contains(fifo.toString()).contains("FIFO");
        }
        Path dir = FffRunDirectoryWriter.create(tmp.resolve("fff"), 5).lumiSection(1, 3).write();
        Run check = runops("events", "check", "--edm", fifo.toString(), dir.toString());
        assertThat(check.exitCode()).as(check.out() + check.err()).isNotZero();
        assertThat(check.out() + check.err()).contains(fifo.toString()).contains("FIFO");
    }

    @Test
    void eventsCheckMatchesAndMismatches() {
        Path storage = tmp.resolve("fff");
        Path good = FffRunDirectoryWriter.create(storage, 338999).lumiSection(1, 1000, 500).lumiSection(2, 250).write();
        RootFileWriter.create().tree("Events", 1750).write(good.resolve("run338999.root"));
        Run ok = runops("events", "check", good.toString());
        assertThat(ok.exitCode()).as(ok.out() + ok.err()).isZero();
        assertThat(ok.out()).contains("MATCH").contains("1750");

        Path bad = FffRunDirectoryWriter.create(storage, 339001).lumiSection(1, 100).write();
        RootFileWriter.create().tree("Events", 99).write(bad.resolve("run339001.root"));
        Run mismatch = runops("events", "check", bad.toString());
        assertThat(mismatch.exitCode()).isEqualTo(1);
        assertThat(mismatch.out()).contains("MISMATCH").contains("100").contains("99");
    }

    @Test
    void eventsCheckWithoutOutputFileSaysOutputMissing() {
        Path dir = FffRunDirectoryWriter.create(tmp, 339002).lumiSection(1, 10).write();
        Run r = runops("events", "check", "--json", dir.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("\"verdict\" : \"OUTPUT_MISSING\"");
    }

    @Test
    void eventsCheckOfSomethingThatIsNotADirectoryIsAnInputError() throws IOException {
        Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
        Run r = runops("events", "check", file.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("not a run directory").contains("not-a-dir");
    }

    @Test
    void stripExplainSaysThatARunWhoseCheckCouldNotBeMadeComesBack() throws IOException {
        Path ledgers = Files.createDirectories(tmp.resolve("ledgers"));
        HistoryLog.open(ledgers.resolve("history.jsonl")).append(new HistoryRecord(Instant.parse("2026-11-24T12:00:00Z"), "srv-cli",
                400200, "RETRY_LATER", "CHECK_INDETERMINATE: EDM could not be checked (INDETERMINATE: ...)",
                Map.of("edm", "INDETERMINATE: could not be checked now (IO_ERROR): run400200.root Events: ..."), Map.of()));
        Path config = Files.writeString(tmp.resolve("strip.properties"), "host=srv-cli\nledger.dir=" + ledgers + "\n");
        Run explain = runops("strip", "explain", "400200", "--config", config.toString());
        assertThat(explain.exitCode()).as(explain.err()).isZero();
        assertThat(explain.out()).contains("RETRY_LATER", "IO_ERROR", "nothing deleted, no ledger line; looked at again next pass");
    }

    @Test
    void stripCommandsWorkOnAStagedStorageArea() throws IOException {
        Path work = tmp.resolve("strip");
        Run demo = runops("strip", "demo", "--dir", work.toString());
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        assertThat(demo.out()).contains("NOT_IN_RUN_DB", "RUN_NOT_FINISHED", "RECENTLY_FINISHED", "MODE_NOT_ANALYSED",
                "PARTITION_ON_OTHER_HOST", "ANALYSIS_RUNNING", "ZERO_EVENT_RUN", "VALIDATED", "VALIDATION_FAILED", "LEASED");
        Path config = Files.writeString(tmp.resolve("strip.properties"), "host=srv-cli\nstorage.root=" + work.resolve("fff")
                + "\ndata.dir=" + work.resolve("Data") + "\nledger.dir=" + work.resolve("ledgers") + "\n");

        Run explain = runops("strip", "explain", "400109", "--config", config.toString());
        assertThat(explain.exitCode()).isZero();
        assertThat(explain.out()).contains("RETRY", "FAILED", "500 events", "499");
        assertThat(runops("strip", "explain", "1", "--config", config.toString()).exitCode()).isEqualTo(1);

        Run status = runops("strip", "status", "--config", config.toString());
        assertThat(status.out()).as(status.err()).contains("analyzedruns.txt", "failedruns.txt", "ignoredruns.txt", "last decision")
                .containsPattern("failedruns.txt +\\d+ runs, last run\\d+( (True|False)){4}\n");

        Run dry = runops("strip", "run-once", "--dry-run", "--config", config.toString());
        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("dry run:", "400100");

        try (var held = org.runops.core.ledger.HostLock.tryAcquire(work.resolve("ledgers/strip-pass-srv-cli.lock"), "test").orElseThrow()) {
            Run blocked = runops("strip", "run-once", "--config", config.toString());
            assertThat(blocked.exitCode()).isEqualTo(1);
            assertThat(blocked.err()).contains("another pass is running");
        }
        Path bad = Files.writeString(tmp.resolve("bad.properties"), "ledger.dir=" + work.resolve("ledgers") + "\nend.delay=soon\n");
        Run badConfig = runops("strip", "run-once", "--config", bad.toString());
        assertThat(badConfig.exitCode()).isEqualTo(2);
        assertThat(badConfig.err()).contains("end.delay=soon");
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a thread stuck in a socket read ignores interrupts
    void stripRunOnceStopsWithOneLineWhenTheDatabaseNeverAnswers() throws IOException {
        Path storage = tmp.resolve("fff");
        FffRunDirectoryWriter.create(storage, 400100).lumiSection(1, 10).write();
        Path ledgers = tmp.resolve("ledgers");
        Path config = Files.writeString(tmp.resolve("strip.properties"), "host=srv-cli\nstorage.root=" + storage
                + "\ndata.dir=" + tmp.resolve("Data") + "\nledger.dir=" + ledgers + "\n");
        try (SilentListener db = SilentListener.start()) {
            String url = "jdbc:h2:tcp://127.0.0.1:" + db.port() + "/mem:rundb";
            Run r = runops("strip", "run-once", "--config", config.toString(), "--set", "db.url=" + url, "--set", "db.timeout=2s");
            assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.INPUT_ERROR);
            assertThat(r.err().lines()).singleElement().asString().startsWith("runops: error: cannot read RUN rows for 1 runs from " + url)
                    .contains("timed out after 2s");
        }
        assertThat(ledgers.resolve("analyzedruns.txt")).satisfiesAnyOf(f -> assertThat(f).doesNotExist(), f -> assertThat(f).isEmptyFile());
        assertThat(ledgers.resolve("history.jsonl")).satisfiesAnyOf(f -> assertThat(f).doesNotExist(), f -> assertThat(f).isEmptyFile());
    }

    @Test
    void demoShowsEveryVerdictAndCleansUp() {
        Run r = runops("demo");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("MATCH", "MISMATCH", "OUTPUT_RECOVERED", "OUTPUT_ZOMBIE", "OUTPUT_MISSING",
                "EXPECTED_UNKNOWN");
        assertThat(r.out()).contains("SiStrip commissioning pass", "ZERO_EVENT_RUN", "VALIDATED");
        assertThat(r.out()).contains("Reference-run recommendation", "Run 382400", "REFERENCE", "Confidence",
                "previous reference in dataset");
        String scratch = r.out().lines().filter(l -> l.contains("scratch area")).findFirst().orElseThrow();
        assertThat(Path.of(scratch.substring(scratch.indexOf('/')).trim())).doesNotExist();
    }
}
