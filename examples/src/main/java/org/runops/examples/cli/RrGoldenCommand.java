package org.runops.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.runops.core.Durations;
import org.runops.core.RegularFiles;
import org.runops.runregistry.GoldenJson;
import org.runops.runregistry.JobProgress;
import org.runops.runregistry.JsonLogicRequest;
import org.runops.runregistry.JsonPortalOptions;
import org.runops.runregistry.RunRegistryClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code runops rr golden}: a golden JSON from the JSON portal, or golden JSON files combined offline. */
@Command(
        name = "golden",
        mixinStandardHelpOptions = true,
        header = "Generate a golden JSON through Run Registry's JSON portal, or combine golden JSON files offline.",
        description = {
            "Generate: --logic FILE [--datasets PATTERN] submits the json-logic in FILE for the datasets whose name matches",
            "PATTERN (SQL SIMILAR TO: '_' one character, '%%' any; e.g. /PromptReco/Collisions2018_/DQM) once, then polls",
            "every --poll until the job is done, failed or past --deadline; progress on stderr. FILE may start with the",
            "pattern on its own line, as Run Registry's sample_json_logic does; --datasets wins over it.",
            "Offline: FILE is a golden JSON ({\"<run>\": [[first, last], ...]}); --union, --intersect and --subtract (each",
            "repeatable) are applied to it (or to the generated one) in that order: all unions, then intersections, then",
            "subtractions. The result goes to --out (written atomically) or standard output, in Run Registry's own layout;",
            "its run, range and lumisection counts to stderr.",
            "Exit codes: 0 ok; 2 bad option or file, or the portal refused, failed or timed out (the message names the job",
            "and the server's error text); 3 internal error."
        })
final class RrGoldenCommand implements Callable<Integer> {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    private RrCommand.Connection connection;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "A golden JSON to start from (offline).")
    private Path input;

    @Option(names = "--logic", paramLabel = "FILE", description = "json-logic to generate with through the JSON portal.")
    private Path logic;

    @Option(names = "--datasets", paramLabel = "PATTERN", description = "Dataset name filter for --logic (SQL SIMILAR TO).")
    private String datasets;

    @Option(names = "--poll", defaultValue = "15s", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Wait between two polls of the job (default: ${DEFAULT-VALUE}).")
    private Duration poll;

    @Option(names = "--deadline", defaultValue = "30m", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Longest the job may take from submission (default: ${DEFAULT-VALUE}); it may still finish on the server.")
    private Duration deadline;

    @Option(names = "--union", paramLabel = "FILE", description = "Add the lumisections of FILE (repeatable).")
    private List<Path> unions = new ArrayList<>();

    @Option(names = "--intersect", paramLabel = "FILE", description = "Keep only lumisections also in FILE (repeatable).")
    private List<Path> intersections = new ArrayList<>();

    @Option(names = "--subtract", paramLabel = "FILE", description = "Remove the lumisections of FILE (repeatable).")
    private List<Path> subtractions = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE", description = "Write the result here instead of standard output.")
    private Path out;

    @Override
    public Integer call() throws IOException {
        if ((input == null) == (logic == null)) {
            throw new IllegalArgumentException("give either a golden JSON FILE to combine or --logic FILE to generate one, not "
                    + (input == null ? "neither" : "both"));
        }
        if (logic == null && datasets != null) {
            throw new IllegalArgumentException("--datasets goes with --logic");
        }
        GoldenJson golden = logic != null ? generate() : GoldenJson.read(input);
        for (Path f : unions) {
            golden = golden.union(GoldenJson.read(f));
        }
        for (Path f : intersections) {
            golden = golden.intersection(GoldenJson.read(f));
        }
        for (Path f : subtractions) {
            golden = golden.subtract(GoldenJson.read(f));
        }
        PrintWriter err = spec.commandLine().getErr();
        if (out != null) {
            golden.write(out);
        } else {
            spec.commandLine().getOut().print(golden.toJson());
            spec.commandLine().getOut().flush();
        }
        err.println("golden: " + golden.runCount() + " runs, " + golden.rangeCount() + " ranges, " + golden.lumisectionCount()
                + " lumisections" + (out != null ? " written to " + out : ""));
        err.flush();
        return ExitCodes.OK;
    }

    private GoldenJson generate() throws IOException {
        JsonLogicRequest request = JsonLogicRequest.parse(RegularFiles.readString(logic));
        String pattern = datasets != null ? datasets : request.datasetPattern().orElse(null);
        if (pattern == null) {
            throw new IllegalArgumentException("--logic " + logic + ": give the dataset name pattern with --datasets (or as the file's first line)");
        }
        PrintWriter err = spec.commandLine().getErr();
        try (RunRegistryClient client = connection.client(System::getenv)) {
            err.println("rr golden: submitting " + logic + " for datasets " + pattern + " to " + client.baseUrl());
            err.flush();
            return client.generateJson(request.logic(), pattern, new JsonPortalOptions(poll, deadline), p -> {
                err.println("rr golden: job " + p.jobId() + " " + p.state().name().toLowerCase(Locale.ROOT)
                        + (p.progress().isPresent() && p.state() == JobProgress.State.RUNNING ? " (progress " + p.progress().getAsDouble() + ")" : "")
                        + " after " + Durations.describe(p.elapsed()));
                err.flush();
            });
        }
    }
}
