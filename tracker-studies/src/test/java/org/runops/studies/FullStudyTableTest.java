package org.runops.studies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.certhelper.CertHelperHistory;
import org.runops.core.RegularFiles;
import org.runops.core.refrun.Reconstruction;
import org.runops.dqm.CrawlLayout;
import org.runops.oms.OmsPage;
import org.runops.runregistry.RrDataset;
import org.runops.runregistry.RrDatasets;
import org.runops.testing.SharedData;

/**
 * The full table on a small real-shaped set (src/test/resources/org/runops/studies/full): an OMS runs page in
 * the real shape (attributes, meta.row units and links of data/oms/runs_377254-377296, values made up for
 * three 2018D runs), an OMS fills page written from the spec (no real fills response exists: certifier
 * OmsFill's attributes), five Run Registry dataset records in the Python client's flattened shape (derived
 * from data/runregistry/rr_dataset_record_346512, flags varied), a Certhelper dump, a crawl directory of
 * TH1 answers written from the spec (no real TH1 jsonfairy answer exists) with one "unsupported type",
 * and the two real 321012 tracking maps (read in place from the shared data) as the express maps of
 * 321012 (offline) and 321011 (online).
 *
 * <p>expected.csv was checked cell by cell: flags by the TrackerFlags rule (321012 prompt: strip has 8 BAD
 * lumisections → BAD, pixel GOOD + STANDBY → GOOD; 321010 express: pixel EXCLUDED 10 vs STANDBY 3, strip only
 * "NO VALUE FOUND" → empty, tracking EMPTY); the histogram statistics are those of the files; Hits of 321012
 * prompt (no file) and Hits.Strip of 321011 ("unsupported type") are empty, the rows stay; reference_cost of
 * 321012 express against 321011 express is the offline-vs-online cost pinned in TrackingMapsTest, the others
 * are empty (no prompt map, no map of 320999); 321010 has no Certhelper row. Certhelper names 321011 prompt as the
 * reference of 321012 express: reference_reconstruction says prompt, but the cost compares the express maps (the
 * row's reconstruction, as the notebook's calculate_tracking_map_reference_cost(run, ref, row.reco)).
 */
class FullStudyTableTest {
    private static final String OFFLINE = "dqm/jsonfairy_offline_321012_StreamExpress_Run2018D-Express-v1_TrackEtaPhi_ImpactPoint_GenTk.json";
    private static final String ONLINE = "dqm/jsonfairy_online_321012_GlobalOnlineALL_TrackEtaPhi_ImpactPoint_GenTk.json";

    @TempDir
    Path tmp;

