package org.runops.examples.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.runops.runregistry.RrFilter;
import org.runops.runregistry.RrRun;
import org.runops.runregistry.RrRuns;
import org.runops.runregistry.RrSort;
import org.runops.runregistry.RunRegistryClient;
import org.runops.runregistry.TripletSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code runops rr runs}: Run Registry's online runs. */
@Command(
        name = "runs",
        mixinStandardHelpOptions = true,
        header = "Print Run Registry runs matching a filter, as a table, CSV or JSON.",
        description = {
            "Print the runs of Run Registry's online table that pass --runs and every --filter, ascending by run number.",
            "table/csv: run, class, state, significant, then one column per --flags column with its flags: the status when",
            "every lumisection has the same one (GOOD), else the counts (GOOD=617 STANDBY=25).",
            "json: the records in the Python client's flattened shape (rr attributes spread, oms_attributes, the flag",
            "counts as lumisections), which RrRuns.read reads back.",
            "Without any filter the query is refused past --max-rows records.",
            "Exit codes: 0 ok; 2 bad option, or Run Registry refused or failed (the message names the endpoint); 3 internal error."
        })
final class RrRunsCommand implements Callable<Integer> {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    private RrCommand.Connection connection;

    @Mixin
    private RrCommand.Filters filters;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|json|csv", description = "Output format (default: ${DEFAULT-VALUE}).")
    private String format;

    @Option(names = "--flags", split = ",", defaultValue = "tracker-pixel,tracker-strip", paramLabel = "COLUMN",
            description = "Flag columns shown in table/csv, or 'all' (default: ${DEFAULT-VALUE}).")
    private List<String> flags;

    @Override
    public Integer call() {
        RrCommand.Format kind = RrCommand.format(format);
        RrFilter filter = filters.filter(); // a bad filter is reported as such, before any credentials are needed
        List<RrRun> runs;
        try (RunRegistryClient client = connection.client(System::getenv);
                ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), connection.showProgress(), "rr runs", "pages")) {
            runs = client.runs(filter, List.of(RrSort.ascending("run_number")), bar::update);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (kind == RrCommand.Format.JSON) {
            out.print(RrRuns.toJson(runs));
            out.flush();
            return ExitCodes.OK;
        }
        List<String> columns = RrCommand.columns(flags, runs.stream().map(r -> r.triplets().keySet()));
        List<String> headers = new ArrayList<>(List.of("run>", "class", "state", "significant"));
        headers.addAll(columns);
        List<List<String>> rows = new ArrayList<>(runs.size());
        for (RrRun r : runs) {
            List<String> row = new ArrayList<>(List.of(Long.toString(r.run()), r.runClass(), r.state(), Boolean.toString(r.significant())));
            columns.forEach(c -> row.add(r.triplet(c).map(TripletSummary::describe).orElse("")));
            rows.add(row);
        }
        RrCommand.print(kind, headers, rows, out);
        return ExitCodes.OK;
    }
}
