package org.runops.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.runops.core.refrun.Evaluation;
import org.runops.studies.HitRatePlot;
import org.runops.core.refrun.Evaluation.Metrics;
import org.runops.core.refrun.FeatureBaselines;
import org.runops.core.refrun.FeatureTable;
import org.runops.core.refrun.HistoryBaselines;
import org.runops.core.refrun.Ranking;
import org.runops.core.refrun.RecommenderSettings;
import org.runops.core.refrun.ReferenceRunRecommender;
import org.runops.core.refrun.RunReferencePair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code runops refrun evaluate}: time-ordered replay of the recommender beside the baselines. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        header = "Replay a history in run order and report how often each method is right.",
        description = {
            "Replay the history in the order certification happens: every choice is a target, ranked by each method",
            "from what was certified before it only, then learned. Reports top-1/3/5 hit rates, MRR (1-based ranks) and",
            "the abstention rate of the recommender and the baselines: the previous reference in the same dataset, the",
            "most recently used reference and, with --features, 1-NN on the features.",
            "A target is one row of the history: a (run, reconstruction) choice, so a run certified in express and",
            "prompt is two targets. --replay per-row (default) takes rows by run number and within a run in the order",
            "online, express, prompt, rereco, rerecoul: a run's prompt row is ranked knowing its express choice, as",
            "the shifter did; it assumes every earlier run's rows, prompt included, were certified before a later",
            "run's express row, which is optimistic (prompt comes about two days after express). --replay delayed[:LAG]",
            "learns the prompt and later rows of run N only after the express rows of runs below N + LAG (default "
                    + Evaluation.DEFAULT_LAG_RUNS + ",",
            "estimated from the dump): the closer estimate of live use. --replay per-run ranks all rows of a run before",
            "learning any (the protocol before issue 12, for comparing with earlier numbers). --fixed-weights keeps the recommender's starting weights",
            "instead of refitting them online (on earlier rows only either way).",
            "--from-run scores only targets from that run on and --reco only those of the given reconstruction",
            "types; the others are still learned, so the replay sees the same history either way.",
            "With --features, only targets whose run has features are scored unless --all-targets is given.",
            "Example: the March 2024 dump with omsrundata_2018.csv scores 1426 targets (every reconstruction type of",
            "the 1117 runs with features); add --reco express,prompt for the 1114 express/prompt targets.",
            "Exit codes: 0 done, 2 bad arguments or an unreadable history or feature file, 3 a bug."
        })
final class RefrunEvaluateCommand implements Callable<Integer> {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    private RefrunInputs inputs;

    @Option(names = "--from-run", paramLabel = "RUN", description = "Score only targets numbered RUN or above.")
    private Long fromRun;

    @Option(names = "--reco", split = ",", paramLabel = "TYPE",
            description = "Score only targets of these reconstruction types, e.g. express,prompt (default: all).")
    private List<String> reconstructions;

    @Option(names = "--all-targets", description = "With --features, also score targets that have no features.")
    private boolean allTargets;

    @Option(names = "--abstain-below", defaultValue = "0", paramLabel = "C",
            description = "The recommender abstains below this confidence, 0..1 (default: ${DEFAULT-VALUE}, never).")
    private double abstainBelow;

    @Option(names = "--replay", defaultValue = "per-row", paramLabel = "per-row|delayed[:LAG]|per-run",
            description = "Rank and learn each row in certification order, with prompt rows delayed by LAG run numbers, "
                    + "or a whole run at once (default: ${DEFAULT-VALUE}).")
    private String replay;

    @Option(names = "--fixed-weights", description = "The recommender keeps its starting weights (no online weighting).")
    private boolean fixedWeights;

    @Option(names = "--plot", paramLabel = "PNG", description = "Write the hit rate within the first k (k = 1..10) of every method as a PNG.")
    private Path plot;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|json", description = "Output format (default: ${DEFAULT-VALUE}).")
    private String format;

