package org.runops.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.runops.core.refrun.FeatureTable;
import org.runops.studies.ScatterPlot;
import org.runops.studies.StudyPca;
import org.runops.studies.StudyTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code runops studies pca}: PCA over chosen columns of a study table, scores as pc1..pcK, scatter of pc1/pc2. */
@Command(
        name = "pca",
        mixinStandardHelpOptions = true,
        header = "PCA over chosen numeric columns of a study table; explained variance, loadings, scatter plot.",
        description = {
            "Standardise the --features over the table's rows (missing values count as the mean), fit a PCA and print",
            "each component's explained variance and the loadings, with each feature's weight (squared loadings",
            "weighted by explained variance, summing to 1). --out writes the table with columns pc1..pcK added;",
            "--plot draws pc2 against pc1 coloured by --colour-by (at most 12 colours, the rest as 'other')."
        })
final class StudiesPcaCommand implements Callable<Integer> {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--table", required = true, paramLabel = "FILE",
            description = "A study table (CSV, or JSON when the name ends in .json), e.g. from 'runops studies table'.")
    private Path table;

    @Option(names = "--features", required = true, split = ",", paramLabel = "COL",
            description = "Numeric columns to analyse, comma-separated (e.g. init_lumi,end_lumi,duration).")
    private List<String> features;

    @Option(names = "--components", defaultValue = "2", paramLabel = "K", description = "Number of components (default: ${DEFAULT-VALUE}).")
    private int components;

    @Option(names = "--colour-by", paramLabel = "COL", description = "Column whose values colour the plot's points.")
    private String colourBy;

    @Option(names = "--plot", paramLabel = "PNG", description = "Write a scatter plot of pc2 against pc1 (needs 2 components).")
    private Path plot;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the table with the pc columns (CSV, or JSON by extension).")
    private Path out;

    @Override
    public Integer call() {
        if (plot != null && components < 2) {
            throw new IllegalArgumentException("--plot draws pc2 against pc1: it needs --components 2 or more");
        }
        StudyTable input = StudyTable.read(table);
        if (colourBy != null) {
            input.column(colourBy); // refuse an unknown colour column before the work
        }
        List<String> columns = features.stream().map(String::trim).filter(f -> !f.isEmpty()).toList();
        StudyPca.Result result = StudyPca.apply(input, columns, components);
        PrintWriter o = spec.commandLine().getOut();
        print(o, result);
        if (out != null) {
            StudiesOutput.write(result.table(), out, null, o);
            o.println("wrote " + result.table().size() + " rows with pc1..pc" + components + " to " + out);
        }
        if (plot != null) {
            double[] ratio = result.pca().explainedVarianceRatio();
            ScatterPlot.colouredBy(result.table(), "pc1", "pc2", colourBy, ScatterPlot.MAX_SERIES)
                    .axisTitles(String.format(Locale.ROOT, "pc1 (%.1f %% of the variance)", 100 * ratio[0]),
                            String.format(Locale.ROOT, "pc2 (%.1f %% of the variance)", 100 * ratio[1]))
                    .title("PCA of " + table.getFileName() + (colourBy != null ? " by " + colourBy : ""))
                    .write(plot);
            o.println("wrote plot " + plot);
        }
        o.flush();
        return ExitCodes.OK;
    }

    private void print(PrintWriter o, StudyPca.Result result) {
        FeatureTable.Pca pca = result.pca();
        o.println("PCA of " + result.rowsFitted() + " of " + result.table().size() + " rows (rows without any feature are left out)");
        TextTable variance = new TextTable("component", "explained variance>", "cumulative>");
        double cumulative = 0;
        double[] ratio = pca.explainedVarianceRatio();
        for (int c = 0; c < ratio.length; c++) {
            cumulative += ratio[c];
            variance.row(StudyPca.Result.scoreColumn(c), percent(ratio[c]), percent(cumulative));
        }
        variance.print(o);
        o.println();
        String[] headers = new String[ratio.length + 2];
        headers[0] = "feature";
        for (int c = 0; c < ratio.length; c++) {
            headers[c + 1] = StudyPca.Result.scoreColumn(c) + ">";
        }
        headers[ratio.length + 1] = "weight>";
        TextTable loadings = new TextTable(headers);
        double[][] l = pca.loadings();
        double[] weights = result.featureWeights();
        for (int j = 0; j < pca.columns().size(); j++) {
            Object[] cells = new Object[headers.length];
            cells[0] = pca.columns().get(j);
            for (int c = 0; c < ratio.length; c++) {
                cells[c + 1] = String.format(Locale.ROOT, "%+.3f", l[c][j]);
            }
            cells[headers.length - 1] = String.format(Locale.ROOT, "%.3f", weights[j]);
            loadings.row(cells);
        }
        loadings.print(o);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * fraction);
    }
}
