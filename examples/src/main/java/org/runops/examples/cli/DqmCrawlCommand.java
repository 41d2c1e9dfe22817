package org.runops.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Function;
import okhttp3.HttpUrl;
import org.runops.core.CacheDirectories;
import org.runops.core.exec.ShutdownHooks;
import org.runops.dqm.CrawlItem;
import org.runops.dqm.CrawlLayout;
import org.runops.dqm.CrawlOptions;
import org.runops.dqm.CrawlReport;
import org.runops.dqm.CrawlStatus;
import org.runops.dqm.CrawlTarget;
import org.runops.dqm.Crawler;
import org.runops.dqm.DqmException;
import org.runops.dqm.DqmGuiClient;
import org.runops.examples.RunopsCli;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code runops dqm crawl runs.txt --resource ME_PATH...}: dqmcrawlr's crawl, cached, resumable and a little parallel. */
@Command(
        name = "crawl",
        mixinStandardHelpOptions = true,
        header = "Fetch histograms of many runs into the tracker-studies layout, cached and resumable (dqmcrawlr's dqmcrawl).",
        description = {
            "Reads RUNS_FILE in dqmcrawlr's format: one '<run> <reconstruction>' per line (321012 Express, 325310 Prompt,",
            "306631 reReco; also reRecoUL and Online), blank lines and '#' comments skipped; a bad line stops before any",
            "request, naming the file and line. For each run the GUI's datasets are listed once (data/json/samples) and the",
            "dataset of each reconstruction picked by dqmcrawlr's rules (express: StreamExpress*/StreamHIExpress; prompt:",
            "Cosmics, else ZeroBias, MinimumBias, HIMinimumBias*; reReco: ZeroBias, SingleTrack in 2017G; several versions:",
            "reverse string order as dqmcrawlr, so -v9 wins over -v10). Then every --resource of every (run, reconstruction)",
            "is fetched from jsonfairy and written raw to <out>/<ME name>/<run>_<reco>.json, the files the tracker-studies",
            "notebooks and 'runops studies' read.",
            "Every GUI answer is kept for good in the cache (archived histograms never change), keyed by (run, dataset, ME),",
            "as is each run's dataset list, so running the same command again asks nothing already answered and only",
            "retries what failed. 'unsupported type' answers are remembered as not found (--retry-not-found asks again).",
            "At most --parallelism requests are in flight (default 2: cmsweb is shared). Each item's status and reason",
            "(FETCHED, CACHED, NOT_FOUND, NO_DATASET, FAILED, NOT_ATTEMPTED) is written to <out>/crawl-ledger.csv; Ctrl-C stops after",
            "the requests in flight and still writes the ledger and prints the summary."
        },
        footer = {"", "Exit codes: 0 every item fetched, cached or not found; 1 some item FAILED (run again to retry) or had",
            "NO_DATASET, or the crawl was interrupted otherwise; 2 usage or input error (bad runs file, option, certificate);",
            "3 a bug; 130 stopped with Ctrl-C (the JVM's 128+SIGINT; the ledger and summary are written first)."})
final class DqmCrawlCommand implements Callable<Integer> {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUNS_FILE", description = "One '<run> <reconstruction>' per line (dqmcrawlr's dqmcrawl input).")
    private Path runsFile;

    @Option(names = "--resource", required = true, arity = "1..*", paramLabel = "ME_PATH",
            description = {"Monitor element path(s) as the GUI names them, repeatable, e.g.",
                "/Tracking/TrackParameters/generalTracks/GeneralProperties/TrackEtaPhi_ImpactPoint_GenTk"})
    private List<String> resources;

    @Option(names = "--out", defaultValue = ".", paramLabel = "DIR",
            description = "Where <ME name>/<run>_<reco>.json and crawl-ledger.csv go (default: the current folder, as dqmcrawlr).")
    private Path out;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "The permanent answer cache (default: $XDG_CACHE_HOME/runops/dqm/<GUI host>, else ~/.cache/...).")
    private Path cache;

    @Option(names = "--parallelism", defaultValue = "2", paramLabel = "N",
            description = "Requests in flight at most, 1.." + CrawlOptions.MAX_PARALLELISM + " (default: ${DEFAULT-VALUE}; dqmcrawlr asks one at a time).")
    private int parallelism;

