package org.runops.core.refrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.core.SharedData;
import org.runops.core.csv.CsvFormatException;
import org.runops.core.run.RunRecord;

class FeatureTableTest {

    /** Run conditions from a run catalogue: luminosities in one unit whatever the era wrote, others as given. */
    @Test
    void fromRunRecordsInReferenceUnits() {
        Map<String, String> y2017 = new LinkedHashMap<>();
        y2017.put("init_lumi", "6885.2");
        y2017.put("b_field", "3.8");
        y2017.put("stable_beam", "true");
        y2017.put("init_lumi_unit", "10^{30}cm^{-2}s^{-1}");
        Map<String, String> y2024 = Map.of("init_lumi", "1.5", "init_lumi_unit", "10^{33}cm^{-2}s^{-1}",
                "beta_star_start", "580.0", "beta_star_start_unit", "cm");
        FeatureTable t = FeatureTable.fromRuns(List.of(new RunRecord(297050, null, null, y2017),
                new RunRecord(377254, null, null, y2024)),
                List.of("init_lumi", "b_field", "stable_beam", "beta_star_start"));
        assertThat(t.value(0, 0)).isCloseTo(0.68852, within(1e-12));
        assertThat(t.value(1, 0)).isCloseTo(0.15, within(1e-12));
        assertThat(t.row(0)).containsExactly(t.value(0, 0), 3.8, 1.0, Double.NaN);
        assertThat(t.value(1, 3)).isEqualTo(580.0); // a unit Units does not know: as given
        assertThat(t.rowOf(377254)).isEqualTo(1);
        assertThatThrownBy(() -> FeatureTable.fromRuns(List.of(new RunRecord(5, null, null,
                Map.of("l1_rate", "high"))), List.of("l1_rate"))).hasMessageContaining("run 5").hasMessageContaining("high");
    }
    @TempDir
    Path dir;

    @Test
    void nearestEqualsABruteForceSortOnRandomDataWithMissingValues() {
        for (int seed = 0; seed < 200; seed++) {
            Random random = new Random(seed);
            int d = 1 + random.nextInt(6);
            int n = 1 + random.nextInt(300);
            FeatureTable table = randomTable(random, n, d, 0.1, seed % 7 == 0);
            double[] query = new double[d];
            double[] scale = new double[d];
            double[] weights = new double[d];
            for (int j = 0; j < d; j++) {
                query[j] = random.nextDouble() < 0.1 ? Double.NaN : random.nextInt(5);
                scale[j] = 0.5 + random.nextDouble();
                weights[j] = random.nextInt(4) == 0 ? 0 : random.nextDouble() * 2;
            }
            int[] candidates = random.ints(random.nextInt(n + 1), 0, n).distinct().toArray();
            int k = random.nextInt(15);

            List<FeatureTable.Neighbor> fast = table.nearest(query, k, scale, weights, candidates);

            List<FeatureTable.Neighbor> brute = new ArrayList<>();
            for (int r : candidates) {
                double sum = 0;
                for (int j = 0; j < d; j++) {
                    double x = table.value(r, j);
                    double z = (x - query[j]) / scale[j];
                    sum += Double.isNaN(x) || Double.isNaN(query[j]) ? weights[j] : weights[j] * z * z;
                }
                brute.add(new FeatureTable.Neighbor(r, table.run(r), Math.sqrt(sum)));
            }
            brute.sort(Comparator.comparingDouble(FeatureTable.Neighbor::distance).thenComparingInt(FeatureTable.Neighbor::row));
            List<FeatureTable.Neighbor> expected = brute.subList(0, Math.min(k, brute.size()));

            assertThat(fast).as("seed %d", seed).hasSize(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertThat(fast.get(i).distance()).as("seed %d, position %d", seed, i)
                        .isCloseTo(expected.get(i).distance(), within(1e-9));
                if (Math.abs(fast.get(i).distance() - expected.get(i).distance()) > 1e-12) {
                    continue; // rounding may order near-equal sums differently; exact ties must agree on rows
                }
                assertThat(fast.get(i).row()).as("seed %d, position %d", seed, i).isEqualTo(expected.get(i).row());
                assertThat(fast.get(i).run()).isEqualTo(table.run(fast.get(i).row()));
            }
        }
    }

