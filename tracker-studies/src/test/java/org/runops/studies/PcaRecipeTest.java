package org.runops.studies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PcaRecipeTest {
    private static final List<String> COLUMNS = List.of("run_number", "reconstruction", "fill__era", "Hits.Pixel.mean",
            "Hits.Strip.mean", "a.rms", "recorded_lumi", "tracking");

    /**
     * The hand-computed case. Kept rows (x = Hits.Pixel.mean, y = Hits.Strip.mean, z = a.rms):
     * x = 1 2 3 4, y = 1 3 2 4, z = 6 4 4 6 (recorded_lumi is a constant 7: standardised to 0, no variance).
     * Deviations from the means (2.5, 2.5, 5): x −1.5 −.5 .5 1.5, y −1.5 .5 −.5 1.5, z 1 −1 −1 1.
     * Σx² = Σy² = 5, Σz² = 4, Σxy = 2.25 − .25 − .25 + 2.25 = 4, Σxz = −1.5 + .5 − .5 + 1.5 = 0, Σyz = 0.
     * Correlation matrix [[1, .8, 0], [.8, 1, 0], [0, 0, 1]] (plus a zero row/column for the constant):
     * eigenvalues 1.8 (loading (1, 1, 0)/√2), 1 ((0, 0, 1)), 0.2 ((1, −1, 0)/√2), 0; total 3, so the
     * explained variance ratios are 0.6, 1/3, 1/15, 0.
     * Scores: pc1 of row 1 = (zx + zy)/√2 = 2·(−1.5/√1.25)/√2 = −3/√2.5 = −1.897367; pc2 = z/sd = 1 (sd of z = 1).
     */
    @Test
    void notebookRecipeMatchesTheHandComputedCase() {
        StudyTable t = StudyTable.of(COLUMNS, List.of(
                Arrays.asList(1, "express", "2018D", 1.0, 1.0, 6.0, 7.0, "GOOD"),
                Arrays.asList(2, "prompt", "2018D", 2.0, 3.0, 4.0, 7.0, "GOOD"),
                Arrays.asList(3, "express", "2018D", 3.0, 2.0, 4.0, 7.0, "BAD"),
                Arrays.asList(4, "prompt", "2018D", 4.0, 4.0, 6.0, 7.0, "GOOD"),
                Arrays.asList(5, "online", "2018D", 9.0, 9.0, 9.0, 7.0, "GOOD"),     // not express/prompt
                Arrays.asList(6, "express", "2018C", 9.0, 9.0, 9.0, 7.0, "GOOD"),    // another era
                Arrays.asList(7, "express", "2018D", 0.0, 9.0, 9.0, 7.0, "GOOD"),    // no pixel hits
                Arrays.asList(8, "express", "2018D", 5.0, null, 9.0, 7.0, "GOOD"))); // strip mean missing
        StudyPca.Result r = PcaRecipe.notebook().apply(t, null);

        assertThat(r.table().column("run_number")).containsExactly(1L, 2L, 3L, 4L);
        assertThat(r.pca().columns()).containsExactly("Hits.Pixel.mean", "Hits.Strip.mean", "a.rms", "recorded_lumi");
        assertThat(r.pca().components()).isEqualTo(4); // 5 asked, 4 features
        assertThat(r.pca().explainedVarianceRatio()).containsExactly(new double[] {0.6, 1.0 / 3, 1.0 / 15, 0}, within(1e-12));
        double s = Math.sqrt(0.5);
        double[][] l = r.pca().loadings();
        assertThat(l[0]).containsExactly(new double[] {s, s, 0, 0}, within(1e-12));
        assertThat(l[1]).containsExactly(new double[] {0, 0, 1, 0}, within(1e-12));
        // (1, −1)/√2 has two entries of equal size: the sign rule (largest entry positive) cannot fix its sign
        double sign = Math.signum(l[2][0]);
        assertThat(new double[] {sign * l[2][0], sign * l[2][1], l[2][2], l[2][3]}).containsExactly(new double[] {s, -s, 0, 0}, within(1e-12));
        assertThat(r.table().numeric("pc1")).containsExactly(new double[] {-3 / Math.sqrt(2.5), 0, 0, 3 / Math.sqrt(2.5)}, within(1e-12));
        assertThat(r.table().numeric("pc2")).containsExactly(new double[] {1, -1, -1, 1}, within(1e-12));
        // pc3 = ±(zx − zy)/√2: row 2 has zx = −.5/√1.25, zy = .5/√1.25, so ∓1/√2.5
        assertThat(sign * r.table().numeric("pc3")[1]).isCloseTo(-1 / Math.sqrt(2.5), within(1e-12));
    }

    @Test
    void missingFeaturesCountAsZeroAfterTheFilters() {
        // a.rms missing in row 2: 0 enters the mean and sd (notebook's fillna(0)), and the row is still fitted
        StudyTable t = StudyTable.of(COLUMNS, List.of(
                Arrays.asList(1, "express", "2018D", 1.0, 1.0, 2.0, 7.0, "GOOD"),
                Arrays.asList(2, "express", "2018D", 2.0, 1.0, null, 7.0, "GOOD"),
                Arrays.asList(3, "express", "2018D", 3.0, 1.0, 4.0, 7.0, "GOOD")));
        PcaRecipe anyEra = new PcaRecipe(null, Set.of(), true, 5);
        StudyPca.Result r = anyEra.apply(t, List.of("a.rms"));
        assertThat(r.rowsFitted()).isEqualTo(3);
        assertThat(r.pca().mean()[0]).isCloseTo(2, within(1e-12)); // (2 + 0 + 4) / 3
        assertThat(r.table().value(1, "a.rms")).isNull(); // the table keeps what it had
    }

    @Test
    void featuresAreTheNumericRmsAndMeanColumnsAndRecordedLumi() {
        StudyTable t = StudyTable.of(List.of("run_number", "x.rms", "x.entries", "Hits.mean", "mean_text", "recorded_lumi",
                "recorded_lumi_unit", "rmsd"), List.of(
                Arrays.asList(1, 1.0, 5, 2.0, "high", 3.0, "pb^{-1}", 4.0)));
        assertThat(PcaRecipe.notebookFeatures(t)).containsExactly("x.rms", "Hits.mean", "recorded_lumi");
    }

    @Test
    void filtersNameTheirMissingColumnAndTooFewRows() {
        StudyTable noEra = StudyTable.of(List.of("run_number", "reconstruction"), List.of(Arrays.asList(1, "express")));
        assertThatThrownBy(() -> PcaRecipe.notebook().filter(noEra)).hasMessageContaining("no column \"fill__era\"");
        StudyTable one = StudyTable.of(COLUMNS, List.of(Arrays.asList(1, "express", "2018D", 1.0, 1.0, 2.0, 7.0, "GOOD")));
        assertThatThrownBy(() -> PcaRecipe.notebook().apply(one, null))
                .hasMessageContaining("1 of 1 rows pass the filters (fill__era = 2018D, reconstruction in [express, prompt]");
    }
}
