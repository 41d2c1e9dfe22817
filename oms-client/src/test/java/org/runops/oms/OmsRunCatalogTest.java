package org.runops.oms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.runops.oms.OmsTestServer.chunkOf;
import static org.runops.oms.OmsTestServer.json;
import static org.runops.oms.OmsTestServer.runsByRange;
import static org.runops.oms.OmsTestServer.runsPage;
import static org.runops.oms.OmsTestServer.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.LongStream;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.runops.core.http.HttpException;
import org.runops.core.http.HttpSettings;
import org.runops.core.http.TokenProvider;
import org.runops.core.run.CatalogException;
import org.runops.core.run.RunRecord;
import org.runops.testing.SharedData;

class OmsRunCatalogTest {

    @TempDir
    Path tmp;

    /** Serves the real 2024 page for GE/LE queries, filtered to the range asked (as OMS would). */
    private static Function<RecordedRequest, MockResponse> real2024() throws IOException {
        byte[] file = Files.readAllBytes(SharedData.require("oms/runs_377254-377296_int0185_2024-03.json"));
        List<OmsRecord> all = OmsPage.parse(file, "2024").records();
        return r -> {
            HttpUrl u = r.getUrl();
            long ge = Long.parseLong(u.queryParameter("filter[run_number][GE]"));
            long le = Long.parseLong(u.queryParameter("filter[run_number][LE]"));
            List<OmsRecord> rows = all.stream().filter(x -> {
                long n = OmsRun.from(x).runNumber();
                return n >= ge && n <= le;
            }).toList();
            return json(new String(OmsJson.page(rows), StandardCharsets.UTF_8));
        };
    }

    @Test
    void mapsRealRunsToRunRecords() throws IOException {
        try (OmsTestServer oms = new OmsTestServer(real2024()); OmsClient client = oms.client()) {
            List<RunRecord> runs = new OmsRunCatalog(client).runs(377254, 377296);
            assertThat(runs).hasSize(28);
            assertThat(runs).extracting(RunRecord::run).isSorted();
            RunRecord first = runs.get(0);
            assertThat(first.start()).isNotNull();
            assertThat(first.attributes()).containsKey("init_lumi_unit").containsKey("components");
            // one flattening (OmsTable): lists ';'-joined as in the shared CSVs (was ','), attributes in OMS's order,
            // then the units in attribute order
            assertThat(first.attribute("components")).hasValue("CSC;DAQ;DCS;DQM;DT;ECAL;ES;GEM;HCAL;PIXEL;TCDS;TRACKER;TRG");
            assertThat(first.attributes().keySet()).startsWith("components", "l1_hlt_mode_stripped", "l1_key", "duration")
                    .endsWith("init_lumi_unit", "recorded_lumi_unit", "delivered_lumi_unit", "end_lumi_unit", "beta_star_start_unit",
                            "beta_star_stop_unit", "run_type")
                    .doesNotContain("run_number", "start_time", "end_time");
            assertThat(first.runType()).hasValue("cosmics");
            assertThat(first.initLumi().orElseThrow().unit()).isEqualTo("10^{33}cm^{-2}s^{-1}");
            assertThat(first.bField()).hasValueSatisfying(b -> assertThat(b.unit()).isEqualTo("T"));
            assertThat(first.fill()).hasValue(9322);
            HttpUrl q = oms.requests.get(0);
            assertThat(q.queryParameter("filter[run_number][GE]")).isEqualTo("377254");
            assertThat(q.queryParameter("filter[run_number][LE]")).isEqualTo("377296");
            assertThat(q.queryParameter("sort")).isEqualTo("run_number");
        }
    }

    @Test
    void wideRangesAreSplitIntoChunksOfAtMost5000Runs() throws IOException {
        try (OmsTestServer oms = new OmsTestServer(r -> json("{\"data\":[],\"meta\":{\"totalResourceCount\":0}}"));
             OmsClient client = oms.client()) {
            assertThat(new OmsRunCatalog(client).runs(300000, 312000)).isEmpty();
            assertThat(oms.requests).extracting(u -> u.queryParameter("filter[run_number][GE]") + "-" + u.queryParameter("filter[run_number][LE]"))
                    .containsExactlyInAnyOrder("300000-304999", "305000-309999", "310000-312000"); // asked at once
        }
    }