    @Override
    public Integer call() {
        if (!format.equals("table") && !format.equals("json")) {
            throw new IllegalArgumentException("--format must be table or json, not '" + format + "'");
        }
        Evaluation.Replay protocol = protocol(replay);
        long lag = lag(replay);
        String replayName = protocol == Evaluation.Replay.DELAYED ? "delayed:" + lag : replay; // the lag always shown
        List<RunReferencePair> history = inputs.readHistory();
        FeatureTable features = inputs.readFeatures(history);
        RecommenderSettings settings = RecommenderSettings.defaults().withAbstainBelow(abstainBelow);
        List<Ranking> methods = new ArrayList<>();
        ReferenceRunRecommender recommender = ReferenceRunRecommender.builder().features(features)
                .settings(fixedWeights ? settings.withLearningRate(0) : settings).build();
        methods.add(recommender);
        methods.add(HistoryBaselines.previousInDataset());
        methods.add(HistoryBaselines.mostRecentlyUsed());
        if (features != null) {
            methods.add(FeatureBaselines.nearestNeighbour(features));
        }
        Map<String, Metrics> metrics = Evaluation.replay(history, methods, scored(features), protocol, lag);
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            printJson(metrics, replayName, recommender.learnedWeights(), out);
        } else {
            printTable(history.size(), metrics, replayName, selection(features), out);
        }
        if (plot != null) {
            HitRatePlot.write(metrics.values(), plot);
            if (format.equals("table")) {
                out.println("Plot written to " + plot);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static Evaluation.Replay protocol(String name) {
        if (name.equals("delayed") || name.startsWith("delayed:")) {
            return Evaluation.Replay.DELAYED;
        }
        return switch (name) {
            case "per-row" -> Evaluation.Replay.PER_ROW;
            case "per-run" -> Evaluation.Replay.PER_RUN;
            default -> throw new IllegalArgumentException("--replay must be per-row, delayed[:LAG] or per-run, not '" + name + "'");
        };
    }

    /** LAG of {@code delayed:LAG}, else the default. */
    private static long lag(String name) {
        if (!name.startsWith("delayed:")) {
            return Evaluation.DEFAULT_LAG_RUNS;
        }
        String text = name.substring("delayed:".length());
        try {
            long lag = Long.parseLong(text);
            if (lag >= 0) {
                return lag;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw new IllegalArgumentException("--replay delayed:LAG needs a run-number lag >= 0, not '" + text + "'");
    }

    private Predicate<RunReferencePair> scored(FeatureTable features) {
        Predicate<RunReferencePair> p = pair -> (fromRun == null || pair.run() >= fromRun)
                && (reconstructions == null || reconstructions.contains(pair.reconstruction()));
        if (features != null && !allTargets) {
            p = p.and(pair -> features.rowOf(pair.run()) >= 0);
        }
        return p;
    }

    /** Which rows are scored, in words: the same numbers must not read as two different evaluations. */
    private String selection(FeatureTable features) {
        List<String> parts = new ArrayList<>();
        parts.add(reconstructions == null ? "every reconstruction type" : String.join("/", reconstructions) + " only");
        if (features != null && !allTargets) {
            parts.add("runs with features only");
        }
        if (fromRun != null) {
            parts.add("runs " + fromRun + " and later");
        }
        if (fixedWeights) {
            parts.add("recommender with fixed weights");
        }
        return String.join(", ", parts);
    }

    private static void printTable(int choices, Map<String, Metrics> metrics, String replay, String selection, PrintWriter out) {
        int targets = metrics.values().iterator().next().targets();
        String order = switch (replay.startsWith("delayed") ? "delayed" : replay) {
            case "per-row" -> "row by row in certification order";
            case "delayed" -> "row by row, prompt and later rows delayed by " + lag(replay) + " run numbers";
            default -> "run by run";
        };
        out.printf(Locale.ROOT, "%d choices replayed %s, %d scored as targets (%s).%n%n", choices, order, targets, selection);
        printMetrics(metrics, out);
    }

    static void printMetrics(Map<String, Metrics> metrics, PrintWriter out) {
        TextTable table = new TextTable("METHOD", "TOP-1>", "TOP-3>", "TOP-5>", "MRR>", "ABSTAINED>");
        for (Metrics m : metrics.values()) {
            table.row(m.method(), pct(m.top1()), pct(m.top3()), pct(m.top5()), String.format(Locale.ROOT, "%.3f", m.mrr()), pct(m.abstained()));
        }
        table.print(out);
    }

    private static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * fraction);
    }

    /**
     * {"targets": N, "replay": "per-row", "methods": {"recommender": {"top1": .., "top3": .., "top5": .., "mrr": .., "abstained": ..}, ...}},
     * rates as fractions, and "recommenderWeights": the recommender's weights at the end of the replay.
     */
    private static void printJson(Map<String, Metrics> metrics, String replay, Map<String, Double> weights, PrintWriter out) {
        try (Json json = Json.to(out)) {
            json.startObject().field("targets", (long) metrics.values().iterator().next().targets()).field("replay", replay)
                    .startObject("methods");
            for (Metrics m : metrics.values()) {
                json.startObject(m.method()).field("top1", m.top1()).field("top3", m.top3()).field("top5", m.top5())
                        .field("mrr", m.mrr()).field("abstained", m.abstained()).endObject();
            }
            json.endObject().startObject("recommenderWeights");
            weights.forEach((term, w) -> json.field(term, w.doubleValue()));
            json.endObject().endObject();
        }
    }
}
