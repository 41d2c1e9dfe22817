package org.runops.strip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.runops.core.exec.ProcessRunner;
import org.runops.core.ledger.RunLedger;
import org.runops.testing.FffRunDirectoryWriter;
import org.runops.testing.SilentListener;

/**
 * {@code db.timeout}: a RUN database that accepts and never answers, or stops answering mid-pass, fails
 * the query within about the timeout with a {@link RunDatabaseException} naming the URL. The JUnit
 * timeouts run the test in a thread of its own, as a thread stuck in a socket read ignores interrupts.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RunDatabaseTimeoutTest {
    private static final String PASSWORD = "s3cret-password";
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** Generous: the point is "fails, and soon", not a timing measurement. */
    private static final Duration BOUND = TIMEOUT.plusSeconds(10);
    private static final String ORACLE_MODE = ";MODE=Oracle;DATABASE_TO_UPPER=TRUE;DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=VALUE";

    @TempDir
    Path tmp;

    @Test
    void anH2ServerThatAcceptsAndNeverAnswersTimesOut() throws IOException {
        try (SilentListener silent = SilentListener.start()) {
            String url = "jdbc:h2:tcp://127.0.0.1:" + silent.port() + "/mem:rundb" + ORACLE_MODE;
            assertTimesOut(url, url);
        }
    }

    @Test
    void anOracleListenerThatAcceptsAndNeverAnswersTimesOut() throws IOException {
        try (SilentListener silent = SilentListener.start()) {
            String service = "@//127.0.0.1:" + silent.port() + "/cms_omds_lb";
            assertTimesOut("jdbc:oracle:thin:" + service, "jdbc:oracle:thin:" + service);
        }
    }

    private void assertTimesOut(String url, String shown) {
        RunDatabase db = settings(url, Map.of()).database();
        long start = System.nanoTime();
        assertThatThrownBy(() -> db.runs(List.of(338999L)))
                .isInstanceOf(RunDatabaseException.class)
                .hasMessageContaining(" from " + shown)
                .hasMessageContaining("timed out after 2s")
                .hasMessageNotContaining(PASSWORD);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
    }

    @Test
    void everyStatementHasTheQueryTimeout() throws SQLException {
        StripSettings settings = settings("jdbc:h2:mem:timeouts" + ORACLE_MODE, Map.of());
        try (Connection c = settings.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement("select 1")) {
            assertThat(ps.getQueryTimeout()).isEqualTo(2);
            assertThat(c.createStatement().getQueryTimeout()).isEqualTo(2);
        }
        assertThatThrownBy(() -> StripSettings.load(null, Map.of("db.timeout", "0s"), Map.of()))
                .isInstanceOf(StripConfigException.class).hasMessageContaining("db.timeout=0s is not valid");
        // credentials inside a URL are never shown
        assertThat(TimedDataSource.redact("jdbc:oracle:thin:cms_trk_r/" + PASSWORD + "@//db:10121/svc")).isEqualTo("jdbc:oracle:thin:***@//db:10121/svc");
        assertThat(TimedDataSource.redact("jdbc:h2:tcp://db/x;PASSWORD=" + PASSWORD + ";MODE=Oracle")).isEqualTo("jdbc:h2:tcp://db/x;PASSWORD=***;MODE=Oracle");
        StripSettings defaults = StripSettings.load(null, Map.of("ledger.dir", tmp.resolve("ledgers").toString()), Map.of());
        defaults.database();
        try (Connection c = defaults.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement("select 1")) {
            assertThat(ps.getQueryTimeout()).as("db.timeout defaults to 2 min").isEqualTo(120);
        }
    }

    /**
     * A real H2 server in a child JVM, stopped with SIGSTOP after the pass's connection check: the pass
     * stops with the timeout and records nothing; a connection opened before the stop fails its next query too.
     */
    @Test
    void aPassAgainstADatabaseThatStopsAnsweringStopsAndRecordsNothing() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/kill")) || Files.isExecutable(Path.of("/usr/bin/kill")),
                "needs the kill command (SIGSTOP/SIGCONT)");
        int port = freePort();
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.h2.tools.Server", "-tcp", "-tcpPort", Integer.toString(port),
                "-ifNotExists").redirectErrorStream(true).redirectOutput(tmp.resolve("h2-server.log").toFile()).start();
        try {
            awaitListening(port, Duration.ofSeconds(30));
            String url = "jdbc:h2:tcp://127.0.0.1:" + port + "/mem:stalled;DB_CLOSE_DELAY=-1" + ORACLE_MODE;
            JdbcDataSource seed = new JdbcDataSource();
            seed.setURL(url);
            seed.setUser("cms_trk_r"); // the first connection creates the in-memory database with these credentials
            seed.setPassword(PASSWORD);
            LocalDateTime end = LocalDateTime.of(2026, 1, 1, 8, 0);
            EmbeddedRunDatabase.on(seed).partition(1, "TI_27-JAN-2010_2").run(700001, 1, 2, end.minusHours(1), end);
            Path storage = tmp.resolve("fff");
            FffRunDirectoryWriter.create(storage, 700001).lumiSection(1, 10).write();
            StripSettings settings = settings(url, Map.of("storage.root", storage.toString(), "data.dir", tmp.resolve("Data").toString()));
            assertThat(settings.database().runs(List.of(700001L))).containsOnlyKeys(700001L);
            try (Connection held = settings.dataSource().getConnection()) {
                signal("-STOP", server);
                StripPass pass = new StripPass(settings.config(), settings.database(), Clock.systemUTC(), ProcessRunner.create());
                long start = System.nanoTime();
                assertThatThrownBy(() -> pass.run(false))
                        .isInstanceOf(RunDatabaseException.class)
                        .hasMessageContaining("jdbc:h2:tcp://127.0.0.1:" + port + "/mem:stalled")
                        .hasMessageContaining("timed out after 2s")
                        .hasMessageNotContaining(PASSWORD);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);

                start = System.nanoTime();
                assertThatThrownBy(() -> held.createStatement().executeQuery("select count(*) from RUN")).isInstanceOf(SQLException.class);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
            }
            Path ledgers = settings.config().ledgerDirectory();
            assertThat(RunLedger.open(ledgers.resolve("analyzedruns.txt")).entries()).isEmpty();
            assertThat(RunLedger.open(ledgers.resolve("failedruns.txt")).entries()).isEmpty();
            Path history = ledgers.resolve("history.jsonl");
            assertThat(Files.exists(history) ? Files.readAllLines(history) : List.of()).as("nothing recorded").isEmpty();
        } finally {
            signal("-CONT", server);
            server.destroyForcibly();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Settings as {@code --set db.url=... --set db.timeout=2s} give them, with a password in the environment. */
    private StripSettings settings(String url, Map<String, String> more) {
        Map<String, String> overrides = new HashMap<>(more);
        overrides.put("db.url", url);
        overrides.put("db.user", "cms_trk_r");
        overrides.put("db.timeout", "2s");
        overrides.put("ledger.dir", tmp.resolve("ledgers").toString());
        overrides.put("host", "srv-timeout");
        return StripSettings.load(null, overrides, Map.of(StripSettings.PASSWORD_VARIABLE, PASSWORD));
    }

    private static void signal(String signal, Process process) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).as("kill " + signal).isTrue();
    }

    private static void awaitListening(int port, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                assertThat(System.nanoTime()).as("H2 server listening on " + port).isLessThan(deadline);
                Thread.sleep(100);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
