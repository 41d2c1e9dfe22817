package org.runops.examples.cli;

import picocli.CommandLine.Command;

/** {@code runops events ...}: event-count validation. */
@Command(
        name = "events",
        mixinStandardHelpOptions = true,
        header = "Validate event counts: DAQ metadata of a run directory against the output tree.",
        description = "Validate event counts: DAQ metadata of a run directory against the output file's tree.",
        subcommands = {EventsCheckCommand.class})
public final class EventsCommand implements Runnable {
    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