    @Option(names = "--retry-not-found", description = "Ask again for histograms the GUI said it does not have.")
    private boolean retryNotFound;

    @Option(names = "--progress", description = "Show progress on stderr even when it is not a terminal.")
    private boolean progress;

    @Mixin
    private DqmConnectionOptions connection;

    /** How long Ctrl-C waits for the items in flight, the ledger and the summary (the crawl's own stop takes 30 s at most). */
    private static final Duration STOP_WAIT = Duration.ofSeconds(40);

    @Override
    public Integer call() {
        List<CrawlTarget> targets = CrawlTarget.readDqmcrawl(runsFile);
        Thread crawling = Thread.currentThread();
        // Ctrl-C interrupts the crawl; the JVM waits until the summary is printed, then exits 130
        return ShutdownHooks.whileRunning("dqm-crawl-stop", crawling::interrupt, STOP_WAIT, () -> crawlAndPrint(targets));
    }

    private int crawlAndPrint(List<CrawlTarget> targets) {
        PrintWriter err = spec.commandLine().getErr();
        CliEnvironment environment = ((RunopsCli) spec.root().userObject()).environment();
        Function<String, String> env = environment.env();
        CrawlReport report;
        Path cacheDir;
        try (DqmGuiClient gui = connection.client(environment, err);
                ProgressBar bar = new ProgressBar(err, progress || System.console() != null, "crawl", "histograms")) {
            cacheDir = cache != null ? cache : defaultCache(env, gui.baseUrl());
            CrawlOptions options = options(cacheDir);
            report = new Crawler(gui).crawl(targets, resources, options, (item, done, total) -> bar.update(done, total));
        }
        boolean stopped = Thread.interrupted(); // handled here: the exit code says it
        print(report, targets.size(), cacheDir, spec.commandLine().getOut());
        return report.complete() && !stopped ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }

    /** The bounds live in CrawlOptions; its message names the field, prefixed here to name the option. */
    private CrawlOptions options(Path cacheDir) {
        try {
            return CrawlOptions.of(out, cacheDir).withParallelism(parallelism).withRetryNotFound(retryNotFound);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + e.getMessage(), e);
        }
    }

    static Path defaultCache(Function<String, String> env, HttpUrl base) {
        String host = base.host() + (base.port() == HttpUrl.defaultPort(base.scheme()) ? "" : "_" + base.port());
        return CacheDirectories.of(env, "dqm", host)
                .orElseThrow(() -> new DqmException("no cache directory: neither XDG_CACHE_HOME nor HOME is set; pass --cache DIR"));
    }

    private void print(CrawlReport report, int lines, Path cacheDir, PrintWriter out) {
        Map<CrawlStatus, Integer> n = report.counts();
        out.printf(Locale.ROOT, "%d distinct items (%d lines of %s x %d resources) in %.1f s: %d fetched, %d cached, %d not found, %d no dataset, %d failed%s%n",
                report.items().size(), lines, runsFile, resources.size(), report.elapsed().toMillis() / 1000.0,
                n.get(CrawlStatus.FETCHED), n.get(CrawlStatus.CACHED), n.get(CrawlStatus.NOT_FOUND), n.get(CrawlStatus.NO_DATASET),
                n.get(CrawlStatus.FAILED), report.interrupted() ? "; stopped, " + report.notAttempted() + " not attempted" : "");
        TextTable problems = new TextTable("status", "run>", "reco", "resource", "dataset", "reason");
        int shown = 0;
        for (CrawlItem i : report.items()) {
            if (i.status() != CrawlStatus.FETCHED && i.status() != CrawlStatus.CACHED && i.status() != CrawlStatus.NOT_ATTEMPTED) {
                problems.row(i.status(), i.target().run(), i.target().reco().certhelperName(), CrawlLayout.meName(i.mePath()),
                        i.dataset() == null ? "" : i.dataset(), i.detail());
                shown++;
            }
        }
        if (shown > 0) {
            problems.print(out);
        }
        out.println("results: " + this.out.toAbsolutePath().normalize() + "  ledger: " + report.ledger().toAbsolutePath().normalize()
                + "  cache: " + cacheDir.toAbsolutePath().normalize());
        out.flush();
    }
}