    @Test
    void tiesGoToTheLowerRowWhateverTheCandidateOrder() {
        FeatureTable t = FeatureTable.builder(List.of("x")).add(10, 1).add(11, 1).add(12, 1).add(13, 5).build();
        List<FeatureTable.Neighbor> top = t.nearest(new double[] {1}, 2, new double[] {1}, new double[] {1}, new int[] {3, 2, 1, 0});
        assertThat(top).extracting(FeatureTable.Neighbor::run).containsExactly(10L, 11L);
        assertThat(top.get(0).distance()).isZero();
    }

    @Test
    void aMissingValueCountsAsOneScaleUnitTimesItsWeight() {
        FeatureTable t = FeatureTable.builder(List.of("a", "b")).add(1, Double.NaN, 0).add(2, 0, 0).build();
        List<FeatureTable.Neighbor> top = t.nearest(new double[] {0, Double.NaN}, 5, new double[] {2, 2}, new double[] {4, 9}, t.allRows());
        assertThat(top).extracting(FeatureTable.Neighbor::run).containsExactly(2L, 1L);
        assertThat(top.get(0).distance()).isCloseTo(3, within(1e-12)); // sqrt(0 + 9·1)
        assertThat(top.get(1).distance()).isCloseTo(Math.sqrt(13), within(1e-12)); // sqrt(4·1 + 9·1)
    }

    @Test
    void nearestRejectsBadArguments() {
        FeatureTable t = FeatureTable.builder(List.of("a")).add(1, 0).build();
        assertThatThrownBy(() -> t.nearest(new double[] {0}, 1, new double[] {0}, new double[] {1}, t.allRows()))
                .hasMessageContaining("scale of a");
        assertThatThrownBy(() -> t.nearest(new double[] {0, 1}, 1, new double[] {1}, new double[] {1}, t.allRows()))
                .hasMessageContaining("1 values each");
        assertThatThrownBy(() -> t.nearest(new double[] {0}, 1, new double[] {1}, new double[] {1}, new int[] {1}))
                .hasMessageContaining("row 1 is outside");
        assertThat(t.nearest(new double[] {0}, 0, new double[] {1}, new double[] {1}, t.allRows())).isEmpty();
        assertThatThrownBy(() -> t.nearest(new double[] {Double.POSITIVE_INFINITY}, 1, new double[] {1}, new double[] {1},
                t.allRows())).hasMessageContaining("query value of a is Infinity");
    }

    @Test
    void repeatedCandidatesAreRefusedOnBothScanPaths() {
        FeatureTable.Builder b = FeatureTable.builder(List.of("a"));
        for (int i = 0; i < 100; i++) {
            b.add(i, i % 10 == 0 ? Double.NaN : i);
        }
        FeatureTable t = b.build();
        double[] one = {1};
        assertThatThrownBy(() -> t.nearest(one, 3, one, one, new int[] {5, 7, 5})) // few candidates: sorted check
                .hasMessageContaining("row 5 is a candidate twice");
        int[] many = java.util.stream.IntStream.range(0, 60).map(i -> i % 50).toArray(); // position map
        assertThatThrownBy(() -> t.nearest(one, 3, one, one, many)).hasMessageContaining("row 0 is a candidate twice");
    }

    @Test
    void builderKeepsInsertionOrderAndIndexesRuns() {
        FeatureTable t = FeatureTable.builder(List.of("a", "b")).add(300, 1, 2).add(100, 3, Double.NaN).build();
        assertThat(t.size()).isEqualTo(2);
        assertThat(t.dimensions()).isEqualTo(2);
        assertThat(t.columns()).containsExactly("a", "b");
        assertThat(t.run(0)).isEqualTo(300);
        assertThat(t.rowOf(100)).isEqualTo(1);
        assertThat(t.rowOf(200)).isEqualTo(-1);
        assertThat(t.row(1)).containsExactly(3, Double.NaN);
        assertThat(t.rowsOf(100, 999, 300)).containsExactly(1, 0);
    }

