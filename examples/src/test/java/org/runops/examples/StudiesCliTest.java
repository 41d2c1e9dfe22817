package org.runops.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.runops.examples.Launcher.runops;




import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.examples.Launcher.Run;
import org.runops.studies.StudyTable;
import org.runops.testing.FffRunDirectoryWriter;

/** {@code runops studies table|pca} end to end, in process, on generated files and on the shared real data. */
class StudiesCliTest {
    @TempDir
    Path tmp;

    /** Two saved OMS "runs" pages, one "fills" page and a Certhelper dump, in the servers' formats. */
    private void writeGeneratedInputs() throws IOException {
        StringBuilder page1 = new StringBuilder("{\"data\": [");
        StringBuilder page2 = new StringBuilder("{\"data\": [");
        Random random = new Random(5);
        for (int i = 0; i < 40; i++) {
            long run = 316000 + i;
            long fill = 6600 + i / 10;
            String fillField = i == 39 ? "null" : Long.toString(fill); // one run without a fill
            String row = "{\"id\": \"" + run + "\", \"type\": \"runs\", \"attributes\": {\"run_number\": " + run
                    + ", \"fill_number\": " + fillField + ", \"init_lumi\": " + (1 + random.nextDouble())
                    + ", \"duration\": " + (1000 + random.nextInt(20000)) + ", \"l1_rate\": " + (20000 + random.nextInt(9000))
                    + "}, \"meta\": {\"row\": {\"init_lumi\": {\"units\": \"10^{34}cm^{-2}s^{-1}\"}}}}";
            StringBuilder page = i < 20 ? page1 : page2;
            page.append(i % 20 == 0 ? "" : ",").append(row);
        }
        page1.append("], \"meta\": {\"totalResourceCount\": 40}}");
        page2.append("], \"meta\": {\"totalResourceCount\": 40}}");
        Files.writeString(tmp.resolve("runs_p1.json"), page1);
        Files.writeString(tmp.resolve("runs_p2.json"), page2);
        Files.writeString(tmp.resolve("fills.json"), "{\"data\": ["
                + "{\"id\": \"6600\", \"type\": \"fills\", \"attributes\": {\"fill_number\": 6600, \"bunches_colliding\": 2544}},"
                + "{\"id\": \"6601\", \"type\": \"fills\", \"attributes\": {\"fill_number\": 6601, \"bunches_colliding\": 1200}}"
                + "], \"meta\": {\"totalResourceCount\": 2}}");
        Files.writeString(tmp.resolve("dump.json"), "["
                + "{\"run_number\": 316005, \"run_reconstruction_type\": \"express\", \"reference_run_number\": 316001,"
                + " \"reference_run_reconstruction_type\": \"express\", \"dataset\": \"/Express/Collisions2018/DQM\"},"
                + "{\"run_number\": 316005, \"run_reconstruction_type\": \"prompt\", \"reference_run_number\": 316002,"
                + " \"reference_run_reconstruction_type\": \"prompt\", \"dataset\": null}]");
    }

    @Test
    void tableThenPcaOnGeneratedOmsResponses() throws IOException {
        writeGeneratedInputs();
        Path table = tmp.resolve("study.json");
        Run t = runops("studies", "table", "--runs", tmp.resolve("runs_p1.json").toString(), tmp.resolve("runs_p2.json").toString(),
                "--fills", tmp.resolve("fills.json").toString(), "--certhelper", tmp.resolve("dump.json").toString(),
                "--out", table.toString());
        assertThat(t.exitCode()).as(t.err()).isZero();
        assertThat(t.out()).contains("wrote 41 rows");
        StudyTable joined = StudyTable.read(table);
        assertThat(joined.columns()).contains("init_lumi_unit", "fill__bunches_colliding", "reference_run", "dataset");
        assertThat(joined.column("fill__bunches_colliding").subList(0, 12)).containsOnly(2544L, 1200L);
        assertThat(joined.column("fill__bunches_colliding").get(40)).isNull(); // the run without a fill
        assertThat(joined.column("reference_run")).containsOnlyOnce(316001L, 316002L);

        Path png = tmp.resolve("pca.png");
        Path scored = tmp.resolve("scored.csv");
        Run p = runops("studies", "pca", "--table", table.toString(), "--features", "init_lumi,duration,l1_rate",
                "--colour-by", "fill_number", "--plot", png.toString(), "--out", scored.toString());
        assertThat(p.exitCode()).as(p.err()).isZero();
        assertThat(p.out()).contains("PCA of 41 of 41 rows", "explained variance", "pc1", "pc2", "init_lumi", "weight",
                "wrote plot");
        assertThat(StudyTable.readCsv(scored).columns()).endsWith("pc1", "pc2");
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1000);
        assertThat(image.getHeight()).isEqualTo(700);

