package org.runops.examples.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.runops.runregistry.RrDataset;
import org.runops.runregistry.RrDatasets;
import org.runops.runregistry.RrFilter;
import org.runops.runregistry.RrSort;
import org.runops.runregistry.RunRegistryClient;
import org.runops.runregistry.TripletSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code runops rr datasets}: Run Registry's offline datasets (one per run and reconstruction). */
@Command(
        name = "datasets",
        mixinStandardHelpOptions = true,
        header = "Print Run Registry datasets matching a filter, as a table, CSV or JSON.",
        description = {
            "Print the datasets of Run Registry's offline table (online, /Express/..., /PromptReco/..., /ReReco/...) that pass",
            "--runs and every --filter, ascending by run number then name.",
            "table/csv: run, dataset, class, then <ws>_state for each --workspaces workspace, then one column per --flags",
            "column: the status when every lumisection has the same one (GOOD), else the counts (GOOD=617 STANDBY=25).",
            "json: the records in the Python client's flattened shape (as data/runregistry/rr_dataset_record_*.json),",
            "which RrDatasets.read reads back: the file the tracker-studies table takes its flags from.",
            "Without any filter the query is refused past --max-rows records.",
            "Exit codes: 0 ok; 2 bad option, or Run Registry refused or failed (the message names the endpoint); 3 internal error."
        })
final class RrDatasetsCommand implements Callable<Integer> {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    private RrCommand.Connection connection;

    @Mixin
    private RrCommand.Filters filters;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|json|csv", description = "Output format (default: ${DEFAULT-VALUE}).")
    private String format;

    @Option(names = "--flags", split = ",", defaultValue = "tracker-pixel,tracker-strip,tracker-track", paramLabel = "COLUMN",
            description = "Flag columns shown in table/csv, or 'all' (default: ${DEFAULT-VALUE}).")
    private List<String> flags;

    @Option(names = "--workspaces", split = ",", defaultValue = "tracker", paramLabel = "WS",
            description = "Workspaces whose sign-off state is shown in table/csv (default: ${DEFAULT-VALUE}).")
    private List<String> workspaces;

    @Override
    public Integer call() {
        RrCommand.Format kind = RrCommand.format(format);
        RrFilter filter = filters.filter(); // a bad filter is reported as such, before any credentials are needed
        List<RrDataset> datasets;
        try (RunRegistryClient client = connection.client(System::getenv);
                ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), connection.showProgress(), "rr datasets", "pages")) {
            datasets = client.datasets(filter, List.of(RrSort.ascending("run_number"), RrSort.ascending("name")), bar::update);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (kind == RrCommand.Format.JSON) {
            out.print(RrDatasets.toJson(datasets));
            out.flush();
            return ExitCodes.OK;
        }
        List<String> columns = RrCommand.columns(flags, datasets.stream().map(d -> d.triplets().keySet()));
        List<String> headers = new ArrayList<>(List.of("run>", "dataset", "class"));
        workspaces.forEach(ws -> headers.add(ws + "_state"));
        headers.addAll(columns);
        List<List<String>> rows = new ArrayList<>(datasets.size());
        for (RrDataset d : datasets) {
            List<String> row = new ArrayList<>(List.of(Long.toString(d.run()), d.name(), d.runClass()));
            workspaces.forEach(ws -> row.add(d.workspaceState(ws).orElse("")));
            columns.forEach(c -> row.add(d.triplet(c).map(TripletSummary::describe).orElse("")));
            rows.add(row);
        }
        RrCommand.print(kind, headers, rows, out);
        return ExitCodes.OK;
    }
}
