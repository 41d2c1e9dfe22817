package org.runops.examples.cli;

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
            description = "Parameter list ('NODE DEVICE' lines); default: every device in the database.")
    private Path paramFile;

    @Option(names = "--zone", defaultValue = "America/Chicago", paramLabel = "ZONE",
            description = "Zone of the window times in the file names, to place each file at its real start (default: ${DEFAULT-VALUE}).")
    ZoneId zone;

    /** The devices of {@code -p}, or none for every device. */
    List<String> params() {
        return paramFile == null ? List.of() : ParamNames.read(paramFile);
    }
}
