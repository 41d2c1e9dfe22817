package org.runops.dqm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.core.refrun.Reconstruction;
import org.runops.testing.FakeDqmGui;
import org.runops.testing.SharedData;

/**
 * Crawls through the real {@link DqmGuiClient} over HTTP from a loopback GUI ({@link FakeDqmGui}) answering the
 * real jsonfairy files of ../shared/data/dqm (the offline TH2 map and the real "unsupported type" body); the
 * samples answers are written from the spec (no real one exists).
 */
class CrawlerTest {
    static final String MAP = "/Tracking/TrackParameters/generalTracks/GeneralProperties/TrackEtaPhi_ImpactPoint_GenTk";
    static final String HITS = "/Tracking/TrackParameters/generalTracks/HitProperties/NumberOfRecHitsPerTrack_GenTk";
    static final String EXPRESS_2018D = "/StreamExpress/Run2018D-Express-v1/DQMIO";
    static final String PROMPT_2018D = "/ZeroBias/Run2018D-PromptReco-v2/DQMIO";

    @TempDir
    Path tmp;

    private byte[] map;
    private FakeDqmGui gui;
    private DqmGuiClient client;
    private Crawler crawler;
    private CrawlOptions options;

    @BeforeEach
    void start() throws IOException {
        map = Files.readAllBytes(SharedData.require("dqm/jsonfairy_offline_321012_StreamExpress_Run2018D-Express-v1_TrackEtaPhi_ImpactPoint_GenTk.json"));
        byte[] unsupported = Files.readAllBytes(SharedData.require("dqm/jsonfairy_unsupported_type_321012_StreamExpress_Run2018D-Express-v1_folder.json"));
        gui = new FakeDqmGui(map, unsupported)
                .run(321012, "/Commissioning/Run2018D-PromptReco-v2/DQMIO", EXPRESS_2018D, PROMPT_2018D)
                .run(321013, EXPRESS_2018D, PROMPT_2018D);
        client = client();
        crawler = new Crawler(client);
        options = CrawlOptions.of(tmp.resolve("out"), tmp.resolve("cache"));
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        gui.close();
    }

    /** The real client over plain HTTP to the loopback GUI; retries do not sleep. */
    private DqmGuiClient client() {
        return DqmGuiClient.builder().baseUrl(gui.baseUrl()).sleeper(d -> {}).build();
    }

    private static List<CrawlTarget> targets(Object... runAndReco) {
        List<CrawlTarget> t = new ArrayList<>();
        for (int i = 0; i < runAndReco.length; i += 2) {
            t.add(new CrawlTarget(((Number) runAndReco[i]).longValue(), (Reconstruction) runAndReco[i + 1]));
        }
        return t;
    }

    @Test
    void fetchesEachHistogramIntoTheStudiesLayoutAndListsEachRunOnce() throws IOException {
        CrawlReport report = crawler.crawl(targets(321012, Reconstruction.EXPRESS, 321012, Reconstruction.PROMPT, 321013, Reconstruction.EXPRESS),
                List.of(MAP, HITS), options, CrawlProgress.NONE);

        assertThat(report.items()).hasSize(6).allMatch(i -> i.status() == CrawlStatus.FETCHED);
        assertThat(report.complete()).isTrue();
        Path out = options.outDir();
        assertThat(Files.readAllBytes(out.resolve("TrackEtaPhi_ImpactPoint_GenTk/321012_express.json"))).isEqualTo(map);
        assertThat(Files.readAllBytes(out.resolve("NumberOfRecHitsPerTrack_GenTk/321013_express.json"))).isEqualTo(map);
        assertThat(report.items().get(2).dataset()).isEqualTo(PROMPT_2018D);
        assertThat(report.items().get(2).file()).isEqualTo(CrawlLayout.file(out, MAP, 321012, Reconstruction.PROMPT));
        assertThat(gui.sampleRequests()).isEqualTo(2);
        assertThat(gui.histogramRequests()).isEqualTo(6);
        // the cache mirrors the URL: run / dataset / ME path
        assertThat(options.cacheDir().resolve("321012/StreamExpress/Run2018D-Express-v1/DQMIO" + MAP + ".json")).hasBinaryContent(map);
        assertThat(options.cacheDir().resolve("321012/datasets.json")).exists();
        List<String> ledger = Files.readAllLines(report.ledger());
        assertThat(ledger.get(0)).isEqualTo("run,reconstruction,me_path,dataset,status,detail,file");
        assertThat(ledger).hasSize(7);
        assertThat(ledger.get(1)).startsWith("321012,express," + MAP + "," + EXPRESS_2018D + ",FETCHED,,");
    }

