package org.runops.studies;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.runops.core.refrun.FeatureTable;

/**
 * PCA over chosen numeric columns of a study table (as trackerstudies and ReferenceRunRank do it):
 * each feature standardised over the rows (population sd; a constant column is left unscaled, as
 * scikit-learn's StandardScaler does), the scores added as columns {@code pc1..pcK}. A missing value
 * counts as the column mean ({@link Missing#MEAN}: rows where every feature is missing get empty scores
 * and do not count in the fit) or as 0 before standardising ({@link Missing#ZERO}, the notebook's
 * {@code fillna(0)}: every row counts).
 */
public final class StudyPca {
    private StudyPca() {}

    /** What a missing feature value counts as. */
    public enum Missing {
        /** The column's mean over the fitted rows; rows without any feature are not fitted. */
        MEAN,
        /** 0, before standardising (so it moves the mean and sd); every row is fitted. */
        ZERO
    }

    /**
     * The table with its scores, the fitted PCA and the number of rows it was fitted on.
     *
     * @param table     the input table plus {@code pc1..pcK} (replaced when they already existed)
     * @param pca       loadings, explained variance ratio, means and standard deviations used
     * @param rowsFitted rows with at least one feature present
     */
    public record Result(StudyTable table, FeatureTable.Pca pca, int rowsFitted) {
        /** The name of the score column of component {@code c} (0-based): {@code pc1}, {@code pc2}, ... */
        public static String scoreColumn(int c) {
            return "pc" + (c + 1);
        }

        /**
         * One weight per feature, summing to 1: its squared loadings weighted by each component's explained
         * variance ratio (ReferenceRunRank reports squared loadings as feature weights).
         */
        public double[] featureWeights() {
            double[][] squared = pca.squaredLoadings();
            double[] ratio = pca.explainedVarianceRatio();
            double[] w = new double[pca.columns().size()];
            double total = 0;
            for (int c = 0; c < squared.length; c++) {
                for (int j = 0; j < w.length; j++) {
                    w[j] += ratio[c] * squared[c][j];
                }
                total += ratio[c];
            }
            for (int j = 0; j < w.length; j++) {
                w[j] = total > 0 ? w[j] / total : 1.0 / w.length;
            }
            return w;
        }
    }

    /** Fits a PCA with {@code components} components on {@code features} and adds the score columns; missing counts as the mean. */
    public static Result apply(StudyTable table, List<String> features, int components) {
        return apply(table, features, components, Missing.MEAN);
    }

    /** Fits a PCA with {@code components} components on {@code features} and adds the score columns. */
    public static Result apply(StudyTable table, List<String> features, int components, Missing missing) {
        if (features.isEmpty()) {
            throw new IllegalArgumentException("no features given for the PCA");
        }
        if (components < 1 || components > features.size()) {
            throw new IllegalArgumentException("components must be in 1.." + features.size() + " (the number of features), was "
                    + components);
        }
        double[][] columns = features.stream().map(table::numeric).toArray(double[][]::new);
        FeatureTable.Builder builder = FeatureTable.builder(features);
        // rows of a study table may repeat a run (one per reconstruction): the row index is the key
        for (int i = 0; i < table.size(); i++) {
            double[] values = new double[features.size()];
            for (int j = 0; j < values.length; j++) {
                double v = columns[j][i];
                values[j] = Double.isNaN(v) && missing == Missing.ZERO ? 0 : v;
            }
            builder.add(i, values);
        }
        FeatureTable featureTable = builder.build();
        int[] fitted = IntStream.range(0, table.size()).filter(i -> anyPresent(featureTable.row(i))).toArray();
        if (fitted.length < 2) {
            throw new StudyException("PCA needs at least 2 rows with a value in " + features + ", found " + fitted.length);
        }
        FeatureTable.Pca pca = featureTable.pca(components, fitted);
        double[][] scores = new double[components][table.size()];
        for (double[] s : scores) {
            Arrays.fill(s, Double.NaN);
        }
        for (int i : fitted) {
            double[] projected = pca.project(featureTable.row(i));
            for (int c = 0; c < components; c++) {
                scores[c][i] = projected[c];
            }
        }
        List<String> names = IntStream.range(0, components).mapToObj(Result::scoreColumn).toList();
        return new Result(table.withColumns(names, scores), pca, fitted.length);
    }

    private static boolean anyPresent(double[] row) {
        for (double v : row) {
            if (!Double.isNaN(v)) {
                return true;
            }
        }
        return false;
    }
}
