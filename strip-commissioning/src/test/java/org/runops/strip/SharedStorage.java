package org.runops.strip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.tools.Server;
import org.runops.core.exec.ProcessRunner;
import org.runops.core.ledger.HistoryRecord;
import org.runops.core.ledger.LedgerEntry;
import org.runops.testing.FffRunDirectoryWriter;
import org.runops.testing.RootFileWriter;
import org.runops.testing.StandInAnalysis;

/**
 * One storage area, ledger directory and RUN database (an H2 TCP server, client/server as the real one)
 * shared by pass and daemon JVMs standing in for hosts: {@code runs} finished runs needing analysis (their
 * ANALYSIS rows are there; the stand-in analysis makes the EDM file and logs each call), and the checks
 * every crash and soak test ends with.
 */
final class SharedStorage implements AutoCloseable {
    static final long FIRST_RUN = 700000;
    private static final LocalDateTime START = LocalDateTime.of(2026, 1, 1, 7, 0);
    private static final LocalDateTime END = LocalDateTime.of(2026, 1, 1, 8, 0);

    final Path root;
    final Path calls;
    final String command;
    final int runs;
    final Duration ttl;
    private final List<Process> started = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Server server;
    private final JdbcDataSource dataSource;

    private SharedStorage(Path root, int runs, Duration analysis, Duration ttl) throws IOException, java.sql.SQLException {
        this.root = root;
        this.runs = runs;
        this.ttl = ttl;
        Path storage = Files.createDirectories(root.resolve("fff"));
        Path prepared = Files.createDirectories(root.resolve("prepared"));
        server = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:tcp://localhost:" + server.getPort() + "/mem:shared" + System.nanoTime() + ";DB_CLOSE_DELAY=-1;MODE=Oracle;DATABASE_TO_UPPER=TRUE");
        EmbeddedRunDatabase db = EmbeddedRunDatabase.on(dataSource).partition(1, "TI_27-JAN-2010_2");
        for (long run = FIRST_RUN; run < FIRST_RUN + runs; run++) {
            FffRunDirectoryWriter.create(storage, run).lumiSection(1, 10).write();
            db.run(run, 1, 2, START, END).analysis(run, run, 1, "PEDESTALS", 1L, 0L);
            RootFileWriter.create().tree("Events", 10).write(prepared.resolve("run" + run + ".root"));
        }
        calls = root.resolve("calls.txt");
        Path script = StandInAnalysis.create(prepared, storage).callLog(calls).duration(analysis).write(root.resolve("standin.sh"));
        command = StandInAnalysis.command(script);
    }

    static SharedStorage create(Path root, int runs, Duration analysis, Duration ttl) throws Exception {
        return new SharedStorage(root, runs, analysis, ttl);
    }

    /** A pass JVM on {@code host}; {@code properties} are {@code -D} settings (crash points). */
    Process pass(String host, String log, String... properties) throws IOException {
        return java(PassProcess.class, List.of(host, Long.toString(ttl.toMillis())), log, properties);
    }

    /** A daemon JVM on {@code host}, a pass every {@code frequency}. */
    Process daemon(String host, Duration frequency, String log, String... properties) throws IOException {
        return java(DaemonProcess.class, List.of(host, Long.toString(ttl.toMillis()), Long.toString(frequency.toMillis())), log, properties);
    }

    /** A pass in this JVM on {@code host}. */
    PassReport passHere(String host) {
        return new StripPass(PassProcess.config(root.toString(), dataSource.getURL(), command, host, Long.toString(ttl.toMillis())),
                RunDatabase.jdbc(dataSource), Clock.systemUTC(), ProcessRunner.create()).run(false);
    }

    /** Passes in this JVM until every run is recorded (a run whose lease is not stale yet is skipped; tried again). */
    void settle(String host, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (recorded().size() < runs) {
            assertThat(System.nanoTime()).as("every run recorded within " + within + "; recorded " + recorded()).isLessThan(deadline);
            passHere(host);
            Thread.sleep(200);
        }
    }

    Set<Long> recorded() {
        try (StripLedgers ledgers = StripLedgers.open(root.resolve("ledgers"))) {
            Set<Long> all = new TreeSet<>(ledgers.good().runs());
            all.addAll(ledgers.failed().runs());
            all.addAll(ledgers.ignored().runs());
            return all;
        }
    }

    /** How often each run's analysis was started (the stand-in's own log). */
    Map<Long, Long> analyses() throws IOException {
        if (!Files.exists(calls)) {
            return Map.of();
        }
        return Files.readAllLines(calls).stream().filter(l -> !l.isBlank()).collect(Collectors.groupingBy(
                l -> Long.parseLong(l.split(" ")[0]), Collectors.counting()));
    }

    /**
     * Every run in exactly one ledger line, with exactly one final history line (GOOD, FAILED or IGNORED,
     * recovered or not); no lease and no commit intent left behind.
     */
    void assertConsistent() {
        try (StripLedgers ledgers = StripLedgers.open(root.resolve("ledgers"))) {
            List<LedgerEntry> lines = new ArrayList<>(ledgers.good().entries());
            lines.addAll(ledgers.failed().entries());
            lines.addAll(ledgers.ignored().entries());
            Map<Long, Long> perRun = lines.stream().collect(Collectors.groupingBy(LedgerEntry::run, Collectors.counting()));
            assertThat(perRun).as("ledger lines per run").hasSize(runs).allSatisfy((run, n) -> assertThat(n).as("run " + run).isEqualTo(1));
            Map<Long, Long> finals = ledgers.history().read().stream()
                    .filter(r -> Set.of("GOOD", "FAILED", "IGNORED").contains(r.decision()))
                    .collect(Collectors.groupingBy(HistoryRecord::run, Collectors.counting()));
            assertThat(finals).as("final history lines per run").isEqualTo(perRun);
        }
        assertThat(StripLedgers.leases(root.resolve("ledgers"), "check", 0, ttl, Clock.systemUTC()).held()).as("leases left").isEmpty();
        assertThat(root.resolve("ledgers").resolve(StripLedgers.INTENT)).doesNotExist();
    }

    /** Waits for {@code p} (bounded) and returns its exit code. */
    static int exit(Process p, Duration within) throws InterruptedException {
        assertThat(p.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)).as("process " + p.pid() + " ended within " + within).isTrue();
        return p.exitValue();
    }

    /** SIGSTOP / SIGCONT / SIGKILL ... to {@code p}. */
    static void signal(Process p, String signal) throws IOException, InterruptedException {
        assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor()).isZero();
    }

    String log(String name) throws IOException {
        return Files.readString(root.resolve(name));
    }

    /** Waits (bounded) until {@code done} holds for the text of log {@code name}. */
    void awaitLog(String name, Function<String, Boolean> done, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (!Files.exists(root.resolve(name)) || !done.apply(log(name))) {
            assertThat(System.nanoTime()).as("waiting for " + name).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private Process java(Class<?> main, List<String> extra, String log, String... properties) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        cmd.addAll(List.of(properties));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName(), root.toString(), dataSource.getURL(), command));
        cmd.addAll(extra);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(root.resolve(log).toFile())).start();
        started.add(p);
        return p;
    }

    /** Stops the database and every JVM this storage started (with their analyses), even after a failed assertion. */
    @Override
    public void close() {
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        server.stop();
    }

    static Map<Long, Long> once(int runs) {
        Map<Long, Long> m = new HashMap<>();
        for (long run = FIRST_RUN; run < FIRST_RUN + runs; run++) {
            m.put(run, 1L);
        }
        return m;
    }
}
