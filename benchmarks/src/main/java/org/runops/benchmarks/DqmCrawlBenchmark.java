package org.runops.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.runops.core.refrun.Reconstruction;
import org.runops.dqm.CrawlOptions;
import org.runops.dqm.CrawlProgress;
import org.runops.dqm.CrawlReport;
import org.runops.dqm.CrawlStatus;
import org.runops.dqm.CrawlTarget;
import org.runops.dqm.Crawler;
import org.runops.dqm.DqmGuiClient;
import org.runops.testing.FakeDqmGui;

/**
 * {@link Crawler#crawl} of {@code crawlHistograms} (run, ME) histograms — {@code crawlHistograms / 5} express runs × 5 MEs —
 * from a loopback DQM GUI ({@link FakeDqmGui}) that answers every request after {@code latencyMs}, with the
 * real offline TH2 map body ({@code ../shared/data/dqm/jsonfairy_offline_321012_...json}; {@code -p mapBody=generated}
 * serves a generated map of the same shape when ../shared is absent), through the real {@link DqmGuiClient} (which
 * parses each body before handing it over). Each run's dataset list is one more request, so
 * a cold crawl makes {@code crawlHistograms × 1.2} requests.
 * <ul>
 *   <li>{@code cold}: empty cache and output, {@code parallelism} requests at a time; 1 is what dqmcrawlr does.</li>
 *   <li>{@code cached}: the same crawl again over a full cache: nothing asked, every output already in place.</li>
 * </ul>
 * Single shots (one crawl per iteration): the time is the wall time of one whole crawl.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 2)
@Fork(1)
public class DqmCrawlBenchmark {
    static final String MAP_FILE = "jsonfairy_offline_321012_StreamExpress_Run2018D-Express-v1_TrackEtaPhi_ImpactPoint_GenTk.json";
    private static final String UNSUPPORTED_FILE = "jsonfairy_unsupported_type_321012_StreamExpress_Run2018D-Express-v1_folder.json";
    private static final String DATASET = "/StreamExpress/Run2018D-Express-v1/DQMIO";
    private static final int MES_PER_RUN = 5;

    @Param({"2000"})
    public int crawlHistograms;

    @Param({"50"})
    public int latencyMs;

    @Param({"1", "2", "4"})
    public int parallelism;

    /** {@code shared}: the real body from ../shared/data/dqm; {@code generated}: a generated map of the same shape. */
    @Param({"shared"})
    public String mapBody;

    private FakeDqmGui gui;
    private DqmGuiClient client;
    private Crawler crawler;
    private List<CrawlTarget> targets;
    private List<String> mePaths;
    private Path root;
    private CrawlOptions options;

    @Setup(Level.Trial)
    public void startGui() throws IOException {
        if (crawlHistograms < MES_PER_RUN || crawlHistograms % MES_PER_RUN != 0) {
            throw new IllegalArgumentException("crawlHistograms must be a positive multiple of " + MES_PER_RUN + ", got " + crawlHistograms);
        }
        byte[] body = body(mapBody);
        byte[] unsupported = "{\"hist\": \"unsupported type\"}".getBytes(StandardCharsets.UTF_8);
        Path realUnsupported = BenchmarkFiles.shared().resolve("data/dqm").resolve(UNSUPPORTED_FILE);
        if (mapBody.equals("shared")) {
            unsupported = Files.readAllBytes(realUnsupported);
        }
        gui = new FakeDqmGui(body, unsupported).latency(Duration.ofMillis(latencyMs));
        targets = new ArrayList<>();
        for (long run = 0; run < crawlHistograms / MES_PER_RUN; run++) {
            gui.run(300000 + run, DATASET);
            targets.add(new CrawlTarget(300000 + run, Reconstruction.EXPRESS));
        }
        mePaths = new ArrayList<>();
        for (int i = 0; i < MES_PER_RUN; i++) {
            mePaths.add("/Tracking/TrackParameters/generalTracks/GeneralProperties/TrackEtaPhi_ImpactPoint_GenTk_" + i);
        }
        client = DqmGuiClient.builder().baseUrl(gui.baseUrl()).build();
        crawler = new Crawler(client);
    }

    static byte[] body(String kind) throws IOException {
        if (kind.equals("generated")) {
            return JsonFairyParseBenchmark.generated();
        }
        if (!kind.equals("shared")) {
            throw new IllegalArgumentException("mapBody must be shared or generated, got " + kind);
        }
        Path file = BenchmarkFiles.shared().resolve("data/dqm").resolve(MAP_FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("DqmCrawlBenchmark needs " + file.toAbsolutePath()
                    + ": run from the repository root, pass -Druntops.shared=/path/to/shared, or use -p mapBody=generated");
        }
        return Files.readAllBytes(file);
    }

    /** A fresh cache and output for each cold crawl. */
    @Setup(Level.Iteration)
    public void freshFolders() {
        BenchmarkFiles.deleteRecursively(root);
        root = BenchmarkFiles.tempDirectory("runops-dqm-crawl-bench");
        options = CrawlOptions.of(root.resolve("out"), root.resolve("cache")).withParallelism(parallelism);
    }

    @Benchmark
    public CrawlReport cold() {
        return checked(crawler.crawl(targets, mePaths, options, CrawlProgress.NONE), CrawlStatus.FETCHED);
    }

    /** State of the cached pass: filled once per trial (16 at a time, not measured). */
    @State(Scope.Benchmark)
    public static class Filled {
        CrawlOptions options;
        Path root;

        @Setup(Level.Trial)
        public void fill(DqmCrawlBenchmark b) {
            root = BenchmarkFiles.tempDirectory("runops-dqm-crawl-bench-cached");
            options = CrawlOptions.of(root.resolve("out"), root.resolve("cache")).withParallelism(b.parallelism);
            checked(b.crawler.crawl(b.targets, b.mePaths, options.withParallelism(CrawlOptions.MAX_PARALLELISM), CrawlProgress.NONE),
                    CrawlStatus.FETCHED);
        }

        @TearDown(Level.Trial)
        public void delete() {
            BenchmarkFiles.deleteRecursively(root);
        }
    }

    @Benchmark
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    public CrawlReport cached(Filled filled) {
        return checked(crawler.crawl(targets, mePaths, filled.options, CrawlProgress.NONE), CrawlStatus.CACHED);
    }

    private static CrawlReport checked(CrawlReport report, CrawlStatus expected) {
        if (report.count(expected) != report.items().size() || !report.complete()) {
            throw new IllegalStateException("expected every item " + expected + ", got " + report.counts());
        }
        return report;
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        BenchmarkFiles.deleteRecursively(root);
        client.close();
        gui.close();
    }
}
