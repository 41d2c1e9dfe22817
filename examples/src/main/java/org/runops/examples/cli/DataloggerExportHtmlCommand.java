package org.runops.examples.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.runops.datalogger.stats.StatsDatabase;
import org.runops.datalogger.stats.StatsHtmlPage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code runops datalogger export-html}: the plot site as one self-contained page. */
@Command(
        name = "export-html",
        mixinStandardHelpOptions = true,
        header = "Write the statistics history as one self-contained HTML page.",
        description = {
            "One trend panel per device (max, mode +- std, min), drag to zoom, a device filter box, time axes in UTC",
            "and America/Chicago. The charting library (uPlot) and the data are inside the file: it opens offline."
        })
final class DataloggerExportHtmlCommand implements Callable<Integer> {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    private DataloggerStatsViewOptions view;

    @Option(names = "-o", defaultValue = "GMPSAI-stats.html", paramLabel = "FILE", description = "Page to write (default: ${DEFAULT-VALUE}).")
    private Path html;

    @Override
    public Integer call() {
        try (StatsDatabase stats = StatsDatabase.openExisting(view.db)) {
            StatsHtmlPage.write(stats, view.params(spec.commandLine().getErr()), view.zone, html);
        }
        spec.commandLine().getOut().printf("wrote %s%n", html);
        return ExitCodes.OK;
    }
}