    @Test
    void chunksAskedAtOnceComeBackInRunOrderWhateverOrderTheyFinishIn() throws IOException {
        Function<RecordedRequest, MockResponse> runs = runsByRange();
        // the first chunk is the slowest, so the later chunks finish first
        try (OmsTestServer oms = new OmsTestServer(r -> chunkOf(r.getUrl()) == 1 ? slow(runs.apply(r)) : runs.apply(r));
             OmsClient client = oms.builder(TokenProvider.none(), HttpSettings.defaults()).pageSize(1000).build()) {
            List<long[]> progress = new CopyOnWriteArrayList<>();
            List<OmsRecord> rows = new OmsRunCatalog(client).withProgress((done, total) -> progress.add(new long[] {done, total}))
                    .records(1, 12000);
            assertThat(rows).extracting(r -> OmsRun.from(r).runNumber()).containsExactlyElementsOf(LongStream.rangeClosed(1, 12000).boxed().toList());
            assertThat(oms.requests).hasSize(5 + 5 + 2);
            // one call's progress: every page of every chunk counted once, in one rising sequence
            assertThat(progress).extracting(p -> p[0]).containsExactlyElementsOf(LongStream.rangeClosed(1, 12).boxed().toList());
            assertThat(progress.get(progress.size() - 1)[1]).isEqualTo(12);
        }
    }

    @Test
    void noMoreRequestsAreInFlightThanThePageConcurrencyAndChunksOverlap() throws IOException {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch firstPages = new CountDownLatch(4);
        Function<RecordedRequest, MockResponse> runs = runsByRange();
        try (OmsTestServer oms = new OmsTestServer(r -> {
                    most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    try {
                        if ("0".equals(r.getUrl().queryParameter("page[offset]"))) {
                            firstPages.countDown();
                            // answered only once all four chunks' first pages are in flight together
                            if (!firstPages.await(10, TimeUnit.SECONDS)) {
                                return status(500);
                            }
                        }
                        Thread.sleep(50); // only to let requests pile up for the bound check
                        return runs.apply(r);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return status(500);
                    } finally {
                        inFlight.decrementAndGet();
                    }
                });
             OmsClient client = oms.builder(TokenProvider.none(), HttpSettings.defaults()).pageSize(1000).pageConcurrency(4).build()) {
            assertThat(new OmsRunCatalog(client).records(1, 20000)).hasSize(20000);
            // the four chunks' first pages were the first four requests, not one chunk's pages after another's
            List<Long> first = oms.requests.stream().filter(u -> "0".equals(u.queryParameter("page[offset]"))).map(OmsTestServer::chunkOf).toList();
            assertThat(first).containsExactlyInAnyOrder(1L, 5001L, 10001L, 15001L);
            // never more than the page concurrency, and the four first pages were in flight together
            assertThat(most.get()).isEqualTo(4);
        }
    }

    @Test
    void aFailingChunkStopsTheOtherChunksRequestsInFlightAtOnce() throws Exception {
        CountDownLatch chunk1Asked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Function<RecordedRequest, MockResponse> runs = runsByRange();
        try (OmsTestServer oms = new OmsTestServer(r -> {
                    try {
                        if (chunkOf(r.getUrl()) == 5001) {
                            chunk1Asked.await(60, TimeUnit.SECONDS);
                            return status(400); // not retried: the call fails once chunk 1's first page is live
                        }
                        chunk1Asked.countDown();
                        // chunk 1's first page is answered only after the call has failed
                        release.await(60, TimeUnit.SECONDS);
                        return runs.apply(r);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return status(500);
                    }
                });
             // read and call timeouts far beyond the wait below: only a cancellation can end chunk 1's request in time
             OmsClient client = oms.builder(TokenProvider.none(), HttpSettings.defaults().withTimeouts(Duration.ofSeconds(10),
                     Duration.ofMinutes(5), Duration.ofMinutes(5))).pageSize(1000).pageConcurrency(2).build()) {
            ThreadPoolExecutor pages = (ThreadPoolExecutor) client.executor();
            try {
                assertThatThrownBy(() -> new OmsRunCatalog(client).records(1, 10000)).isInstanceOf(OmsException.class)
                        .hasMessageContaining("5001");
                // chunk 1's first page, still unanswered, was cancelled: no page thread waits on it any more
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (pages.getActiveCount() > 0 && System.nanoTime() < until) {
                    Thread.sleep(10);
                }
                assertThat(pages.getActiveCount()).isZero();
            } finally {
                release.countDown();
            }
            assertThat(oms.requests).filteredOn(u -> chunkOf(u) == 1).hasSize(1);
        }
    }

