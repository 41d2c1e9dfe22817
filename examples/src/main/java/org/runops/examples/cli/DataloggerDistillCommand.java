package org.runops.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.runops.datalogger.DataFiles;
import org.runops.datalogger.stats.DistillLimits;
import org.runops.datalogger.stats.DistillOutcome;
import org.runops.datalogger.stats.StatsDatabase;
import org.runops.datalogger.stats.StatsDistiller;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code runops datalogger distill FILE...}: DistillFileStatsToDB.py. */
@Command(
        name = "distill",
        mixinStandardHelpOptions = true,
        header = "Distil per-device statistics of data files into the statistics database.",
        description = {
            "For every series of each file: mode, std (n-1), min, max, mean and count of its values and, under",
            "Interval_<device>, of the time between its samples, filed under the window start in the file name",
            "(yyyy-MM-dd+HH:mm:ss, read as UTC like the original). Each file is stored whole or not at all: a",
            "truncated or foreign file is reported and the others go on. Distilling a file again replaces its rows.",
            "Exit code 1 when any file could not be distilled."
        })
final class DataloggerDistillCommand implements Callable<Integer> {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--db", defaultValue = StatsDatabase.DEFAULT_FILE, paramLabel = "FILE",
            description = "Statistics database, created when missing (default: ${DEFAULT-VALUE}).")
    private Path db;

    @Option(names = {"-q", "--quick"}, description = "Look only at the first --maxparams series and --maxrows samples of each.")
    private boolean quick;

    @Option(names = "--maxparams", defaultValue = "2", paramLabel = "N", description = "With -q: series per file (default: ${DEFAULT-VALUE}).")
    private int maxParams;

    @Option(names = "--maxrows", defaultValue = "100", paramLabel = "N", description = "With -q: samples per series (default: ${DEFAULT-VALUE}).")
    private int maxRows;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Data files (runops HDF5/CSV or the original pandas HDF5).")
    private List<Path> files;

    @Override
    public Integer call() {
        DistillLimits limits = quick ? new DistillLimits(maxParams, maxRows) : DistillLimits.NONE;
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean allStored = true;
        try (StatsDatabase stats = StatsDatabase.open(db)) {
            StatsDistiller distiller = new StatsDistiller(stats, DataFiles::open, Clock.systemUTC(), limits);
            for (Path file : files) {
                DistillOutcome outcome = distiller.distill(file);
                if (outcome.ok()) {
                    out.printf("stored  %s (%d series)%n", file, outcome.series());
                    out.flush(); // a line per file as it is stored, also into a log file
                } else {
                    allStored = false;
                    err.printf("FAILED  %s%n", outcome.problem().orElseThrow());
                }
            }
        }
        return allStored ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }
}
