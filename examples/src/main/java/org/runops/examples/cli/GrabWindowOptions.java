package org.runops.examples.cli;

import java.util.Optional;
import org.runops.datalogger.GrabWindow;
import picocli.CommandLine.Option;

/** The grabbers' window options, as the original scripts (spec §2.1). */
final class GrabWindowOptions {
    @Option(names = "--stopat", paramLabel = "TIME",
            description = "End of the window, local time: 'YYYY-MM-DD hh:mm:ss', 'YYYY-MM-DD hh:mm', YYYY-MM-DD or ISO-8601 "
                    + "(default: the last local midnight).")
    private String stopAt;

    @Option(names = "--days", defaultValue = "0", paramLabel = "N", description = "Window length in days (float; added to the others).")
    private double days;

    @Option(names = "--hours", defaultValue = "0", paramLabel = "N", description = "Window length in hours (float).")
    private double hours;

    @Option(names = "--minutes", defaultValue = "0", paramLabel = "N", description = "Window length in minutes (float).")
    private double minutes;

    @Option(names = "--seconds", defaultValue = "0", paramLabel = "N",
            description = "Window length in seconds (float). All four zero: 1 second, as the original.")
    private double seconds;

    GrabWindow window(String startAt) {
        return new GrabWindow(Optional.ofNullable(stopAt), Optional.ofNullable(startAt), days, hours, minutes, seconds);
    }
}
