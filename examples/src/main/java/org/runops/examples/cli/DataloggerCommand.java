package org.runops.examples.cli;

import picocli.CommandLine.Command;

/** {@code runops datalogger ...}: the Fermilab GMPS-AI DataLogger workflow. */
@Command(
        name = "datalogger",
        mixinStandardHelpOptions = true,
        header = "Fermilab ACNET DataLogger: grab parameter and clock-event data, distil statistics, export JSON, plots, pages.",
        description = {
            "The GMPS-AI workflow: pull a window of logged parameter data and TCLK event times from the ACNET",
            "DataLogger into data files (written as drafts, moved into place only when complete), log the Timeline",
            "Generator's supercycles, distil per-device statistics into an SQLite database (GMPSAI.db), and show",
            "them as plotly JSON, a PNG trend plot or a self-contained HTML page.",
            "Backends: acl (the ACL CGI over HTTP, the default, as the original scripts), replay (recorded answers),",
            "simulated (deterministic Booster-like data; every file it makes says so)."
        },
        subcommands = {DataloggerGrabParamsCommand.class, DataloggerGrabEventsCommand.class, DataloggerNannyCommand.class,
            DataloggerNannyDayCommand.class, DataloggerBackfillCommand.class, DataloggerTimelineCommand.class, DataloggerDistillCommand.class,
            DataloggerExportJsonCommand.class, DataloggerExportHtmlCommand.class, DataloggerPlotCommand.class})
public final class DataloggerCommand implements Runnable {
    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