    @Test
    void aSecondCrawlAsksNothingAndRestoresMissingOutputs() throws IOException {
        List<CrawlTarget> t = targets(321012, Reconstruction.EXPRESS, 321013, Reconstruction.PROMPT);
        crawler.crawl(t, List.of(MAP, HITS), options, CrawlProgress.NONE);
        int samples = gui.sampleRequests();
        int histograms = gui.histogramRequests();
        Files.delete(options.outDir().resolve("TrackEtaPhi_ImpactPoint_GenTk/321013_prompt.json"));

        CrawlReport again = crawler.crawl(t, List.of(MAP, HITS), options, CrawlProgress.NONE);

        assertThat(again.items()).hasSize(4).allMatch(i -> i.status() == CrawlStatus.CACHED);
        assertThat(gui.sampleRequests()).isEqualTo(samples);
        assertThat(gui.histogramRequests()).isEqualTo(histograms);
        assertThat(options.outDir().resolve("TrackEtaPhi_ImpactPoint_GenTk/321013_prompt.json")).hasBinaryContent(map);
    }

    @Test
    void aServerErrorAfterTheClientsRetriesIsAFailure() {
        gui.failing("NumberOfRecHitsPerTrack_GenTk", 100);

        CrawlItem failed = crawler.crawl(targets(321012, Reconstruction.EXPRESS), List.of(HITS), options, CrawlProgress.NONE).items().get(0);

        assertThat(failed.status()).isEqualTo(CrawlStatus.FAILED);
        assertThat(failed.detail()).contains("500").contains("NumberOfRecHitsPerTrack_GenTk");
        assertThat(options.cacheDir().resolve("321012/StreamExpress/Run2018D-Express-v1/DQMIO" + HITS + ".json")).doesNotExist();
    }

    @Test
    void aFailureIsReportedNeverCachedAndTriedAgainNextTime() {
        gui.failing("NumberOfRecHitsPerTrack_GenTk", 1, 200); // the GUI's plain-text exception answer: not JSON
        List<CrawlTarget> t = targets(321012, Reconstruction.EXPRESS);

        CrawlReport first = crawler.crawl(t, List.of(MAP, HITS), options, CrawlProgress.NONE);

        CrawlItem failed = first.items().get(1);
        assertThat(failed.status()).isEqualTo(CrawlStatus.FAILED);
        assertThat(failed.detail()).contains("NumberOfRecHitsPerTrack_GenTk");
        assertThat(failed.dataset()).isEqualTo(EXPRESS_2018D);
        assertThat(first.complete()).isFalse();
        assertThat(options.cacheDir().resolve("321012/StreamExpress/Run2018D-Express-v1/DQMIO" + HITS + ".json")).doesNotExist();
        assertThat(options.cacheDir().resolve("321012/StreamExpress/Run2018D-Express-v1/DQMIO" + HITS + ".notfound")).doesNotExist();
        assertThat(CrawlLayout.file(options.outDir(), HITS, 321012, Reconstruction.EXPRESS)).doesNotExist();

        CrawlReport second = crawler.crawl(t, List.of(MAP, HITS), options, CrawlProgress.NONE);

        assertThat(second.items()).extracting(CrawlItem::status).containsExactly(CrawlStatus.CACHED, CrawlStatus.FETCHED);
        assertThat(second.complete()).isTrue();
    }

    @Test
    void unsupportedTypeIsNotFoundRememberedAndAskedAgainOnlyWhenWanted() {
        gui.missing("NumberOfRecHitsPerTrack_GenTk");
        List<CrawlTarget> t = targets(321012, Reconstruction.EXPRESS);

        CrawlItem first = crawler.crawl(t, List.of(HITS), options, CrawlProgress.NONE).items().get(0);
        int asked = gui.histogramRequests();
        CrawlReport second = crawler.crawl(t, List.of(HITS), options, CrawlProgress.NONE);

        assertThat(first.status()).isEqualTo(CrawlStatus.NOT_FOUND);
        assertThat(first.detail()).contains(EXPRESS_2018D);
        assertThat(first.file()).isNull();
        assertThat(second.items().get(0).status()).isEqualTo(CrawlStatus.NOT_FOUND);
        assertThat(second.items().get(0).detail()).contains("remembered");
        assertThat(second.complete()).isTrue();
        assertThat(gui.histogramRequests()).isEqualTo(asked);

        CrawlReport retried = crawler.crawl(t, List.of(HITS), options.withRetryNotFound(true), CrawlProgress.NONE);
        assertThat(retried.items().get(0).status()).isEqualTo(CrawlStatus.NOT_FOUND);
        assertThat(gui.histogramRequests()).isEqualTo(asked + 1);
    }

