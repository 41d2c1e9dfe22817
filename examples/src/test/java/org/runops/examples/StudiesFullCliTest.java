package org.runops.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.runops.examples.Launcher.runops;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.core.refrun.Reconstruction;
import org.runops.dqm.CrawlLayout;
import org.runops.examples.Launcher.Run;
import org.runops.studies.DqmFeatures;
import org.runops.studies.StudyTable;
import org.runops.testing.SharedData;

/**
 * {@code runops studies table --rr --dqm} and {@code runops studies pca} with the notebook's recipe, end to end
 * on files written here: Run Registry records in the Python client's flattened shape (the shape of
 * data/runregistry/rr_dataset_record_346512), TH1 jsonfairy answers written from the spec (no real TH1 answer
 * exists), and the two real 321012 tracking maps read from the shared data.
 */
class StudiesFullCliTest {
    @TempDir
    Path tmp;

    private static String rrRecord(long run, String name, String trackStatus) {
        String summary = "{\"GOOD\": 100, \"" + trackStatus + "\": 5, \"causes\": [], \"comments\": []}";
        return "{\"class\": \"Collisions18\", \"state\": \"SIGNOFF\", \"significant\": true, \"run_number\": " + run
                + ", \"name\": \"" + name + "\", \"dataset_attributes\": {\"tracker_state\": \"COMPLETED\"},"
                + " \"datasets_in_gui\": [], \"deleted\": false, \"version\": 1, \"lumisections\": {\"tracker-pixel\": " + summary
                + ", \"tracker-strip\": " + summary + ", \"tracker-track\": " + summary + "}}";
    }

    private static String th1(String name, double mean, double rms, long entries) {
        return String.format(Locale.ROOT, "{\"hist\":{\"type\":\"TH1\",\"title\":\"%s\",\"stats\":{\"name\":\"%s\",\"entries\":%d.000000,"
                + "\"mean\":{\"X\":{\"value\":%.6g,\"error\":0.001}},\"rms\":{\"X\":{\"value\":%.6g,\"error\":0.001}},\"underflow\":0,"
                + "\"overflow\":0},\"xaxis\":{\"title\":\"hits\",\"first\":{\"id\":1,\"value\":0},\"last\": {\"id\":2,\"value\":20}},"
                + "\"values\":{\"min\":0,\"max\":%d},\"bins\":{\"integral\":%d,\"content\":[%d,0],\"error\":[1,0]}}}",
                name, name, entries, mean, rms, entries, entries, entries);
    }