    /** A page still queued when the client closes is cancelled: the query waiting for it fails now, not at its deadline. */
    @Test
    @Timeout(60)
    void closingTheClientFailsACallWaitingForAQueuedPageInsteadOfWaitingOutTheQueryTimeout() throws Exception {
        CountDownLatch asked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Function<RecordedRequest, MockResponse> runs = runsByRange();
        try (OmsTestServer oms = new OmsTestServer(r -> {
                    try {
                        asked.countDown();
                        release.await(60, TimeUnit.SECONDS); // the page in flight is answered only after the close
                        return runs.apply(r);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return status(500);
                    }
                })) {
            // one page at a time: a second call's first page waits in the queue; the query timeout (10 min) is far off
            OmsClient client = oms.builder(TokenProvider.none(), HttpSettings.defaults()).pageConcurrency(1).build();
            ThreadPoolExecutor pages = (ThreadPoolExecutor) client.executor();
            try {
                CompletableFuture.runAsync(() -> new OmsRunCatalog(client).records(1, 10));
                assertThat(asked.await(30, TimeUnit.SECONDS)).isTrue();
                CompletableFuture<List<OmsRecord>> queued = CompletableFuture.supplyAsync(() -> new OmsRunCatalog(client).records(11, 20));
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (pages.getQueue().isEmpty() && System.nanoTime() < until) {
                    Thread.sleep(10);
                }
                assertThat(pages.getQueue()).hasSize(1);
                client.close();
                assertThatThrownBy(() -> queued.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                        .hasCauseInstanceOf(OmsException.class).cause().hasMessageContaining("cancelled");
            } finally {
                release.countDown();
            }
        }
    }

    @Test
    void aChunkFailingOutsideRunopsIsNamedAndAnErrorStaysAnError() throws IOException {
        try (OmsTestServer oms = new OmsTestServer(runsByRange());
             OmsClient client = oms.builder(TokenProvider.none(), HttpSettings.defaults()).pageSize(1000).build()) {
            assertThatThrownBy(() -> new OmsRunCatalog(client).withProgress((done, total) -> {
                throw new IllegalStateException("listener broke");
            }).records(1, 10000)).isInstanceOf(OmsException.class)
                    .hasMessageMatching("OMS query http://\\S+filter%5Brun_number%5D%5BGE%5D=(1|5001)&\\S+ failed: .*listener broke");
            assertThatThrownBy(() -> new OmsRunCatalog(client).withProgress((done, total) -> {
                throw new AssertionError("listener asserted");
            }).records(1, 10000)).isExactlyInstanceOf(AssertionError.class).hasMessage("listener asserted");
        }
    }

    @Test
    void theQueryTimeoutBoundsTheWholeCallNotEachChunk() throws IOException {
        // one page concurrency: one chunk after the other, each over 1.2 s, within 2 s alone but never both together
        try (OmsTestServer oms = slowOms(); OmsClient client = oneSlowPageAtATime(oms)) {
            assertThatThrownBy(() -> new OmsRunCatalog(client).records(1, 10000)).isInstanceOf(OmsException.class);
        }
    }

    /** Runs by range, each answer after 1.2 s. */
    private static OmsTestServer slowOms() throws IOException {
        Function<RecordedRequest, MockResponse> runs = runsByRange();
        return new OmsTestServer(r -> {
            try {
                Thread.sleep(1200);
                return runs.apply(r);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return status(500);
            }
        });
    }

    /** Pages of 5000, one at a time, 2 s for a whole call: one slow page fits, two do not. */
    private static OmsClient oneSlowPageAtATime(OmsTestServer oms) {
        return oms.builder(TokenProvider.none(), HttpSettings.defaults()).pageSize(5000).pageConcurrency(1).queryTimeout(Duration.ofSeconds(2))
                .build();
    }

    /** With a cache, the gaps around the settled runs are one call too: one deadline for all of them, not one each. */
    @Test
    void theQueryTimeoutBoundsAllTheGapsOfACachedRangeTogether() throws IOException {
        // as above: each gap's one page takes 1.2 s, one at a time; asked gap by gap, each would end within its own 2 s
        try (OmsTestServer oms = slowOms(); OmsClient client = oneSlowPageAtATime(oms)) {
            OmsCache cache = OmsCache.at(tmp.resolve("cache"));
            cache.markSettled(new OmsCache.RunRange(2001, 2001));
            assertThat(cache.lookup(1, 4000).missing()).containsExactly(new OmsCache.RunRange(1, 2000), new OmsCache.RunRange(2002, 4000));
            assertThatThrownBy(() -> new OmsRunCatalog(client, cache).records(1, 4000)).isInstanceOf(OmsException.class);
            assertThat(cache.lookup(1, 4000).missing()).hasSize(2); // nothing settled by a failed call
        }
    }

    @Test
    void progressNeverGoesBackWhenAChunkIsAskedAgain() throws IOException {
        Function<RecordedRequest, MockResponse> runs = runsByRange();
        AtomicInteger moved = new AtomicInteger();
        // the second chunk's third page reports one row more than its first page did, once: that chunk starts over
        Function<RecordedRequest, MockResponse> movingOnce = r -> {
            HttpUrl u = r.getUrl();
            if (chunkOf(u) == 5001 && "2000".equals(u.queryParameter("page[offset]")) && moved.getAndIncrement() == 0) {
                return json(runsPage(5001, 2000, 1000, 5001));
            }
            return runs.apply(r);
        };
        // one page at a time: the chunks run one after the other, so the restart would show as a step back
        try (OmsTestServer oms = new OmsTestServer(movingOnce);
             OmsClient client = oms.builder(TokenProvider.none(), HttpSettings.defaults()).pageSize(1000).pageConcurrency(1).build()) {
            List<long[]> progress = new CopyOnWriteArrayList<>();
            assertThat(new OmsRunCatalog(client).withProgress((done, total) -> progress.add(new long[] {done, total}))
                    .records(1, 10000)).hasSize(10000);
            assertThat(moved.get()).isGreaterThan(0);
            assertThat(progress).extracting(p -> p[0]).isSorted();
            assertThat(progress.get(progress.size() - 1)).containsExactly(10, 10);
        }
    }

    @Test
    void aChunkWhoseTotalChangesIsAskedAgainAloneAndAPersistentChangeFailsTheWholeCall() throws IOException {
        Function<RecordedRequest, MockResponse> runs = runsByRange();
        AtomicInteger secondChunkPages = new AtomicInteger();
        // the second chunk's third page reports one row more than its first page did, once
        Function<RecordedRequest, MockResponse> movingOnce = r -> {
            HttpUrl u = r.getUrl();
            if (chunkOf(u) == 5001 && "2000".equals(u.queryParameter("page[offset]")) && secondChunkPages.getAndIncrement() == 0) {
                return json(runsPage(5001, 2000, 1000, 5001));
            }
            return runs.apply(r);
        };
        try (OmsTestServer oms = new OmsTestServer(movingOnce);
             OmsClient client = oms.builder(TokenProvider.none(), HttpSettings.defaults()).pageSize(1000).build()) {
            List<OmsRecord> rows = new OmsRunCatalog(client).records(1, 15000);
            assertThat(rows).extracting(r -> OmsRun.from(r).runNumber()).containsExactlyElementsOf(LongStream.rangeClosed(1, 15000).boxed().toList());
            assertThat(oms.requests.stream().filter(u -> "0".equals(u.queryParameter("page[offset]"))).map(OmsTestServer::chunkOf))
                    .containsExactlyInAnyOrder(1L, 5001L, 5001L, 10001L); // only the moved chunk asked again
        }
        Function<RecordedRequest, MockResponse> alwaysMoving = r -> chunkOf(r.getUrl()) == 5001 && !"0".equals(r.getUrl().queryParameter("page[offset]"))
                ? json(runsPage(5001, Long.parseLong(r.getUrl().queryParameter("page[offset]")), 1000, 5001)) : runs.apply(r);
        try (OmsTestServer oms = new OmsTestServer(alwaysMoving);
             OmsClient client = oms.builder(TokenProvider.none(), HttpSettings.defaults()).pageSize(1000).build()) {
            assertThatThrownBy(() -> new OmsRunCatalog(client).records(1, 15000)).isInstanceOf(OmsDataChangedException.class)
                    .hasMessageContaining("filter%5Brun_number%5D%5BGE%5D=5001&").hasMessageContaining("totalResourceCount changed from 5000 to 5001");
        }
    }

    @Test
    void aFailingMiddleChunkFailsTheWholeCallNamingItsQuery() throws IOException {
        Function<RecordedRequest, MockResponse> runs = runsByRange();
        try (OmsTestServer oms = new OmsTestServer(r -> chunkOf(r.getUrl()) == 5001 ? status(500) : runs.apply(r));
             OmsClient client = oms.builder(TokenProvider.none(), HttpSettings.defaults()).pageSize(1000).build()) {
            assertThatThrownBy(() -> new OmsRunCatalog(client).runs(1, 15000)).isInstanceOf(CatalogException.class)
                    .hasMessageContaining("filter%5Brun_number%5D%5BGE%5D=5001&").hasMessageContaining("500")
                    .hasMessageContaining("after 4 attempts").hasRootCauseInstanceOf(HttpException.class);
            assertThat(oms.requests.stream().filter(u -> chunkOf(u) == 5001)).hasSize(4); // the first page, retried
        }
    }

    @Test
    void theSecondCallIsAnsweredFromTheCacheWithoutARequest() throws IOException {
        Path dir = tmp.resolve("cache");
        try (OmsTestServer oms = new OmsTestServer(real2024()); OmsClient client = oms.client()) {
            OmsRunCatalog catalog = new OmsRunCatalog(client, OmsCache.at(dir));
            List<RunRecord> first = catalog.runs(377254, 377296);
            int requests = oms.server.getRequestCount();
            assertThat(requests).isEqualTo(1);
            List<RunRecord> second = new OmsRunCatalog(client, OmsCache.at(dir)).runs(377254, 377296);
            assertThat(oms.server.getRequestCount()).isEqualTo(requests); // no request at all
            assertThat(second).isEqualTo(first);
            // a sub-range is settled too; a range reaching past the newest run asks only for the new part
            assertThat(catalog.runs(377260, 377270)).isNotEmpty();
            assertThat(oms.server.getRequestCount()).isEqualTo(requests);
            long newest = first.get(first.size() - 1).run();
            catalog.runs(377254, newest + 100);
            HttpUrl last = oms.requests.get(oms.requests.size() - 1);
            assertThat(last.queryParameter("filter[run_number][GE]")).isEqualTo(Long.toString(newest + 1));
        }
    }

    @Test
    void runningRunsAreNeverCachedAndCorruptFilesAreRefetched() throws IOException {
        Path dir = tmp.resolve("cache");
        String page = "{\"data\":[" + row(100, true) + "," + row(101, false) + "],\"meta\":{\"totalResourceCount\":2}}";
        try (OmsTestServer oms = new OmsTestServer(r -> json(page)); OmsClient client = oms.client()) {
            OmsCache cache = OmsCache.at(dir);
            OmsRunCatalog catalog = new OmsRunCatalog(client, cache);
            assertThat(catalog.runs(100, 101)).extracting(RunRecord::run).containsExactly(100L, 101L);
            assertThat(Files.exists(dir.resolve("runs/100.json"))).isTrue();
            assertThat(Files.exists(dir.resolve("runs/101.json"))).isFalse();
            assertThat(cache.covered()).containsExactly(new OmsCache.RunRange(100, 100));
            assertThat(cache.lookup(100, 101).missing()).containsExactly(new OmsCache.RunRange(101, 101));

            Files.writeString(dir.resolve("runs/100.json"), "{\"data\":[{\"id\":\"100\",");
            assertThat(cache.run(100)).isEmpty(); // WARN, ignored
            assertThat(cache.lookup(100, 101).missing()).containsExactly(new OmsCache.RunRange(100, 101));
            int before = oms.server.getRequestCount();
            assertThat(catalog.runs(100, 101)).hasSize(2);
            assertThat(oms.server.getRequestCount()).isEqualTo(before + 1);
            assertThat(cache.run(100)).isPresent(); // rewritten whole
            assertThat(dir.resolve("runs").toFile().list()).containsExactly("100.json"); // no temp files left
        }
    }

    @Test
    void finishedFillsAreCachedAndACorruptIndexIsIgnored() throws IOException {
        OmsCache cache = OmsCache.at(tmp.resolve("c"));
        OmsRecord done = new OmsRecord("6614", "fills", Map.of("fill_number", 6614L, "end_time", "2018-04-28T20:00:00Z",
                "bunches_colliding", 2544L), Map.of("peak_lumi", "10^{34}cm^{-2}s^{-1}"));
        OmsRecord going = new OmsRecord("6615", "fills", Map.of("fill_number", 6615L), Map.of());
        assertThat(cache.putFill(done)).isTrue();
        assertThat(cache.putFill(going)).isFalse();
        assertThat(cache.fill(6614)).hasValue(done);
        assertThat(cache.fill(6615)).isEmpty();
        Files.writeString(tmp.resolve("c/runs-covered.txt"), "1 x\n");
        assertThat(cache.covered()).isEmpty();
    }

    @Test
    void defaultDirectoryFollowsXdgAndNamesTheInstance() {
        HttpUrl prod = OmsInstance.PRODUCTION.baseUrl();
        assertThat(OmsCache.defaultDirectory(Map.of("XDG_CACHE_HOME", "/x")::get, prod)).isEqualTo(Path.of("/x/runops/oms/cmsoms.cern.ch"));
        assertThat(OmsCache.defaultDirectory(Map.of("HOME", "/home/u")::get, HttpUrl.get("http://127.0.0.1:8080/agg")))
                .isEqualTo(Path.of("/home/u/.cache/runops/oms/127.0.0.1_8080"));
        assertThatThrownBy(() -> OmsCache.defaultDirectory(Map.<String, String>of()::get, prod)).isInstanceOf(OmsException.class);
    }

    @Test
    void omsFailuresBecomeCatalogExceptionsNamingTheUrl() throws IOException {
        try (OmsTestServer oms = new OmsTestServer(r -> status(404)); OmsClient client = oms.client()) {
            assertThatThrownBy(() -> new OmsRunCatalog(client).runs(1, 10)).isInstanceOf(CatalogException.class)
                    .hasMessageContaining(oms.base().toString()).hasCauseInstanceOf(OmsException.class);
        }
        assertThatThrownBy(() -> new OmsRunCatalog(OmsClient.builder().instance(OmsInstance.P5).build()).runs(10, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** {@code answer}, its body held back 300 ms. */
    private static MockResponse slow(MockResponse answer) {
        return answer.newBuilder().headersDelay(300, TimeUnit.MILLISECONDS).build();
    }

    private static String row(long run, boolean finished) {
        return "{\"id\":\"" + run + "\",\"type\":\"runs\",\"attributes\":{\"run_number\":" + run
                + ",\"start_time\":\"" + Instant.parse("2026-01-01T00:00:00Z") + "\",\"end_time\":"
                + (finished ? "\"2026-01-01T01:00:00Z\"" : "null") + "}}";
    }
}