    @Test
    void noDatasetForTheReconstructionAsksNoHistogramAndAStaleListIsListedAgain() {
        List<CrawlTarget> t = targets(321012, Reconstruction.RERECO, 999999, Reconstruction.PROMPT);

        CrawlReport first = crawler.crawl(t, List.of(MAP), options, CrawlProgress.NONE);

        assertThat(first.items()).extracting(CrawlItem::status).containsExactly(CrawlStatus.NO_DATASET, CrawlStatus.NO_DATASET);
        assertThat(first.items().get(0).detail()).isEqualTo("no rereco dataset among the 3 datasets of run 321012: "
                + "/Commissioning/Run2018D-PromptReco-v2/DQMIO " + EXPRESS_2018D + " " + PROMPT_2018D);
        assertThat(first.items().get(1).detail()).isEqualTo("no prompt dataset among the 0 datasets of run 999999");
        assertThat(first.complete()).isFalse();
        assertThat(gui.histogramRequests()).isZero();

        // the GUI gains the re-reco: the cached list lacks it, so the run is listed again and the new dataset found
        gui.run(321012, EXPRESS_2018D, "/ZeroBias/Run2018D-12Nov2019_UL2018-v1/DQMIO");
        int samples = gui.sampleRequests();
        CrawlItem second = crawler.crawl(t.subList(0, 1), List.of(MAP), options, CrawlProgress.NONE).items().get(0);
        assertThat(second.status()).isEqualTo(CrawlStatus.FETCHED);
        assertThat(second.dataset()).isEqualTo("/ZeroBias/Run2018D-12Nov2019_UL2018-v1/DQMIO");
        assertThat(gui.sampleRequests()).isEqualTo(samples + 1);
    }

    @Test
    void aRunWhoseDatasetsCannotBeListedFailsEachOfItsItemsAfterOneAttempt() {
        DqmGuiClient http = client;
        int[] listings = {0};
        ArchiveSource listingFails = new ArchiveSource() {
            @Override
            public Optional<byte[]> archiveJson(long run, String dataset, String mePath) {
                return http.archiveJson(run, dataset, mePath);
            }

            @Override
            public List<String> datasetNames(long run) {
                if (run == 321013) {
                    listings[0]++;
                    throw new DqmException("https://gui/data/json/samples?run=321013: HTTP 503");
                }
                return http.datasetNames(run);
            }
        };

        CrawlReport report = new Crawler(listingFails).crawl(targets(321013, Reconstruction.EXPRESS, 321012, Reconstruction.EXPRESS),
                List.of(MAP, HITS), options, CrawlProgress.NONE);

        assertThat(report.items()).extracting(CrawlItem::status)
                .containsExactly(CrawlStatus.FAILED, CrawlStatus.FAILED, CrawlStatus.FETCHED, CrawlStatus.FETCHED);
        assertThat(report.items().get(0).detail()).isEqualTo("cannot list the datasets of run 321013: https://gui/data/json/samples?run=321013: HTTP 503");
        assertThat(listings[0]).isEqualTo(1);
        assertThat(options.cacheDir().resolve("321013/datasets.json")).doesNotExist();
    }

    @Test
    void requestsInFlightNeverExceedTheParallelism() {
        List<CrawlTarget> t = targets(321012, Reconstruction.EXPRESS, 321012, Reconstruction.PROMPT, 321013, Reconstruction.EXPRESS,
                321013, Reconstruction.PROMPT);
        // each request is held until one more than allowed is in flight (or 200 ms): a crawl that allowed more would show it
        gui.gate(3, Duration.ofMillis(200));

        CrawlReport report = crawler.crawl(t, List.of(MAP, HITS), options, CrawlProgress.NONE);

        assertThat(report.complete()).isTrue();
        assertThat(gui.maxConcurrentHistogramRequests()).isEqualTo(2);
    }