    @Test
    void tableFromRunRegistryAndACrawlThenTheNotebookPca() throws IOException {
        Path crawl = tmp.resolve("crawl");
        StringBuilder rr = new StringBuilder("[");
        Random random = new Random(12);
        for (int i = 0; i < 12; i++) {
            long run = 321000 + i;
            for (String reco : new String[] {"express", "prompt"}) {
                String name = reco.equals("express") ? "/Express/Collisions2018/DQM" : "/PromptReco/Collisions2018D/DQM";
                rr.append(rr.length() > 1 ? "," : "").append(rrRecord(run, name, i % 4 == 0 ? "BAD" : "STANDBY"));
                Reconstruction r = Reconstruction.parse(reco);
                for (String prefix : new String[] {"Hits.Pixel", "Hits.Strip", "Tracks"}) {
                    if (prefix.equals("Tracks") && i == 3) {
                        continue; // one missing histogram: NaN, the row stays
                    }
                    String me = DqmFeatures.select(java.util.List.of(prefix)).get(0).mePath();
                    Path f = CrawlLayout.file(crawl, me, run, r);
                    Files.createDirectories(f.getParent());
                    Files.writeString(f, th1(CrawlLayout.meName(me), 1 + 10 * random.nextDouble(), 1 + random.nextDouble(),
                            1000 + random.nextInt(100000)));
                }
            }
        }
        Path rrFile = Files.writeString(tmp.resolve("rr.json"), rr.append(']'));
        Path fills = Files.writeString(tmp.resolve("fills.csv"), "fill_number,era\n7003,\"2018D\"\n");
        StringBuilder runs = new StringBuilder("run_number,fill_number,recorded_lumi\n");
        for (int i = 0; i < 12; i++) {
            runs.append(321000 + i).append(",7003,").append(10 + i).append('\n');
        }
        Path runsFile = Files.writeString(tmp.resolve("runs.csv"), runs);
        Path map = CrawlLayout.file(crawl, DqmFeatures.TRACKING_MAP, 321005, Reconstruction.EXPRESS);
        Files.createDirectories(map.getParent());
        Files.copy(SharedData.require("dqm/jsonfairy_offline_321012_StreamExpress_Run2018D-Express-v1_TrackEtaPhi_ImpactPoint_GenTk.json"), map);

        Path table = tmp.resolve("full.csv");
        Run t = runops("studies", "table", "--rr", rrFile.toString(), "--runs", runsFile.toString(), "--fills", fills.toString(),
                "--dqm", crawl.toString(), "--dqm-features", "Hits.Pixel,Hits.Strip,Tracks", "--out", table.toString(), "--progress");
        assertThat(t.exitCode()).as(t.err()).isZero();
        assertThat(t.out()).contains("wrote 24 rows");
        assertThat(t.err()).contains("dqm: [##############################] rows 24/24",
                "DQM features: 70 of 72 histograms found under " + crawl); // 321003 has no Tracks
        StudyTable full = StudyTable.readCsv(table);
        assertThat(full.columns()).startsWith("run_number", "reconstruction", "rr_dataset", "rr_class", "rr_significant",
                "tracker_state", "pixel", "strip", "tracking", "fill_number", "recorded_lumi", "fill__fill_number", "fill__era");
        assertThat(full.columns()).endsWith("Tracks.integral", "reference_cost", "angular_entropy");
        assertThat(full.column("tracking").subList(0, 4)).containsExactly("BAD", "BAD", "GOOD", "GOOD");
        assertThat(full.value(6, "Tracks.mean")).isNull(); // 321003 express: no Tracks file
        assertThat(full.value(10, "angular_entropy")).isEqualTo(3.8152528017864515); // 321005 express: the real map

        Path png = tmp.resolve("pca.png");
        Run p = runops("studies", "pca", "--table", table.toString(), "--plot", png.toString(), "--out", tmp.resolve("pcs.csv").toString());
        assertThat(p.exitCode()).as(p.err()).isZero();
        assertThat(p.out()).contains("Notebook recipe: fill__era = 2018D, reconstruction in [express, prompt], "
                + "Hits.Pixel.mean > 0 and Hits.Strip.mean > 0; 24 of 24 rows kept, 7 features (.rms/mean columns and recorded_lumi,"
                + " missing values as 0)");
        // features: the numeric .rms and mean columns and recorded_lumi; 5 components of 7 features
        assertThat(p.out()).contains("PCA of 24 of 24 rows", "pc5", "Hits.Pixel.mean", "Hits.Strip.rms", "Tracks.mean", "recorded_lumi",
                "explained variance", "weight");
        assertThat(p.out()).doesNotContain("Tracks.entries", "pc6");
        assertThat(p.out()).contains("wrote plot " + png + " coloured by tracking");
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1000);
        assertThat(StudyTable.readCsv(tmp.resolve("pcs.csv")).columns()).endsWith("pc4", "pc5");

        Run otherEra = runops("studies", "pca", "--table", table.toString(), "--era", "2018C");
        assertThat(otherEra.exitCode()).isEqualTo(2);
        assertThat(otherEra.err()).contains("0 of 24 rows pass the filters (fill__era = 2018C");
    }

    @Test
    void tableNeedsRowsAndFeaturesNeedTheCrawl() {
        assertThat(runops("studies", "table").err()).contains("(or the rows as --rr FILE...)");
        Run r = runops("studies", "table", "--rr", tmp.resolve("none.json").toString(), "--dqm-features", "Hits");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--dqm-features needs --dqm DIR");
    }

    @Test
    void aMissingCrawlDirectoryIsAnError() throws IOException {
        Path rrFile = Files.writeString(tmp.resolve("rr.json"), "[" + rrRecord(321000, "/Express/Collisions2018/DQM", "BAD") + "]");
        Path missing = tmp.resolve("no-such-crawl");
        Run r = runops("studies", "table", "--rr", rrFile.toString(), "--dqm", missing.toString(), "--dqm-features", "Hits.Pixel");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("DQM crawl directory " + missing + " does not exist or is not a directory");
    }
}