    @Test
    void builderRejectsDuplicateRunsAndWrongWidths() {
        FeatureTable.Builder b = FeatureTable.builder(List.of("a")).add(7, 1);
        assertThatThrownBy(() -> b.add(7, 2)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate run 7");
        assertThatThrownBy(() -> b.add(8, 1, 2)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("run 8");
        assertThatThrownBy(() -> b.add(9, Double.NEGATIVE_INFINITY)).hasMessageContaining("run 9: a is -Infinity");
    }

    @Test
    void standardizationIgnoresNaNAndDefaultsDegenerateColumns() {
        FeatureTable t = FeatureTable.builder(List.of("x", "constant", "empty"))
                .add(1, 1, 5, Double.NaN).add(2, 3, 5, Double.NaN).add(3, Double.NaN, 5, Double.NaN).build();
        FeatureTable.Standardization s = t.standardization(t.allRows());
        assertThat(s.mean()).containsExactly(2, 5, 0);
        assertThat(s.sd()).containsExactly(1, 1, 1);
        assertThat(s.apply(new double[] {4, 6, Double.NaN})).containsExactly(2, 1, Double.NaN);
    }

    @Test
    void pcaOfPointsOnALineFindsThatLine() {
        FeatureTable.Builder b = FeatureTable.builder(List.of("a", "b"));
        for (int i = 0; i < 50; i++) {
            b.add(i, i, 1000 + 3.0 * i);
        }
        FeatureTable t = b.build();
        FeatureTable.Pca pca = t.pca(2, t.allRows());
        double r = 1 / Math.sqrt(2);
        assertThat(pca.explainedVarianceRatio()[0]).isCloseTo(1, within(1e-9));
        assertThat(pca.explainedVarianceRatio()[1]).isCloseTo(0, within(1e-9));
        assertThat(pca.loadings()[0]).containsExactly(new double[] {r, r}, within(1e-9));
        assertThat(pca.squaredLoadings()[0]).containsExactly(new double[] {0.5, 0.5}, within(1e-9));
        // the score of the mean point is 0; a point one sd above in both columns scores sqrt(2)
        assertThat(pca.project(new double[] {24.5, 1073.5})[0]).isCloseTo(0, within(1e-9));
        double[] sd = pca.sd();
        assertThat(pca.project(new double[] {24.5 + sd[0], 1073.5 + sd[1]})[0]).isCloseTo(Math.sqrt(2), within(1e-9));
    }

    @Test
    void pcaOfAnticorrelatedColumnsAndAnUncorrelatedOne() {
        FeatureTable.Builder b = FeatureTable.builder(List.of("a", "b", "c"));
        Random random = new Random(3);
        for (int i = 0; i < 400; i++) {
            double u = random.nextGaussian();
            b.add(i, u, -u, i % 2 == 0 ? Double.NaN : random.nextGaussian() * 1e-3);
        }
        FeatureTable t = b.build();
        FeatureTable.Pca pca = t.pca(1, t.allRows());
        double[] first = pca.loadings()[0];
        assertThat(Math.abs(first[0])).isCloseTo(1 / Math.sqrt(2), within(0.02));
        assertThat(first[0] * first[1]).isNegative();
        assertThat(pca.explainedVarianceRatio()[0]).isGreaterThan(0.6);
        assertThatThrownBy(() -> t.pca(4, t.allRows())).hasMessageContaining("1..3");
    }

    @Test
    void readsCsvWithQuotesMissingValuesAndBooleans() throws IOException {
        Path csv = dir.resolve("runs.csv");
        Files.writeString(csv, "\uFEFF\"run_number\",\"note\",a,b,flag\r\n"
                + "1,\"a, quoted \"\"note\"\"\",1.5,,true\r\n"
                + "2,\"two\nlines\",nan,None,False\r\n"
                + "\n"
                + "3,plain,NA,null,\r\n");
        FeatureTable t = FeatureCsv.read(csv, "run_number", List.of("a", "b", "flag"));
        assertThat(t.size()).isEqualTo(3);
        assertThat(t.row(0)).containsExactly(1.5, Double.NaN, 1);
        assertThat(t.row(1)).containsExactly(Double.NaN, Double.NaN, 0);
        assertThat(t.row(2)).containsExactly(Double.NaN, Double.NaN, Double.NaN);
        assertThat(t.run(2)).isEqualTo(3);
    }

    @Test
    void writesCsvThatReadsBackUnchanged() {
        FeatureTable t = FeatureTable.builder(List.of("init_lumi", "b_field", "odd, \"name\""))
                .add(316201, 1.9345, 3.8, 0)
                .add(315705, Double.NaN, 1.0E-5, -2.5)
                .add(999999999999L, 123456789.0, 0.0, Double.NaN)
                .build();
        StringWriter out = new StringWriter();
        FeatureCsv.write(t, out, "features.csv", "run_number");
        assertThat(out.toString()).isEqualTo("run_number,init_lumi,b_field,\"odd, \"\"name\"\"\"\n"
                + "316201,1.9345,3.8,0.0\n"
                + "315705,,1.0E-5,-2.5\n"
                + "999999999999,1.23456789E8,0.0,\n");
        FeatureTable back = FeatureCsv.read(new StringReader(out.toString()), "features.csv", "run_number", t.columns());
        assertThat(back.size()).isEqualTo(t.size());
        for (int r = 0; r < t.size(); r++) {
            assertThat(back.run(r)).isEqualTo(t.run(r));
            assertThat(back.row(r)).containsExactly(t.row(r));
        }
    }

    @Test
    void aBadNumberNamesFileLineAndColumn() throws IOException {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "run,a\n1,2\n2,\"multi\nline\"\n3,x7\n");
        assertThatThrownBy(() -> FeatureCsv.read(csv, "run", List.of("a")))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageContaining(csv + ":3: column a: not a number: \"multi\nline\"");
        Files.writeString(csv, "run,a\n1,2\n2,3\n3,x7\n");
        assertThatThrownBy(() -> FeatureCsv.read(csv, "run", List.of("a")))
                .hasMessageContaining(csv + ":4: column a: not a number: \"x7\"");
    }

    @Test
    void aMissingColumnListsTheAvailableOnes() throws IOException {
        Path csv = dir.resolve("cols.csv");
        Files.writeString(csv, "run,a,b\n1,2,3\n");
        assertThatThrownBy(() -> FeatureCsv.read(csv, "run", List.of("a", "pileup")))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("no column \"pileup\"; available: run, a, b");
    }

    @Test
    void malformedCsvRecordsAreErrorsWithLines() throws IOException {
        Path csv = dir.resolve("ragged.csv");
        Files.writeString(csv, "run,a\n1,2\n2\n");
        assertThatThrownBy(() -> FeatureCsv.read(csv, "run", List.of("a")))
                .hasMessageContaining(csv + ":3: expected 2 fields as in the header, found 1");
        Files.writeString(csv, "run,a\n1,2\n2,\"open\n");
        assertThatThrownBy(() -> FeatureCsv.read(csv, "run", List.of("a")))
                .hasMessageContaining(csv + ":3: quoted field never closed");
        Files.writeString(csv, "run,a\n1,2\n1,3\n");
        assertThatThrownBy(() -> FeatureCsv.read(csv, "run", List.of("a")))
                .hasMessageContaining(csv + ":3: run 1 repeats the row of line 2");
        Files.writeString(csv, "run,a\n1,Infinity\n");
        assertThatThrownBy(() -> FeatureCsv.read(csv, "run", List.of("a")))
                .hasMessageContaining(csv + ":2: column a: not a finite number");
        Files.writeString(csv, "run,a\n1.5,2\n");
        assertThatThrownBy(() -> FeatureCsv.read(csv, "run", List.of("a")))
                .hasMessageContaining(csv + ":2: column run: expected a run number");
        Files.writeString(csv, "");
        assertThatThrownBy(() -> FeatureCsv.read(csv, "run", List.of("a"))).hasMessageContaining("empty file");
    }

    @Test
    void unusableFilesSayWhyOnceAndBriefly() throws IOException {
        Path csv = dir.resolve("neg.csv");
        Files.writeString(csv, "run,a\n-5,2\n");
        assertThatThrownBy(() -> FeatureCsv.read(csv, "run", List.of("a")))
                .hasMessageContaining(csv + ":2: column run: expected a run number (a positive integer), found \"-5\"");
        Files.writeString(csv, "run,a\n0,2\n");
        assertThatThrownBy(() -> FeatureCsv.read(csv, "run", List.of("a"))).hasMessageContaining("found \"0\"");

        byte[] random = new byte[4096];
        new Random(7).nextBytes(random);
        Path junk = Files.write(dir.resolve("junk.csv"), random);
        assertThatThrownBy(() -> FeatureCsv.read(junk, "run", List.of("a"))).isInstanceOf(CsvFormatException.class)
                .hasMessageStartingWith(junk.toString()).hasMessageContaining("is not UTF-8 text")
                .hasMessageNotContaining("Input length");

        Path gone = dir.resolve("gone.csv");
        assertThatThrownBy(() -> FeatureCsv.read(gone, "run", List.of("a"))).isInstanceOf(CsvFormatException.class)
                .hasMessage(gone + ": does not exist");

        Path folder = Files.createDirectory(dir.resolve("folder.csv"));
        assertThatThrownBy(() -> FeatureCsv.read(folder, "run", List.of("a")))
                .hasMessage(folder + ": is a directory, not a regular file");

        StringBuilder wide = new StringBuilder("run");
        for (int i = 0; i < 200_000; i++) {
            wide.append(",column_with_a_long_name_").append(i);
        }
        Path wideCsv = Files.writeString(dir.resolve("wide.csv"), wide.append('\n'));
        assertThatThrownBy(() -> FeatureCsv.read(wideCsv, "run", List.of("a")))
                .hasMessageContaining("no column \"a\"").hasMessageContaining("and 199961 more")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(4000));
    }