    @Test
    void parallelismOneAsksOneAtATime() {
        gui.gate(2, Duration.ofMillis(100));

        crawler.crawl(targets(321012, Reconstruction.EXPRESS, 321013, Reconstruction.EXPRESS), List.of(MAP, HITS),
                options.withParallelism(1), CrawlProgress.NONE);

        assertThat(gui.histogramRequests()).isEqualTo(4);
        assertThat(gui.maxConcurrentHistogramRequests()).isEqualTo(1);
    }

    @Test
    void interruptStopsTheCrawlWritesTheLedgerAndAResumeFinishesIt() throws IOException {
        List<CrawlTarget> many = new ArrayList<>();
        for (long run = 400000; run < 400020; run++) {
            gui.run(run, EXPRESS_2018D);
            many.add(new CrawlTarget(run, Reconstruction.EXPRESS));
        }
        gui.latency(Duration.ofMillis(20));
        Thread caller = Thread.currentThread();
        AtomicReference<Integer> seenTotal = new AtomicReference<>();
        CrawlProgress interruptAfterFirst = (item, done, total) -> {
            seenTotal.set(total);
            if (done == 1) {
                caller.interrupt();
            }
        };

        CrawlReport stopped = crawler.crawl(many, List.of(MAP), options, interruptAfterFirst);
        boolean flagRestored = Thread.interrupted();

        assertThat(flagRestored).isTrue();
        assertThat(stopped.interrupted()).isTrue();
        assertThat(stopped.complete()).isFalse();
        assertThat(stopped.notAttempted()).isPositive();
        // the items in flight were let finish: nothing half done, nothing failed
        assertThat(stopped.items()).allMatch(i -> i.status() == CrawlStatus.FETCHED);
        assertThat(stopped.items().size() + stopped.notAttempted()).isEqualTo(20);
        assertThat(seenTotal.get()).isEqualTo(20);
        assertThat(Files.readAllLines(stopped.ledger())).hasSize(stopped.items().size() + 1);

        CrawlReport resumed = crawler.crawl(many, List.of(MAP), options, CrawlProgress.NONE);
        assertThat(resumed.complete()).isTrue();
        assertThat(resumed.items()).hasSize(20);
        long fetchedBefore = stopped.items().stream().filter(i -> i.status() == CrawlStatus.FETCHED).count();
        assertThat(resumed.count(CrawlStatus.CACHED)).isEqualTo((int) fetchedBefore);
        assertThat(resumed.count(CrawlStatus.FETCHED)).isEqualTo(20 - (int) fetchedBefore);
    }

    @Test
    void duplicatesAreCrawledOnceAndSameNamedMesRefused() {
        CrawlReport report = crawler.crawl(targets(321012, Reconstruction.EXPRESS, 321012, Reconstruction.EXPRESS),
                List.of(MAP, MAP.substring(1)), options, CrawlProgress.NONE);
        assertThat(report.items()).hasSize(1);

        String onlineSpelling = "/Tracking/TrackParameters/GeneralProperties/TrackEtaPhi_ImpactPoint_GenTk";
        assertThatThrownBy(() -> crawler.crawl(targets(321012, Reconstruction.EXPRESS), List.of(MAP, onlineSpelling), options, CrawlProgress.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same name");
        assertThatThrownBy(() -> crawler.crawl(targets(321012, Reconstruction.EXPRESS), List.of("/Tracking/../X"), options, CrawlProgress.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'/Tracking/../X'");
        assertThatThrownBy(() -> crawler.crawl(targets(321012, Reconstruction.EXPRESS), List.of(), options, CrawlProgress.NONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDatasetNameThatIsNotThreePartsFailsItsItemsWithoutWritingOutsideTheCache() {
        gui.run(321012, "/StreamExpress/../../Run2018D-Express-v1/DQMIO", "/StreamExpress/Run2018D-Express-v1/../DQMIO");
        CrawlReport report = crawler.crawl(targets(321012, Reconstruction.EXPRESS), List.of(MAP), options, CrawlProgress.NONE);

        CrawlItem item = report.items().get(0);
        assertThat(item.status()).isEqualTo(CrawlStatus.FAILED);
        assertThat(item.detail()).contains("is not /<primary>/<processing>/<tier>");
        assertThat(tmp.resolve("DQMIO")).doesNotExist();
    }
}
