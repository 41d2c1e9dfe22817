package org.runops.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.runops.core.csv.CsvReader;
import org.runops.testing.LoopbackOmsRuns;

/**
 * Times whole {@code runops oms runs} processes against a loopback OMS ({@link LoopbackOmsRuns}, N real-shaped rows),
 * beside the omsapi-like Python client, and prints a Markdown table: wall, CPU (user + sys of the client process
 * only; the server runs in this JVM and is not counted), start → first request, paging (first request → last
 * response end), and after the last response. Variants run round-robin (the order rotating each round), after one
 * untimed warm-up round that also checks every output; any output that is not exactly the runs served, or (runops)
 * not byte for byte the first runops variant's in its format, or (Python) lacks a served attribute, marks its row
 * FAILED, with no time. Run from the repository root:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.runops.benchmarks.OmsPullHarness --runs 20000 --repeat 7 \
 *     --before-jar /work/before/runops.jar
 * </pre>
 */
public final class OmsPullHarness {
    private static final Map<String, String> OPTIONS = new LinkedHashMap<>();

    static {
        OPTIONS.put("runs", "20000");
        OPTIONS.put("repeat", "7");
        OPTIONS.put("page-size", "1000");
        OPTIONS.put("formats", "csv,json");
        OPTIONS.put("before-jar", null);
        OPTIONS.put("jar", "examples/target/runops.jar");
        OPTIONS.put("launcher", "examples/target/bin/runops");
        OPTIONS.put("variant", null);
        OPTIONS.put("python", "python3");
        OPTIONS.put("script", "benchmarks/scripts/omsapi_like.py");
    }

    private static final List<String> METRICS = List.of("wall s", "CPU s", "start → first request s", "paging s", "after last response s");
    private static final Duration PROCESS_TIMEOUT = Duration.ofMinutes(5);

    private OmsPullHarness() {}

    /** One row of the table: a command and where its output lands. */
    private record Case(String label, String variant, List<String> command, String format, Path output, Path stdout, boolean runops) {}

    public static void main(String[] args) throws IOException {
        run(args, System.out);
    }

    /** The harness, its table on {@code out} and progress on standard error. */
    static void run(String[] args, PrintStream out) throws IOException {
        // the JDK server writes headers and body separately; without this an answer can wait 40 ms for a delayed ACK.
        // Set before the server class loads; the harness main is the only thing in this JVM.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        HarnessArgs options = new HarnessArgs(args, OPTIONS);
        int runs = options.positiveInt("runs");
        int repeat = options.positiveInt("repeat");
        int pageSize = options.positiveInt("page-size");
        String startLoad = Machine.loadAverage();
        System.err.println("building " + runs + " rows from " + BenchmarkFiles.shared().resolve(OmsRunRows.SOURCE));
        OmsRunRows rows = OmsRunRows.of(BenchmarkFiles.shared(), runs);
        Path scratch = BenchmarkFiles.tempDirectory("oms-pull-harness");
        List<String> notes = new ArrayList<>();
        RequestLog log = new RequestLog();
        try (LoopbackOmsRuns server = LoopbackOmsRuns.start(OmsRunRows.FIRST_RUN, rows.lastRun(), rows::row, log::served)) {
            ProcessTimer timer = new ProcessTimer(scratch, PROCESS_TIMEOUT);
            List<Variant> variants = Variant.checkCds(Variant.of(options, notes), timer, scratch, notes);
            List<Case> cases = cases(options, variants, server.baseUrl().toString(), rows, pageSize, scratch, notes);
            TimingTable table = new TimingTable("client", METRICS);
            cases.forEach(c -> table.row(c.label()));
            Map<String, String> reference = new HashMap<>(); // format → "variant's (sha …)" of the first runops output
            System.err.println("warm-up round (untimed; checks every output)");
            for (Case c : cases) {
                measure(c, timer, log, rows, pageSize, table, reference, false);
            }
            for (int round = 0; round < repeat; round++) {
                System.err.println("round " + (round + 1) + " of " + repeat + ", load average " + Machine.loadAverage());
                for (int i = 0; i < cases.size(); i++) {
                    Case c = cases.get((i + round) % cases.size()); // rotated, so no variant always runs first
                    if (!table.failed(c.label())) {
                        measure(c, timer, log, rows, pageSize, table, reference, true);
                    }
                }
            }
            out.println("OMS runs pull: " + runs + " runs (" + OmsRunRows.FIRST_RUN + ".." + rows.lastRun() + "), pages of "
                    + pageSize + ", loopback http " + server.baseUrl() + ", " + repeat + " timed runs per row (median (min–max)).");
            out.println(Machine.describe() + "; load average (1/5/15 min) " + startLoad + " at the start, " + Machine.loadAverage()
                    + " at the end.");
            out.println();
            out.print(table.markdown());
            out.println();
            out.println("CPU is user + sys of the client process; " + ProcessTimer.cpuSource().description
                    + ". The loopback server runs in the harness JVM and is not counted, though it competes for the same cores.");
            notes.forEach(n -> out.println("- " + n));
        } finally {
            BenchmarkFiles.deleteRecursively(scratch);
        }
    }

