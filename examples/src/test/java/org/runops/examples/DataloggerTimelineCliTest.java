package org.runops.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.runops.examples.Launcher.runops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.examples.Launcher.Run;

/** {@code runops datalogger timeline} end to end on the simulated backend and a real SQLite file. */
class DataloggerTimelineCliTest {
    @TempDir
    Path tmp;

    @Test
    void onceLogsOneSimulatedSupercycleAndSaysSo() throws Exception {
        Path db = tmp.resolve("GMPSAI.db");

        Run run = runops("datalogger", "timeline", "--backend", "simulated", "--once", "--db", db.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("1153 new rows", db.toString(), "simulated");
        assertThat(run.err()).contains("timeline: 1 supercycles, 1153 rows", "0 failures in a row");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT SC_StartTime), MIN(backend), MAX(backend) FROM TimeLineLogs")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getInt(1)).isEqualTo(1153);
            assertThat(r.getInt(2)).isEqualTo(1);
            assertThat(r.getString(3)).isEqualTo("simulated");
            assertThat(r.getString(4)).isEqualTo("simulated");
        }
    }

    @Test
    void badInputIsNamed() {
        Run missing = runops("datalogger", "timeline", "--backend", "simulated", "--once", "--db", tmp.resolve("nowhere/GMPSAI.db").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nowhere", "does not exist");

        Run replay = runops("datalogger", "timeline", "--backend", "replay", "--once");
        assertThat(replay.exitCode()).isEqualTo(2);
        assertThat(replay.err()).contains("--replay-dir");

        assertThat(runops("datalogger", "timeline", "--help").out()).contains("--backend", "--db", "--once", "--url", "GMPSAI.db");
    }

    @Test
    void sigtermStopsTheLogger() throws Exception {
        Path db = tmp.resolve("GMPSAI.db");
        Path log = tmp.resolve("timeline.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process logger = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), RunopsCli.class.getName(),
                "datalogger", "timeline", "--backend", "simulated", "--db", db.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            for (int i = 0; i < 300 && !Files.readString(log).contains("supercycles"); i++) {
                Thread.sleep(100);
            }
            assertThat(Files.readString(log)).contains("timeline: ");
            logger.destroy(); // SIGTERM
            assertThat(logger.waitFor(30, TimeUnit.SECONDS)).as("exits after SIGTERM: " + Files.readString(log)).isTrue();
        } finally {
            logger.destroyForcibly();
        }
    }
}
