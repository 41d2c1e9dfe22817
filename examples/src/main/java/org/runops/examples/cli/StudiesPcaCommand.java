package org.runops.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.runops.core.refrun.FeatureTable;
import org.runops.studies.PcaRecipe;
import org.runops.studies.ScatterPlot;
import org.runops.studies.StudyPca;
import org.runops.studies.StudyTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code runops studies pca}: by default the trackerstudies notebook's PCA of a full studies table; with
 * {@code --features}, a PCA over chosen columns. Scores as pc1..pcK, scatter of pc1/pc2.
 */
@Command(
        name = "pca",
        mixinStandardHelpOptions = true,
        header = "PCA of a study table: the notebook's recipe by default, or over chosen columns; variance, loadings, plot.",
        description = {
            "Without --features, the trackerstudies notebook's recipe on a table from 'runops studies table --rr ... --dqm ...':",
            "keep the rows of --era (column fill__era, default 2018D) and --reconstructions (default express,prompt) with",
            "Hits.Pixel.mean > 0 and Hits.Strip.mean > 0; features = every numeric column whose name contains '.rms' or",
            "'mean', plus recorded_lumi; missing values become 0 (after the filters); standardise; PCA with 5 components;",
            "the plot coloured by the tracking flag.",
            "With --features COL,...: those columns over all rows (filters only when --era/--reconstructions are given),",
            "missing values counted as the column mean.",
            "Prints each component's explained variance and the loadings, with each feature's weight (squared loadings",
            "weighted by explained variance, summing to 1). --out writes the kept rows with pc1..pcK added; --plot draws pc2",
            "against pc1 coloured by --colour-by (at most 12 colours, the rest as 'other').",
            "Exit codes: 0 done; 2 bad arguments, unreadable table or too few rows."
        })
final class StudiesPcaCommand implements Callable<Integer> {
    private static final String ANY = "any";

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--table", required = true, paramLabel = "FILE",
            description = "A study table (CSV, or JSON when the name ends in .json), e.g. from 'runops studies table'.")
    private Path table;

    @Option(names = "--features", split = ",", paramLabel = "COL",
            description = "Numeric columns to analyse, comma-separated (e.g. init_lumi,end_lumi,duration); default: the notebook's.")
    private List<String> features;

    @Option(names = "--era", paramLabel = "ERA",
            description = "Keep the rows whose fill__era is ERA; 'any' keeps all (default: 2018D with the notebook's features, else any).")
    private String era;

    @Option(names = "--reconstructions", split = ",", paramLabel = "R",
            description = "Keep these reconstructions; 'any' keeps all (default: express,prompt with the notebook's features, else any).")
    private List<String> reconstructions;

    @Option(names = "--no-hits-filter", description = "Keep rows without pixel or strip hits (the notebook drops them).")
    private boolean noHitsFilter;

    @Option(names = "--components", paramLabel = "K", description = {"Number of components (default: 5 with the notebook's",
        "features, as the notebook; 2 with --features); more than the features gives as many as there are features, with a note."})
    private Integer componentsOption;

    @Option(names = "--colour-by", paramLabel = "COL",
            description = "Column whose values colour the plot's points (default: tracking with the notebook's features, when present).")
    private String colourBy;

    @Option(names = "--plot", paramLabel = "PNG", description = "Write a scatter plot of pc2 against pc1 (needs 2 components).")
    private Path plot;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the kept rows with the pc columns (CSV, or JSON by extension).")
    private Path out;

    @Override
    public Integer call() {
        boolean notebook = features == null;
        int components = componentsOption != null ? componentsOption : notebook ? PcaRecipe.notebook().components() : 2;
        if (components < 1) {
            throw new IllegalArgumentException("--components must be positive, was " + components);
        }
        if (plot != null && components < 2) {
            throw new IllegalArgumentException("--plot draws pc2 against pc1: it needs --components 2 or more");
        }
        StudyTable input = StudyTable.read(table);
        String colour = colourBy != null ? colourBy : notebook && input.hasColumn("tracking") ? "tracking" : null;
        if (colour != null) {
            input.column(colour); // refuse an unknown colour column before the work
        }
        PcaRecipe recipe = new PcaRecipe(eraFilter(notebook), reconstructionFilter(notebook), notebook && !noHitsFilter, components);
        List<String> columns = notebook ? null : features.stream().map(String::trim).filter(f -> !f.isEmpty()).toList();
        StudyPca.Result result = notebook ? recipe.apply(input, null)
                : StudyPca.apply(recipe.filter(input), columns, Math.min(components, columns.size()));
        if (result.pca().components() < components) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(components + " components asked, " + result.pca().columns().size() + " features: "
                    + result.pca().components() + " components");
            err.flush();
        }
        PrintWriter o = spec.commandLine().getOut();
        o.println((notebook ? "Notebook recipe: " : "Filters: ") + recipe.describe() + "; " + result.table().size() + " of "
                + input.size() + " rows kept, " + result.pca().columns().size() + " features"
                + (notebook ? " (.rms/mean columns and recorded_lumi, missing values as 0)" : ""));
        print(o, result);
        if (out != null) {
            StudiesOutput.write(result.table(), out, null, o);
            o.println("wrote " + result.table().size() + " rows with pc1..pc" + result.pca().components() + " to " + out);
        }
        if (plot != null) {
            if (result.pca().components() < 2) {
                throw new IllegalArgumentException("--plot draws pc2 against pc1, but there is only 1 feature");
            }
            double[] ratio = result.pca().explainedVarianceRatio();
            ScatterPlot.colouredBy(result.table(), "pc1", "pc2", colour, ScatterPlot.MAX_SERIES)
                    .axisTitles(String.format(Locale.ROOT, "pc1 (%.1f %% of the variance)", 100 * ratio[0]),
                            String.format(Locale.ROOT, "pc2 (%.1f %% of the variance)", 100 * ratio[1]))
                    .title("PCA of " + table.getFileName() + (colour != null ? " by " + colour : ""))
                    .write(plot);
            o.println("wrote plot " + plot + (colour != null ? " coloured by " + colour : " (one colour)"));
        }
        o.flush();
        return ExitCodes.OK;
    }

    private String eraFilter(boolean notebook) {
        String e = era != null ? era : notebook ? PcaRecipe.notebook().era() : ANY;
        return e.equalsIgnoreCase(ANY) ? null : e;
    }

    private Set<String> reconstructionFilter(boolean notebook) {
        List<String> r = reconstructions != null ? reconstructions : notebook ? List.copyOf(PcaRecipe.notebook().reconstructions()) : List.of(ANY);
        return r.stream().anyMatch(x -> x.trim().equalsIgnoreCase(ANY)) ? Set.of() : Set.copyOf(r);
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