    private static List<Case> cases(HarnessArgs options, List<Variant> variants, String base, OmsRunRows rows, int pageSize, Path scratch, List<String> notes) {
        List<String> formats = List.of(options.get("formats").split(","));
        for (String f : formats) {
            if (!f.equals("csv") && !f.equals("json")) {
                throw new IllegalArgumentException("--formats must list csv and/or json, got '" + f + "'");
            }
        }
        List<Case> cases = new ArrayList<>();
        for (Variant v : variants) {
            for (String format : formats) {
                List<String> pull = List.of("oms", "runs", "--from", Long.toString(OmsRunRows.FIRST_RUN), "--to", Long.toString(rows.lastRun()),
                        "--url", base, "--instance", "p5", "--page-size", Integer.toString(pageSize), "--format", format);
                Path out = scratch.resolve(v.name() + "." + format);
                cases.add(new Case(v.name() + " " + format, v.name(), v.with(pull), format, out, out, true));
            }
        }
        String python = options.get("python");
        Path script = Path.of(options.get("script"));
        if (!succeeds(List.of(python, "-c", "import omsapi"), scratch)) {
            notes.add("omsapi itself is not installed here: the Python row is " + script
                    + ", which pages as omsapi does (requests.get per page without a Session, resp.json(), the csv module)");
        }
        if (!Files.isRegularFile(script) || !succeeds(List.of(python, "-c", "import requests"), scratch)) {
            notes.add("python comparison skipped: needs " + python + " with requests and " + script.toAbsolutePath());
        } else {
            Path out = scratch.resolve("omsapi-like.csv");
            cases.add(new Case("omsapi-like python csv", "omsapi-like", List.of(python, script.toAbsolutePath().toString(), base,
                    Long.toString(OmsRunRows.FIRST_RUN), Long.toString(rows.lastRun()), Integer.toString(pageSize), out.toString()), "csv", out,
                    scratch.resolve("omsapi-like.stdout"), false));
        }
        return cases;
    }

    private static void measure(Case c, ProcessTimer timer, RequestLog log, OmsRunRows rows, int pageSize, TimingTable table,
            Map<String, String> reference, boolean timed)
            throws IOException {
        Files.deleteIfExists(c.output());
        log.drain();
        ProcessTimer.Run run = timer.run(c.command(), Path.of("."), c.stdout());
        RequestLog.Snapshot requests = log.drain();
        if (run.exitCode() != 0) {
            table.fail(c.label(), "exit " + run.exitCode() + ": " + run.stderrTail());
            return;
        }
        int pages = (rows.size() + pageSize - 1) / pageSize;
        if (requests.requests() < pages) { // e.g. a cache: a pull that never reached the server is not a pull's time
            table.fail(c.label(), "did not pull: " + requests.requests() + " requests, expected ≥ " + pages);
            return;
        }
        PulledRuns.Result check = PulledRuns.check(c.output(), c.format(), OmsRunRows.FIRST_RUN, rows.lastRun());
        if (!check.ok()) {
            table.fail(c.label(), check.failure());
            return;
        }
        String differs = c.runops() ? sameBytes(c, reference) : missingColumns(c.output(), rows);
        if (differs != null) {
            table.fail(c.label(), differs);
            return;
        }
        table.note(c.label(), check.description() + ", " + requests.requests() + " requests");
        if (timed) {
            boolean served = requests.requests() > 0; // else the stamps are the log's MAX/MIN sentinels
            table.add(c.label(), run.wallSeconds(), run.cpuSeconds(), served ? (requests.firstArrival() - run.start()) / 1e9 : Double.NaN,
                    served ? (requests.lastEnd() - requests.firstArrival()) / 1e9 : Double.NaN,
                    served ? (run.end() - requests.lastEnd()) / 1e9 : Double.NaN);
        }
        System.err.printf("  %-28s wall %.2f s, CPU %.2f s%n", c.label(), run.wallSeconds(), run.cpuSeconds());
    }

    /**
     * Null when {@code c}'s output has the same bytes as the first runops variant's in its format (the first one sets
     * it); else why not. Run numbers alone miss dropped or garbled columns, CSV quoting and JSON escaping.
     */
    private static String sameBytes(Case c, Map<String, String> reference) throws IOException {
        String sha = sha256(c.output());
        String first = reference.putIfAbsent(c.format(), c.variant() + "'s (sha " + sha + ")");
        return first == null || first.endsWith("(sha " + sha + ")") ? null : "output differs from " + first + ": sha " + sha;
    }

    /** Null when the CSV header names every attribute of the served rows; else the missing ones. */
    private static String missingColumns(Path csv, OmsRunRows rows) {
        try (CsvReader reader = CsvReader.open(csv)) {
            List<String> missing = rows.attributeNames().stream().filter(a -> !reader.header().contains(a)).toList();
            return missing.isEmpty() ? null : "the CSV header lacks " + missing.size() + " of " + rows.attributeNames().size()
                    + " attributes: " + missing;
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static boolean succeeds(List<String> command, Path directory) {
        try {
            Process p = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
