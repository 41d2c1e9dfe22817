package org.runops.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.runops.examples.Launcher.runops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.testing.FakeDqmGui;
import org.runops.testing.SharedData;

/**
 * {@code runops dqm crawl} end to end over the real {@code DqmGuiClient} and a loopback GUI (FakeDqmGui: the real
 * 321012 jsonfairy bodies; its samples answer is built from the spec, no real one exists).
 */
class DqmCrawlCliTest {
    private static final String MAP = "/Tracking/TrackParameters/generalTracks/GeneralProperties/TrackEtaPhi_ImpactPoint_GenTk";
    private static final String HITS = "/Tracking/TrackParameters/generalTracks/HitProperties/NumberOfRecHitsPerTrack_GenTk";
    private static final String EXPRESS = "/StreamExpress/Run2018D-Express-v1/DQMIO";

    @TempDir
    Path tmp;

    private FakeDqmGui gui;
    private byte[] map;
    private Path runs;

    @BeforeEach
    void start() throws IOException {
        map = Files.readAllBytes(SharedData.require("dqm/jsonfairy_offline_321012_StreamExpress_Run2018D-Express-v1_TrackEtaPhi_ImpactPoint_GenTk.json"));
        gui = new FakeDqmGui(map, Files.readAllBytes(SharedData.require("dqm/jsonfairy_unsupported_type_321012_StreamExpress_Run2018D-Express-v1_folder.json")))
                .run(321012, EXPRESS, "/ZeroBias/Run2018D-PromptReco-v2/DQMIO")
                .run(321013, EXPRESS);
        runs = tmp.resolve("runs.txt");
        Files.writeString(runs, "# dqmcrawlr's format\n321012 Express\n321012 Prompt\n321013 Express\n");
    }

    @AfterEach
    void stop() throws IOException {
        gui.close();
    }

    private Launcher.Run crawl(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("dqm", "crawl", runs.toString(), "--resource", MAP, HITS,
                "--out", tmp.resolve("data").toString(), "--cache", tmp.resolve("cache").toString(), "--url", gui.baseUrl().toString()));
        args.addAll(List.of(extra));
        return runops(args.toArray(String[]::new));
    }

    @Test
    void crawlsIntoTheStudiesLayoutAndASecondRunAsksNothing() throws IOException {
        Launcher.Run first = crawl();

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("6 items (3 lines of " + runs + " x 2 resources)").contains("6 fetched, 0 cached, 0 not found, 0 no dataset, 0 failed")
                .contains("ledger: " + tmp.resolve("data/crawl-ledger.csv"));
        assertThat(tmp.resolve("data/TrackEtaPhi_ImpactPoint_GenTk/321012_prompt.json")).hasBinaryContent(map);
        assertThat(tmp.resolve("data/NumberOfRecHitsPerTrack_GenTk/321013_express.json")).hasBinaryContent(map);
        int asked = gui.histogramRequests();

        Launcher.Run second = crawl("--parallelism", "1");

        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).contains("0 fetched, 6 cached");
        assertThat(gui.histogramRequests()).isEqualTo(asked);
    }

    @Test
    void failedAndMissingItemsAreListedWithTheirReasonAndFailuresExitOne() throws IOException {
        gui.missing("NumberOfRecHitsPerTrack_GenTk").failing("TrackEtaPhi_ImpactPoint_GenTk", 1, 200);
        Files.writeString(runs, "321013 Express\n321013 reReco\n");

        Launcher.Run r = crawl();

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("0 fetched, 0 cached, 1 not found, 2 no dataset, 1 failed")
                .containsPattern("FAILED\\s+321013\\s+express\\s+TrackEtaPhi_ImpactPoint_GenTk\\s+" + EXPRESS)
                .containsPattern("NOT_FOUND\\s+321013\\s+express\\s+NumberOfRecHitsPerTrack_GenTk")
                .contains("no rereco dataset among the 1 datasets of run 321013");
        assertThat(Files.readAllLines(tmp.resolve("data/crawl-ledger.csv"))).hasSize(5);

        Files.writeString(runs, "321013 Express\n");
        Launcher.Run retried = crawl();
        assertThat(retried.exitCode()).as(retried.out()).isZero();
        assertThat(retried.out()).contains("1 fetched, 0 cached, 1 not found, 0 no dataset, 0 failed");
    }

    @Test
    void aBadRunsFileIsAnInputErrorNamingTheLineBeforeAnyRequest() throws IOException {
        Files.writeString(runs, "321012 Express\n325310 SomethingWrong\n");

        Launcher.Run r = crawl();

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(runs + " line 2: unknown reconstruction 'SomethingWrong'");
        assertThat(gui.sampleRequests() + gui.histogramRequests()).isZero();
    }

    @Test
    void aParallelismOutOfRangeIsAnInputError() {
        Launcher.Run r = crawl("--parallelism", "0");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--parallelism must be 1..16, got 0");
    }

    @Test
    void helpExplainsTheFormatAndTheExitCodes() {
        Launcher.Run r = runops("dqm", "crawl", "--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("dqmcrawlr").contains("--resource").contains("crawl-ledger.csv").contains("Exit codes: 0 every item");
    }
}
