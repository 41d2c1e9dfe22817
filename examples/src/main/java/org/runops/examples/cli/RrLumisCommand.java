package org.runops.examples.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.runops.runregistry.FlagValue;
import org.runops.runregistry.LumiFlags;
import org.runops.runregistry.LumiRange;
import org.runops.runregistry.RrLumisections;
import org.runops.runregistry.RunRegistryClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code runops rr lumis RUN}: the lumisection flags of one run's dataset. */
@Command(
        name = "lumis",
        mixinStandardHelpOptions = true,
        header = "Print the Run Registry flags of every lumisection of a run, or the ranges over which they hold.",
        description = {
            "Print the flags of run RUN in --dataset (default: online) per lumisection (rr_lumisections), or with --ranges",
            "as ranges over which no column's flag changes (rr_lumisection_ranges; 1-based, both ends inclusive).",
            "table/csv: the lumisection (or start and end), then the status of each --flags column.",
            "json: the server's own shape (an array whose element i is lumisection i+1, or [{start, end, <column>: {...}}]).",
            "Exit codes: 0 ok; 2 bad option, or Run Registry refused or failed (the message names the endpoint); 3 internal error."
        })
final class RrLumisCommand implements Callable<Integer> {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    private RrCommand.Connection connection;

    @Parameters(index = "0", paramLabel = "RUN", description = "The run number.")
    private long run;

    @Option(names = "--dataset", defaultValue = "online", paramLabel = "NAME",
            description = "Run Registry dataset name, e.g. /PromptReco/Collisions2022/DQM (default: ${DEFAULT-VALUE}).")
    private String dataset;

    @Option(names = "--ranges", description = "Ranges of constant flags instead of one row per lumisection.")
    private boolean ranges;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|json|csv", description = "Output format (default: ${DEFAULT-VALUE}).")
    private String format;

    @Option(names = "--flags", split = ",", defaultValue = "tracker-pixel,tracker-strip,tracker-track", paramLabel = "COLUMN",
            description = "Columns shown in table/csv, or 'all' (default: ${DEFAULT-VALUE}).")
    private List<String> flags;

    @Override
    public Integer call() {
        RrCommand.Format kind = RrCommand.format(format);
        PrintWriter out = spec.commandLine().getOut();
        try (RunRegistryClient client = connection.client(System::getenv)) {
            if (ranges) {
                List<LumiRange> r = client.lumisectionRanges(run, dataset);
                if (kind == RrCommand.Format.JSON) {
                    out.print(RrLumisections.rangesToJson(r));
                } else {
                    List<String> columns = RrCommand.columns(flags, r.stream().map(x -> x.flags().keySet()));
                    List<List<String>> rows = new ArrayList<>(r.size());
                    r.forEach(x -> rows.add(row(List.of(Integer.toString(x.start()), Integer.toString(x.end())), x.flags(), columns)));
                    RrCommand.print(kind, headers(List.of("start>", "end>"), columns), rows, out);
                }
            } else {
                List<LumiFlags> ls = client.lumisections(run, dataset);
                if (kind == RrCommand.Format.JSON) {
                    out.print(RrLumisections.toJson(ls));
                } else {
                    List<String> columns = RrCommand.columns(flags, ls.stream().map(x -> x.flags().keySet()));
                    List<List<String>> rows = new ArrayList<>(ls.size());
                    ls.forEach(x -> rows.add(row(List.of(Integer.toString(x.lumisection())), x.flags(), columns)));
                    RrCommand.print(kind, headers(List.of("ls>"), columns), rows, out);
                }
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static List<String> headers(List<String> first, List<String> columns) {
        List<String> h = new ArrayList<>(first);
        h.addAll(columns);
        return h;
    }

    private static List<String> row(List<String> first, Map<String, FlagValue> flags, List<String> columns) {
        List<String> row = new ArrayList<>(first);
        columns.forEach(c -> row.add(flags.containsKey(c) ? flags.get(c).status().serverName() : ""));
        return row;
    }
}
