package org.runops.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.runops.core.refrun.RunReferencePair;
import org.runops.datalogger.stats.DistillOutcome;
import org.runops.examples.demo.CaloDemo;
import org.runops.examples.demo.DataloggerDemo;
import org.runops.examples.demo.EventCountDemo;
import org.runops.examples.demo.RefrunDemo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code runops demo}: every workflow on generated data and embedded defaults, nothing to install. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        header = "Run every workflow on generated data and embedded defaults: nothing to install.",
        description = {
            "Show what runops does on data it generates in a scratch directory: an fff storage area with",
            "run directories and EDM files covering every event-count verdict, then one pass of the SiStrip",
            "commissioning job over runs covering every row of its decision table (embedded H2 database,",
            "stand-in analysis script), then a reference-run recommendation with its reasons and a replay of the",
            "recommender beside its baselines. Nothing outside the scratch directory is touched."
        })
public final class DemoCommand implements Callable<Integer> {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Scratch directory to use and keep (default: a temporary one, deleted afterwards).")
    private Path dir;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("runops-demo-");
        try {
            Path storage = Files.createDirectories(work.resolve("fff"));
            out.println("runops demo: scratch area " + work);
            out.println();
            out.println("Event-count validation (DAQ .jsn metadata vs the EDM file's Events tree):");
            long start = System.nanoTime();
            List<EventCountDemo.Outcome> outcomes = new EventCountDemo(storage).run();
            long micros = (System.nanoTime() - start) / 1000;
            EventCountDemo.print(outcomes, out);
            long passed = outcomes.stream().filter(o -> o.report().passed()).count();
            out.printf(Locale.ROOT, "%n  %d runs staged and checked in %d ms: %d match, %d need attention.%n",
                    outcomes.size(), micros / 1000, passed, outcomes.size() - passed);
            out.println("  Try: runops events check " + storage.resolve("run400002")
                    + (dir == null ? "   (add --dir DIR to keep the files)" : ""));
            out.println();
            out.flush(); // each part as it is done: the demo takes seconds
            out.println("SiStrip commissioning pass (host srv-demo, partitions TI/TM/TO; runops strip demo for more):");
            StripCommand.printReport(StripDemoCommand.run(Files.createDirectories(work.resolve("strip"))), out);
            out.println();
            out.flush();
            printRefrun(out);
            out.println();
            out.flush();
            printDatalogger(Files.createDirectories(work.resolve("datalogger")), out);
            out.println();
            out.flush();
            printCalo(Files.createDirectories(work.resolve("calo")), out);
            return ExitCodes.OK;
        } finally {
            if (dir == null) {
                deleteRecursively(work);
            }
            out.flush();
        }
    }

    private static void printRefrun(PrintWriter out) {
        List<RunReferencePair> history = RefrunDemo.history();
        out.println("Reference-run recommendation (a generated Certhelper history of " + history.size()
                + " choices; runops refrun for real dumps):");
        RefrunRecommendCommand.printTable(RefrunDemo.recommend(history), history.size(), out);
        out.println();
        out.println("  The same history replayed in run order, each run ranked from earlier choices only:");
        RefrunEvaluateCommand.printMetrics(RefrunDemo.evaluate(history), out);
    }

    private static void printDatalogger(Path work, PrintWriter out) {
        out.println("Accelerator DataLogger (a SIMULATED hour of the Booster GMPS devices, 15 Hz; runops datalogger for the real one):");
        long start = System.nanoTime();
        DataloggerDemo.Outcome o = DataloggerDemo.run(work);
        long millis = (System.nanoTime() - start) / 1_000_000;
        for (var grab : o.grabs()) {
            out.printf(Locale.ROOT, "  grabbed %s (%,d samples)%n", grab.file().orElseThrow().getFileName(), grab.totalSamples());
        }
        long stored = o.distilled().stream().filter(DistillOutcome::ok).count();
        out.printf(Locale.ROOT, "  distilled %d of %d files into %s (value and sample-interval statistics per device)%n",
                stored, o.distilled().size(), o.database());
        out.println("  plotly JSON " + o.json());
        out.println("  HTML page   " + o.html() + "   (open it in a browser: zoom, filter, UTC and Chicago time)");
        out.println("  PNG plot    " + o.png());
        out.printf(Locale.ROOT, "  %,d samples grabbed, distilled and exported in %d ms.%n", o.samples(), millis);
    }

    private static void printCalo(Path work, PrintWriter out) throws IOException {
        out.println("sPHENIX calorimeter CDB maps (a DEMO FileCatalog in H2, an in-memory CDB, stand-in map jobs on this machine;"
                + " runops calo for the real one):");
        CaloDemo.Outcome o;
        try {
            o = CaloDemo.run(work);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the demo map jobs ran", e);
        }
        var p = o.executed().plan();
        out.printf(Locale.ROOT, "  plan %s: %d runs in the catalogue, %d up to date in the CDB, %d missing or empty files;"
                + " %d map jobs submitted locally%n", p.id(), p.catalogRuns().size(), p.upToDate().size(), p.missingFiles().size(),
                o.executed().queued().size());
        TextTable t = new TextTable("run>", "tag", "maps>", "outcome");
        p.tasks().forEach(task -> t.row(task.runTag().run(), task.runTag().tag(), task.mapsNeeded().size(),
                o.status().stream().filter(s -> s.run() == task.runTag().run()).findFirst()
                        .map(s -> s.latest().outcome().kind().toString()).orElse("-")));
        out.print("  ");
        StringWriter table = new StringWriter();
        t.print(new PrintWriter(table));
        out.print(table.toString().replace("\n", "\n  ").stripTrailing());
        out.println();
        out.println("  (run " + CaloDemo.FAILING_RUN + "'s stand-in job exits 0 without writing its maps: judged FAILED by its files)");
        out.println("  Try: runops calo plan --catalog demo -o DIR   (add -s to run the jobs; runops calo status -o DIR --batch local)");
    }

    static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
