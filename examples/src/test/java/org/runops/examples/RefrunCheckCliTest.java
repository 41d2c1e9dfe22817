package org.runops.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.runops.examples.Launcher.runops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.core.refrun.Reconstruction;
import org.runops.dqm.CrawlLayout;
import org.runops.dqm.CrawlTarget;
import org.runops.examples.Launcher.Run;
import org.runops.studies.DqmFeatures;
import org.runops.testing.SharedData;

/** {@code runops refrun check RUN REF} on a written history and a crawl directory of the real 321012 maps. */
class RefrunCheckCliTest {
    private static final String OFFLINE = "dqm/jsonfairy_offline_321012_StreamExpress_Run2018D-Express-v1_TrackEtaPhi_ImpactPoint_GenTk.json";
    private static final String ONLINE = "dqm/jsonfairy_online_321012_GlobalOnlineALL_TrackEtaPhi_ImpactPoint_GenTk.json";
    private static final String DATASET = "/Express/Collisions2018/DQM";

    @TempDir
    Path tmp;

    /** 320990..320999 used 320980, 321001..321006 used 321000, 321007..321011 used 321005: the recommender lists 321005, 321000, 320980. */
    private Path history() throws IOException {
        StringBuilder json = new StringBuilder("[");
        for (long run = 320990; run <= 321011; run++) {
            if (run == 321000) {
                continue;
            }
            long ref = run < 321000 ? 320980 : run < 321007 ? 321000 : 321005;
            json.append(json.length() > 1 ? "," : "").append("{\"run_number\": ").append(run)
                    .append(", \"run_reconstruction_type\": \"express\", \"reference_run_number\": ").append(ref)
                    .append(", \"reference_run_reconstruction_type\": \"express\", \"dataset\": \"").append(DATASET).append("\"}");
        }
        return Files.writeString(tmp.resolve("history.json"), json.append(']'));
    }

    private Path crawl() throws IOException {
        Path dir = tmp.resolve("crawl");
        if (Files.isDirectory(dir)) {
            return dir;
        }
        copy(OFFLINE, dir, 321012);
        copy(ONLINE, dir, 321011);  // another map: cost 0.18147 against the offline one
        copy(OFFLINE, dir, 321005); // the same map: cost 0
        return dir;
    }

    private static void copy(String shared, Path dir, long run) throws IOException {
        Path to = CrawlLayout.file(dir, DqmFeatures.TRACKING_MAP, run, Reconstruction.EXPRESS);
        Files.createDirectories(to.getParent());
        Files.copy(SharedData.require(shared), to);
    }

    @Test
    void theProposedReferenceBesideTheRecommendersCandidates() throws IOException {
        Run r = runops("refrun", "check", "321012", "321011", "--dataset", DATASET, "--history", history().toString(),
                "--dqm", crawl().toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Run 321012 (express, /Express/Collisions2018/DQM): TrackEtaPhi_ImpactPoint_GenTk maps from",
                "21 choices learned, 3 candidates listed.");
        assertThat(r.out().lines().filter(l -> l.matches("\\s*(\\d|n/a).*")).map(l -> l.trim().replaceAll("\\s+", " ")))
                .containsExactly("0.0000 321005 1", "0.1815 321011 - <- REF", "n/a 321000 2 no map", "n/a 320980 3 no map");
        assertThat(r.out()).contains("REF 321011 is 2 of 2 by cost (0.1815; cheapest 321005 at 0.0000); the recommender does not list it.");

        Path missing = tmp.resolve("to-crawl.txt");
        Run again = runops("refrun", "check", "321012", "321011", "--dataset", DATASET, "--history", history().toString(),
                "--dqm", crawl().toString(), "--missing-runs", missing.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.err()).contains("2 candidate(s) without a express map: 321000 320980", "wrote 2 run(s) to crawl to " + missing);
        assertThat(Files.readString(missing)).isEqualTo("321000 Express\n320980 Express\n");
        assertThat(CrawlTarget.readDqmcrawl(missing)).containsExactly(new CrawlTarget(321000, Reconstruction.EXPRESS),
                new CrawlTarget(320980, Reconstruction.EXPRESS));

        Run listed = runops("refrun", "check", "321012", "321005", "--dataset", DATASET, "--history", history().toString(),
                "--dqm", crawl().toString(), "--top", "1");
        assertThat(listed.out()).contains("REF 321005 is 1 of 1 by cost (0.0000; cheapest 321005 at 0.0000); the recommender ranks it 1.")
                .doesNotContain("321000");
    }

    @Test
    void withoutTheRunsMapNothingCanBeComparedAndTheHelpSaysSo() throws IOException {
        Run r = runops("refrun", "check", "321010", "321005", "--dataset", DATASET, "--history", history().toString(),
                "--dqm", crawl().toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no tracking map of run 321010 (express): expected "
                + CrawlLayout.file(crawl(), DqmFeatures.TRACKING_MAP, 321010, Reconstruction.EXPRESS));
        Run unknown = runops("refrun", "check", "321012", "321005", "--dataset", "/Cosmics/X/DQM", "--history", history().toString(),
                "--dqm", crawl().toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("give --reconstruction");
        assertThat(runops("refrun", "check", "--help").out()).contains("Exit codes: 0 printed", "--reference-reconstruction");
    }
}
