package org.runops.examples.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import org.runops.core.exec.ProcessRunner;
import org.runops.core.ledger.RunLeases;
import org.runops.strip.EmbeddedRunDatabase;
import org.runops.strip.Partition;
import org.runops.strip.PassReport;
import org.runops.strip.RunDatabase;
import org.runops.strip.StripConfig;
import org.runops.strip.StripPass;
import org.runops.testing.FffRunDirectoryWriter;
import org.runops.testing.RootFileWriter;
import org.runops.testing.StandInAnalysis;


/**
 * A complete commissioning setup in a scratch directory: fff storage with one run per decision-table
 * row, an H2 RUN/ANALYSIS database, and a stand-in analysis script (run as a real process) that writes
 * what the real analysis writes — the EDM file, client and source files, its ANALYSIS row.
 */
public final class StripDemo {
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 24, 12, 0);
    private static final LocalDateTime START = NOW.minusHours(5);
    private static final LocalDateTime END = NOW.minusHours(4);

    private final Path root;
    private final String classPath;

    /**
     * @param root      scratch directory
     * @param classPath a class path holding H2, for the stand-in script's database upload
     */
    public StripDemo(Path root, String classPath) {
        this.root = root;
        this.classPath = classPath;
    }

    /** Stages everything, runs one pass as host {@code srv-demo} (partitions TI, TM, TO) and returns its report. */
    public PassReport run() {
        try {
            Path storage = Files.createDirectories(root.resolve("fff"));
            Path data = Files.createDirectories(root.resolve("Data"));
            Path ready = Files.createDirectories(root.resolve("prepared-edm"));
            EmbeddedRunDatabase db = EmbeddedRunDatabase.inFile(root.resolve("rundb"));
            db.partition(1, "TI_27-JAN-2010_2").partition(2, "TM_09-JUN-2009_1").partition(3, "TO_30-JUN-2009_1")
                    .partition(4, "TP_09-JUN-2009_1");
            stage(storage, data, ready, db);
            Path script = StandInAnalysis.create(ready, storage).partitionInFileNames(true) // one run is in scope mode
                    .upload(db.url(), classPath, "DEMO").write(root.resolve("run_analysis_standin.sh"));
            StripConfig config = StripConfig.defaults("srv-demo").withDirectories(storage, data, root.resolve("ledgers"))
                    .withPartitions(EnumSet.of(Partition.TI, Partition.TM, Partition.TO))
                    .withAnalysisCommand(StandInAnalysis.command(script), Duration.ofMinutes(5));
            Clock clock = Clock.fixed(NOW.toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
            try (RunLeases.RunLease other = RunLeases.in(root.resolve("ledgers/leases"), "srv-s2b17-30-01", 4242,
                    Duration.ofMinutes(30), clock).tryAcquire(400112).orElseThrow()) {
                return new StripPass(config.withDatabaseZone(ZoneOffset.UTC), RunDatabase.jdbc(db.dataSource()), clock,
                        ProcessRunner.create()).run(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stage(Path storage, Path data, Path ready, EmbeddedRunDatabase db) throws IOException {
        daq(storage, 400100, 100);                                        // not in the RUN table
        daq(storage, 400101, 100);
        db.run(400101, 1, 2, START, null);                                // still running
        daq(storage, 400102, 100);
        db.run(400102, 1, 2, START, NOW.minusMinutes(50));                // ended 50 min ago
        daq(storage, 400103, 100);
        db.run(400103, 1, 1, START, END);                                 // PHYSIC: never analysed
        daq(storage, 400104, 100);
        db.run(400104, 4, 5, START, END);                                 // TP: the other host's
        daq(storage, 400105, 100);
        db.run(400105, 2, 6, START, END);
        Files.writeString(data.resolve("lock_TM_09-JUN-2009_1_400105.txt"), "Running analysis script ...");
        FffRunDirectoryWriter.create(storage, 400106).write();            // zero-event run
        db.run(400106, 1, 2, START, END);
        daq(storage, 400107, 1750);                                       // outputs already valid
        db.run(400107, 1, 4, START, END).analysis(1L, 400107, 1, "OPTOSCAN", 1L, 0L);
        RootFileWriter.create().tree("Events", 1750).write(storage.resolve("run400107/run400107.root"));
        Files.createDirectories(data.resolve("400107"));
        Files.write(data.resolve("400107/SiStripCommissioningClient_00400107.root"), new byte[1]);
        Files.write(data.resolve("400107/SiStripCommissioningSource_00400107_010.176.028.104_01234.root"), new byte[1]);
        daq(storage, 400108, 2000);                                       // analysed now: good
        db.run(400108, 3, 5, START, END);
        RootFileWriter.create().tree("Events", 2000).write(ready.resolve("run400108.root"));
        daq(storage, 400109, 500);                                        // analysis loses events: retried, failed
        db.run(400109, 1, 2, START, END);
        RootFileWriter.create().tree("Events", 499).write(ready.resolve("run400109.root"));
        daq(storage, 400110, 300);                                        // scope run on TI, TM, TO, TP
        for (long partition = 1; partition <= 4; partition++) {
            db.run(400110, partition, 15, START, END);
        }
        RootFileWriter.create().tree("Events", 300).write(ready.resolve("run400110.root"));
        daq(storage, 400111, 100);                                        // crashed conversion left a recovered EDM
        db.run(400111, 3, 7, START, END);
        RootFileWriter.create().tree("Events", 100).damage(RootFileWriter.Damage.NEVER_CLOSED).write(ready.resolve("run400111.root"));
        daq(storage, 400112, 100);                                        // another host holds the lease
        db.run(400112, 1, 2, START, END);
        Files.createDirectories(storage.resolve("not-a-run"));
    }

    private static void daq(Path storage, long run, long events) {
        FffRunDirectoryWriter.create(storage, run).lumiSection(1, events).write();
    }
}