    @Test
    void readsTheReal2018OmsRunTable() {
        Path csv = SharedData.require("refrun/ReferenceRunRank/omsrundata_2018.csv");
        List<String> features = List.of("init_lumi", "end_lumi", "duration", "hlt_physics_rate", "l1_rate", "energy",
                "last_lumisection_number");
        FeatureTable t = FeatureCsv.read(csv, "run_number", features);
        assertThat(t.size()).isEqualTo(1117);
        assertThat(t.run(0)).isEqualTo(313605);
        assertThat(t.value(t.rowOf(313605), features.indexOf("duration"))).isEqualTo(617);
        assertThat(Double.isNaN(t.value(t.rowOf(314043), features.indexOf("hlt_physics_rate")))).isTrue();

        int[] all = t.allRows();
        FeatureTable.Standardization s = t.standardization(all);
        int target = t.rowOf(316201);
        List<FeatureTable.Neighbor> top = t.nearest(t.row(target), 5, s.sd(), new double[features.size()].clone(), all);
        assertThat(top).hasSize(5); // all weights 0: every distance is 0, lowest rows first
        assertThat(top).extracting(FeatureTable.Neighbor::row).containsExactly(0, 1, 2, 3, 4);
        double[] ones = java.util.stream.DoubleStream.generate(() -> 1).limit(features.size()).toArray();
        List<FeatureTable.Neighbor> self = t.nearest(t.row(target), 3, s.sd(), ones, all);
        assertThat(self.get(0).run()).isEqualTo(316201);
        assertThat(self.get(0).distance()).isZero();

        FeatureTable.Pca pca = t.pca(3, all);
        double sum = 0;
        for (double r : pca.explainedVarianceRatio()) {
            sum += r;
        }
        assertThat(pca.explainedVarianceRatio()[0]).isGreaterThan(pca.explainedVarianceRatio()[1]);
        assertThat(sum).isBetween(0.5, 1.0 + 1e-9);
    }

    private static FeatureTable randomTable(Random random, int n, int d, double nanFraction, boolean coarse) {
        List<String> columns = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            columns.add("f" + j);
        }
        FeatureTable.Builder b = FeatureTable.builder(columns);
        for (int i = 0; i < n; i++) {
            double[] row = new double[d];
            for (int j = 0; j < d; j++) {
                // coarse values make exact distance ties, which must break by row
                row[j] = random.nextDouble() < nanFraction ? Double.NaN : coarse ? random.nextInt(3) : random.nextGaussian() * 3;
            }
            b.add(100_000 + 3L * i, row);
        }
        return b.build();
    }
}
