package org.runops.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.runops.datalogger.stats.ParamNames;
import org.runops.datalogger.stats.StatsDatabase;
import picocli.CommandLine.Option;

/** What {@code export-html} and {@code plot} show: the database, the devices and the zone of the file-name times. */
final class DataloggerStatsViewOptions {
    @Option(names = "--db", defaultValue = StatsDatabase.DEFAULT_FILE, paramLabel = "FILE",
            description = "Statistics database (default: ${DEFAULT-VALUE}).")
    Path db;

    @Option(names = "-p", paramLabel = "FILE",
            description = "Parameter list ('NODE DEVICE' or 'DEVICE' lines); default: every device in the database.")
    private Path paramFile;

    @Option(names = "--zone", defaultValue = "America/Chicago", paramLabel = "ZONE",
            description = "Zone of the window times in the file names, to place each file at its real start (default: ${DEFAULT-VALUE}).")
    ZoneId zone;

    /** The devices of {@code -p}, or none for every device; lines the grabbers would skip are reported to {@code err}. */
    List<String> params(PrintWriter err) {
        return paramFile == null ? List.of() : read(paramFile, err);
    }

    static List<String> read(Path paramFile, PrintWriter err) {
        return ParamNames.read(paramFile, problem -> err.printf("skipped %s %s%n", paramFile, problem));
    }
}