    static Path resource(String name) {
        try {
            return Path.of(FullStudyTableTest.class.getResource("full/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The resource crawl directory plus the two real maps, in a temporary directory. */
    static Path crawlDirectory(Path tmp) throws IOException {
        Path dir = tmp.resolve("crawl");
        Path from = resource("dqm");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path to = dir.resolve(from.relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
            }
        }
        copy(SharedData.require(OFFLINE), CrawlLayout.file(dir, DqmFeatures.TRACKING_MAP, 321012, Reconstruction.EXPRESS));
        copy(SharedData.require(ONLINE), CrawlLayout.file(dir, DqmFeatures.TRACKING_MAP, 321011, Reconstruction.EXPRESS));
        return dir;
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to);
    }

    static StudyTable oms(String name, String key) {
        try {
            Path f = resource(name);
            return StudyJoin.flatten(OmsPage.parse(RegularFiles.readAllBytes(f), f.toString()).records(), key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void joinOfTheSmallSetMatchesTheGoldenTable() throws IOException {
        StudyTable table = FullStudyTable.builder()
                .runRegistry(RrDatasets.read(resource("rr_datasets_321010-321012.json")))
                .runs(oms("oms_runs_321010-321012.json", "run_number"))
                .fills(oms("oms_fills_7003.json", "fill_number"))
                .certification(CertHelperHistory.read(resource("certhelper_321011-321012.json")))
                .dqm(crawlDirectory(tmp))
                .features(DqmFeatures.select(List.of("Hits", "Hits.Pixel", "Hits.Strip")))
                .build();
        StringWriter csv = new StringWriter();
        table.writeCsv(csv);
        String golden = Files.readString(resource("expected.csv"), StandardCharsets.UTF_8);
        assertThat(csv.toString()).isEqualTo(golden);
    }

    @Test
    void everyRowStaysWhenHistogramsAreMissing() throws IOException {
        long[] found = {-1, -1};
        StudyTable table = FullStudyTable.builder()
                .runRegistry(RrDatasets.read(resource("rr_datasets_321010-321012.json")))
                .dqm(Files.createDirectory(tmp.resolve("empty-crawl")))
                .progress(new FullStudyTable.Progress() {
                    @Override
                    public void rowDone(int done, int total) {}

                    @Override
                    public void histogramsFound(long f, long asked, Path root) {
                        found[0] = f;
                        found[1] = asked;
                    }
                })
                .build();
        assertThat(found).containsExactly(0, 5L * DqmFeatures.NOTEBOOK.size());
        assertThat(table.size()).isEqualTo(5);
        assertThat(table.columns()).hasSize(FullStudyTable.RR_COLUMNS.size() + 4 * DqmFeatures.NOTEBOOK.size() + 2);
        assertThat(table.column("Hits.Pixel.mean")).containsOnlyNulls();
        assertThat(table.column(FullStudyTable.ANGULAR_ENTROPY)).containsOnlyNulls();
    }

    @Test
    void aMissingCrawlDirectoryIsAnErrorNamingIt() {
        Path missing = tmp.resolve("no-such-crawl");
        assertThatThrownBy(() -> FullStudyTable.builder()
                .runRegistry(RrDatasets.read(resource("rr_datasets_321010-321012.json"))).dqm(missing).build())
                .isInstanceOf(StudyException.class)
                .hasMessage("DQM crawl directory " + missing + " does not exist or is not a directory");
    }

    @Test
    void datasetsOfAnUnrecognisedReconstructionEachKeepTheirRow() {
        RrDataset a = new RrDataset(321012, "/HcalNZS/Run2018D/DQM", "Collisions18", "OPEN", true, Map.of(), Map.of(), List.of(),
                false, 1, Map.of());
        RrDataset b = new RrDataset(321012, "/Cosmics/Run2018D/DQM", "Collisions18", "OPEN", true, Map.of(), Map.of(), List.of(),
                false, 1, Map.of());
        StudyTable table = FullStudyTable.builder().runRegistry(List.of(a, b, a)).build();
        assertThat(table.column("rr_dataset")).containsExactly("/HcalNZS/Run2018D/DQM", "/Cosmics/Run2018D/DQM");
        assertThat(table.column("reconstruction")).containsOnlyNulls();
    }

    @Test
    void deletedDatasetsAndRepeatedReconstructionsGiveNoRow() {
        List<RrDataset> read = RrDatasets.read(resource("rr_datasets_321010-321012.json"));
        RrDataset express = read.get(0);
        RrDataset deleted = new RrDataset(321009, "/Express/Collisions2018/DQM", "Collisions18", "OPEN", true, Map.of(), Map.of(),
                List.of(), true, 2, Map.of());
        RrDataset again = new RrDataset(express.run(), "/StreamExpress/Collisions2018/DQM", express.runClass(), express.state(), true,
                Map.of(), Map.of(), List.of(), false, 3, Map.of());
        StudyTable table = FullStudyTable.builder().runRegistry(List.of(deleted, express, again)).build();
        assertThat(table.column("run_number")).containsExactly(321012L);
        assertThat(table.column("rr_dataset")).containsExactly("/Express/Collisions2018/DQM");
    }

    @Test
    void withoutRunRegistryTheRowsAreTheCertifiedRunsAsStudyJoinMakesThem() throws IOException {
        StudyTable table = FullStudyTable.builder()
                .runs(oms("oms_runs_321010-321012.json", "run_number"))
                .certification(CertHelperHistory.read(resource("certhelper_321011-321012.json")))
                .dqm(crawlDirectory(tmp))
                .features(DqmFeatures.select(List.of("Hits.Pixel")))
                .build();
        assertThat(table.column("run_number")).containsExactly(321010L, 321011L, 321012L, 321012L);
        assertThat(table.column("reconstruction")).containsExactly(null, "express", "express", "prompt");
        assertThat(table.column("Hits.Pixel.mean")).containsExactly(null, 3.84917, 3.85642, 3.86021);
        assertThat(table.numeric(FullStudyTable.REFERENCE_COST)[2]).isEqualTo(0.18147101902148655, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void aBrokenCrawlFileIsAnErrorNamingIt() throws IOException {
        Path dir = tmp.resolve("broken");
        Path file = CrawlLayout.file(dir, DqmFeatures.NOTEBOOK.get(2).mePath(), 321012, Reconstruction.EXPRESS);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"hist\": {\"type\": \"TH1\", \"stats\": ");
        FullStudyTable.Builder b = FullStudyTable.builder()
                .runRegistry(RrDatasets.read(resource("rr_datasets_321010-321012.json"))).dqm(dir);
        assertThatThrownBy(b::build).isInstanceOf(StudyException.class).hasMessageContaining(file.toString());
        assertThatThrownBy(() -> FullStudyTable.builder().build()).hasMessageContaining("needs Run Registry datasets or OMS runs");
        assertThatThrownBy(() -> FullStudyTable.builder().runs(oms("oms_runs_321010-321012.json", "run_number")).dqm(dir).build())
                .hasMessageContaining("DQM features are per (run, reconstruction)");
    }
}
