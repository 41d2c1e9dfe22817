package org.runops.examples.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.runops.core.refrun.Recommendation;
import org.runops.core.refrun.RecommendationTarget;
import org.runops.core.refrun.RecommenderSettings;
import org.runops.core.refrun.Reconstruction;
import org.runops.core.refrun.ScoredCandidate;
import org.runops.core.refrun.Signal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code runops refrun recommend RUN}: the ranked candidates with the reasons behind each. */
@Command(name = "recommend", mixinStandardHelpOptions = true,
        header = "Recommend reference runs for one run, with the reasons behind each candidate.",
        description = {
            "Rank the runs already chosen as references for RUN of DATASET. By default it learns every choice in the",
            "history except RUN's own in this reconstruction or later: later runs included, since a shifter asking",
            "today already has them. With --as-of-run it learns only what was certified before RUN: the choices",
            "made for runs numbered below RUN (for re-examining a past run as it was). Either way, for a prompt (or",
            "later) reconstruction RUN's own choice in express (or earlier) is learned and is a signal of its own.",
            "The learned weights are in --format json. Candidates of another run type (cosmics,",
            "collisions, heavy ions) and RUN itself are never proposed. Each signal's part of the score is shown.",
            "Exit codes: 0 done (also when no candidate exists), 2 bad arguments or an unreadable history or feature file, 3 a bug."
        })
final class RefrunRecommendCommand implements Callable<Integer> {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN", description = "The run that needs a reference.")
    private long run;

    @Option(names = "--dataset", required = true, paramLabel = "D", description = "Its dataset, e.g. /PromptReco/Cosmics23/DQM.")
    private String dataset;

    @Option(names = "--reconstruction", paramLabel = "R",
            description = "express, prompt, rereco, rerecoul (default: read from the dataset name).")
    private String reconstruction;

    @Option(names = "--top", defaultValue = "5", paramLabel = "N", description = "How many candidates to show (default: ${DEFAULT-VALUE}).")
    private int top;

    @Option(names = "--abstain-below", defaultValue = "0", paramLabel = "C",
            description = "Abstain when the best candidate's confidence is below C, 0..1 (default: ${DEFAULT-VALUE}, never).")
    private double abstainBelow;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|json", description = "Output format (default: ${DEFAULT-VALUE}).")
    private String format;

    @Option(names = "--as-of-run", description = "Learn only the choices certified before RUN (runs below it, and RUN's earlier reconstructions).")
    private boolean asOfRun;

    @Mixin
    private RefrunInputs inputs;

    @Override
    public Integer call() {
        if (top <= 0) {
            throw new IllegalArgumentException("--top must be positive: " + top);
        }
        if (run <= 0) {
            throw new IllegalArgumentException("RUN must be a positive run number: " + run);
        }
        if (!format.equals("table") && !format.equals("json")) {
            throw new IllegalArgumentException("--format must be table or json, not '" + format + "'");
        }
        RecommendationTarget target = new RecommendationTarget(run, dataset,
                RefrunInputs.reconstruction("--reconstruction", reconstruction, Reconstruction.fromDataset(dataset)).certhelperName());
        RefrunInputs.Ranked ranked = inputs.recommend(target, RecommenderSettings.defaults().withCandidates(top)
                .withAbstainBelow(abstainBelow), asOfRun);
        Recommendation rec = ranked.recommendation();
        int learned = ranked.learned();
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            printJson(rec, learned, asOfRun, ranked.weights(), out);
        } else {
            printTable(rec, learned, asOfRun ? "earlier choices" : "choices (all but this run's own from this reconstruction on)", out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    static void printTable(Recommendation rec, int learned, PrintWriter out) {
        printTable(rec, learned, "earlier choices", out);
    }

    /** {@code learnedWhat} names what the {@code learned} choices were ("earlier choices"). */
    static void printTable(Recommendation rec, int learned, String learnedWhat, PrintWriter out) {
        RecommendationTarget t = rec.target();
        out.printf(Locale.ROOT, "Run %d, %s (%s, %s): %d %s learned.%n%n", t.run(), t.dataset().isEmpty() ? "unknown dataset" : t.dataset(),
                t.runType().name().toLowerCase(Locale.ROOT), t.reconstruction().isEmpty() ? "reconstruction unknown" : t.reconstruction(),
                learned, learnedWhat);
        if (rec.ranked().isEmpty()) {
            out.println("No candidate: no earlier reference of a compatible run type. Choose one by hand.");
            return;
        }
        TextTable table = new TextTable("RANK>", "REFERENCE>", "SCORE>", "WHY");
        int rank = 1;
        for (ScoredCandidate c : rec.ranked()) {
            table.row(rank++, c.run(), String.format(Locale.ROOT, "%.3f", c.score()), reasons(c.contributions()));
        }
        table.print(out);
        out.println();
        for (Signal s : Signal.values()) {
            out.printf(Locale.ROOT, "  %-10s %s%n", s.label(), s.description());
        }
        out.printf(Locale.ROOT, "%nConfidence %.2f (the best candidate's lead over the runner-up, as a fraction of the highest possible score)%s%n", rec.confidence(),
                rec.abstained() ? ": below the threshold asked, so no recommendation is made." : ".");
    }

    private static String reasons(Map<Signal, Double> parts) {
        return parts.entrySet().stream().sorted(Map.Entry.<Signal, Double>comparingByValue().reversed())
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey().label(), e.getValue())).collect(Collectors.joining(", "));
    }

    private static void printJson(Recommendation rec, int learned, boolean asOfRun, Map<String, Double> weights, PrintWriter out) {
        try (Json json = Json.to(out)) {
            json.startObject().field("run", rec.target().run()).field("dataset", rec.target().dataset())
                    .field("reconstruction", rec.target().reconstruction()).field("learned", learned)
                    .field("learnedFrom", asOfRun ? "as-of-run" : "all-but-run").startObject("weights");
            weights.forEach((term, w) -> json.field(term, w.doubleValue()));
            json.endObject()
                    .field("confidence", rec.confidence()).field("abstained", rec.abstained()).startArray("candidates");
            for (ScoredCandidate c : rec.ranked()) {
                json.startObject().field("run", c.run()).field("score", c.score()).startObject("contributions");
                c.contributions().forEach((signal, value) -> json.field(signal.name().toLowerCase(Locale.ROOT), value));
                json.endObject().endObject();
            }
            json.endArray().endObject();
        }
    }
}
