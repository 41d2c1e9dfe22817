package org.runops.examples.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.runops.datalogger.stats.StatsDatabase;
import org.runops.datalogger.stats.StatsJsonExporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code runops datalogger export-json}: DB_to_JSON.py. */
@Command(
        name = "export-json",
        mixinStandardHelpOptions = true,
        header = "Write the statistics history as the plot site's plotly JSON.",
        description = {
            "One subplot per device with the traces max, +1sigma, mode, -1sigma and min over the files' key times",
            "(the original's figure, with plotly's own axis names), written atomically into --outdir."
        })
final class DataloggerExportJsonCommand implements Callable<Integer> {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--dbpath", defaultValue = StatsDatabase.DEFAULT_FILE, paramLabel = "FILE",
            description = "Statistics database (default: ${DEFAULT-VALUE}).")
    private Path db;

    @Option(names = "-p", paramLabel = "FILE",
            description = "Parameter list ('NODE DEVICE' lines); default: every device in the database.")
    private Path paramFile;

    @Option(names = {"-q", "--quick"}, description = "Only the first --maxparams devices and --maxrows times.")
    private boolean quick;

    @Option(names = "--maxparams", defaultValue = "2", paramLabel = "N", description = "With -q: devices (default: ${DEFAULT-VALUE}).")
    private int maxParams;

    @Option(names = "--maxrows", defaultValue = "100", paramLabel = "N", description = "With -q: times per device (default: ${DEFAULT-VALUE}).")
    private int maxRows;

    @Option(names = "--outdir", defaultValue = ".", paramLabel = "DIR", description = "Folder of the JSON file (default: ${DEFAULT-VALUE}).")
    private Path outdir;

    @Option(names = "-o", defaultValue = StatsJsonExporter.DEFAULT_FILE, paramLabel = "NAME",
            description = "JSON file name (default: ${DEFAULT-VALUE}).")
    private String name;

    @Override
    public Integer call() {
        if (quick && (maxParams < 1 || maxRows < 1)) {
            throw new IllegalArgumentException("--maxparams and --maxrows must be at least 1, got " + maxParams + " and " + maxRows);
        }
        try (StatsDatabase stats = StatsDatabase.openExisting(db)) {
            List<String> params = paramFile == null ? stats.deviceNames() : DataloggerStatsViewOptions.read(paramFile, spec.commandLine().getErr());
            if (quick && params.size() > maxParams) {
                params = params.subList(0, maxParams);
            }
            Path written = StatsJsonExporter.export(stats, params, quick ? maxRows : 0, outdir, name);
            spec.commandLine().getOut().printf("wrote %s (%d devices)%n", written, params.size());
        }
        return ExitCodes.OK;
    }
}
