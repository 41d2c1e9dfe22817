package org.runops.strip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.core.ledger.RunLedger;
import org.runops.testing.FffRunDirectoryWriter;
import org.runops.testing.RootFileWriter;

/** Two passes in two JVMs started together on one storage area: every run analysed and recorded exactly once. */
class StripPassProcessTest {
    private static final LocalDateTime START = LocalDateTime.of(2026, 1, 1, 7, 0);
    private static final LocalDateTime END = LocalDateTime.of(2026, 1, 1, 8, 0);

    @TempDir
    Path tmp;

    @Test
    void twoPassesTogetherNeverAnalyseTheSameRun() throws Exception {
        Path storage = Files.createDirectories(tmp.resolve("fff"));
        Path prepared = Files.createDirectories(tmp.resolve("prepared"));
        // Client/server, as the real RUN database is: an H2 TCP server on loopback for both pass JVMs.
        org.h2.tools.Server server = org.h2.tools.Server.createTcpServer("-tcpPort", Integer.toString(freePort()), "-ifNotExists").start();
        org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
        ds.setURL("jdbc:h2:tcp://localhost:" + server.getPort() + "/mem:passes;DB_CLOSE_DELAY=-1;MODE=Oracle;DATABASE_TO_UPPER=TRUE");
        EmbeddedRunDatabase db = EmbeddedRunDatabase.on(ds).partition(1, "TI_27-JAN-2010_2");
        int runs = 30;
        for (long run = 600000; run < 600000 + runs; run++) {
            FffRunDirectoryWriter.create(storage, run).lumiSection(1, 10).write();
            db.run(run, 1, 2, START, END).analysis(run, run, 1, "PEDESTALS", 1L, 0L);
            RootFileWriter.create().tree("Events", 10).write(prepared.resolve("run" + run + ".root"));
        }
        Path calls = tmp.resolve("calls.txt");
        Path script = Files.writeString(tmp.resolve("standin.sh"), "run=$1\necho $run >> " + calls + "\nsleep 0.1\n"
                + "cp " + prepared + "/run$run.root " + storage + "/run$(printf %06d $run)/run$run.root\n"
                + "touch SiStripCommissioningClient_$(printf %08d $run).root SiStripCommissioningSource_$(printf %08d $run).root\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> passes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            if (i == 1) {
                // The second pass trails the first: it lists its candidates while the first is mid-way, then
                // reaches runs the first has finished and released since (the race the ledger re-check closes).
                for (int wait = 0; wait < 600 && (!Files.exists(calls) || Files.readAllLines(calls).size() < 3); wait++) {
                    Thread.sleep(50);
                }
            }
            passes.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), PassProcess.class.getName(),
                    tmp.toString(), ds.getURL(), "sh " + script + " {run} False True {partition}")
                    .redirectErrorStream(true).redirectOutput(tmp.resolve("pass" + i + ".log").toFile()).start());
        }
        for (int i = 0; i < passes.size(); i++) {
            assertThat(passes.get(i).waitFor(180, TimeUnit.SECONDS)).isTrue();
            assertThat(passes.get(i).exitValue()).as(Files.readString(tmp.resolve("pass" + i + ".log"))).isZero();
        }
        List<String> analysed = Files.readAllLines(calls);
        assertThat(new HashSet<>(analysed)).as("every run analysed").hasSize(runs);
        assertThat(analysed).as("no run analysed twice").hasSize(runs);
        RunLedger good = RunLedger.open(tmp.resolve("ledgers/analyzedruns.txt"));
        assertThat(good.entries()).as("each run recorded once").hasSize(runs);
        assertThat(good.runs()).hasSize(runs);
        server.stop();
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
