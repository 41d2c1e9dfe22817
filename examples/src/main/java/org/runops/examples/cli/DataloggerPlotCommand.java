package org.runops.examples.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.runops.datalogger.stats.StatsDatabase;
import org.runops.datalogger.stats.StatsTrendPlot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code runops datalogger plot}: the statistics history as a PNG. */
@Command(
        name = "plot",
        mixinStandardHelpOptions = true,
        header = "Plot the statistics history as one PNG, a panel per device.",
        description = {"Each panel: max, mode +- std (dashed) and min of every distilled file, at the real window start in UTC."})
final class DataloggerPlotCommand implements Callable<Integer> {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    private DataloggerStatsViewOptions view;

    @Option(names = "-o", defaultValue = "GMPSAI-stats.png", paramLabel = "FILE", description = "PNG to write (default: ${DEFAULT-VALUE}).")
    private Path png;

    @Override
    public Integer call() {
        try (StatsDatabase stats = StatsDatabase.openExisting(view.db)) {
            StatsTrendPlot.write(stats, view.params(spec.commandLine().getErr()), view.zone, png);
        }
        spec.commandLine().getOut().printf("wrote %s%n", png);
        return ExitCodes.OK;
    }
}