        Run clamped = runops("studies", "pca", "--table", table.toString(), "--features", "init_lumi,duration", "--components", "4");
        assertThat(clamped.exitCode()).as(clamped.err()).isZero();
        assertThat(clamped.err()).contains("4 components asked, 2 features: 2 components");
    }

    @Test
    void tableToStandardOutputAsCsv() throws IOException {
        writeGeneratedInputs();
        Run t = runops("studies", "table", "--runs", tmp.resolve("runs_p1.json").toString());
        assertThat(t.exitCode()).as(t.err()).isZero();
        assertThat(t.out().lines().findFirst().orElseThrow())
                .isEqualTo("\"run_number\",\"fill_number\",\"init_lumi\",\"duration\",\"l1_rate\",\"init_lumi_unit\"");
        assertThat(t.out().lines().count()).isEqualTo(21);
    }

    /** Runs from a run catalogue (fff folders here) instead of saved OMS responses. */
    @Test
    void tableFromARunCatalogue() throws IOException {
        Path fff = tmp.resolve("fff");
        FffRunDirectoryWriter.create(fff, 338999).lumiSection(1, 1000, 500).write();
        FffRunDirectoryWriter.create(fff, 339000).write();
        Path history = Files.writeString(tmp.resolve("history.json"),
                "[{\"run_number\": 339000, \"reference_run_number\": 338999, \"run_reconstruction_type\": \"express\"}]");
        Run r = runops("studies", "table", "--catalog", "fff:" + fff, "--from", "1", "--to", "999999", "--certhelper", history.toString(),
                "--format", "csv");
        assertThat(r.exitCode()).as(r.err()).isZero();
        StudyTable t = StudyTable.readCsv(new java.io.StringReader(r.out()), "stdout");
        assertThat(t.column("run_number")).containsExactly(338999L, 339000L);
        assertThat(t.column("events")).containsExactly(1500L, 0L);
        assertThat(t.column("reference_run")).containsExactly(null, 338999L);
        assertThat(runops("studies", "table", "--catalog", "fff:" + fff).err()).contains("--from");
        assertThat(runops("studies", "table").err()).contains("--runs FILE... or as --catalog");
    }

    @Test
    void badInputExitsWithTwoAndSaysWhy() throws IOException {
        writeGeneratedInputs();
        Path table = tmp.resolve("study.csv");
        assertThat(runops("studies", "table", "--runs", tmp.resolve("runs_p1.json").toString(), "--out", table.toString())
                .exitCode()).isZero();
        Run missing = runops("studies", "pca", "--table", table.toString(), "--features", "init_lumi,pileup");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no column \"pileup\"; available: run_number");
        Run colour = runops("studies", "pca", "--table", table.toString(), "--features", "init_lumi,duration", "--colour-by", "era");
        assertThat(colour.err()).contains("no column \"era\"");
        Run plotOne = runops("studies", "pca", "--table", table.toString(), "--features", "init_lumi,duration",
                "--components", "1", "--plot", tmp.resolve("x.png").toString());
        assertThat(plotOne.exitCode()).isEqualTo(2);
        assertThat(plotOne.err()).contains("needs --components 2");
        Files.writeString(tmp.resolve("broken.json"), "{\"data\": [{\"id\": \"1\", ");
        Run broken = runops("studies", "table", "--runs", tmp.resolve("broken.json").toString());
        assertThat(broken.exitCode()).isEqualTo(2);
        assertThat(broken.err()).contains("broken.json");
        assertThat(Files.exists(tmp.resolve("x.png"))).isFalse();
    }

    @Test
    void theShared2018RunsAndTheMarch2024Dump() {
        Path data = sharedData("refrun/ReferenceRunRank");
        Path table = tmp.resolve("runs2018.csv");
        Run t = runops("studies", "table", "--runs", data.resolve("omsrundata_2018.csv").toString(),
                "--certhelper", data.resolve("AllRunsRefRuns_Mar5_2024.json").toString(), "--out", table.toString());
        assertThat(t.exitCode()).as(t.err()).isZero();
        StudyTable joined = StudyTable.readCsv(table);
        assertThat(joined.size()).isGreaterThan(1117);
        assertThat(joined.column("run_number").stream().distinct().count()).isEqualTo(1117);

        Path png = tmp.resolve("pca2018.png");
        Run p = runops("studies", "pca", "--table", table.toString(), "--features",
                "init_lumi,end_lumi,duration,hlt_physics_rate,l1_rate,last_lumisection_number", "--components", "3",
                "--colour-by", "reconstruction", "--plot", png.toString());
        assertThat(p.exitCode()).as(p.err()).isZero();
        assertThat(p.out()).contains("pc3", "last_lumisection_number");
        assertThat(Files.exists(png)).isTrue();
    }

    private static Path sharedData(String relative) {
        String configured = System.getProperty("runops.shared");
        Path root = configured != null ? Path.of(configured) : Path.of("..", "..", "shared");
        Path p = root.resolve("data").resolve(relative);
        assumeTrue(Files.isDirectory(p), () -> "skipped: shared test data not found at " + p.toAbsolutePath());
        return p;
    }
}
