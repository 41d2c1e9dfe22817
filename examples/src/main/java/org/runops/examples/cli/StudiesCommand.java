package org.runops.examples.cli;

import picocli.CommandLine.Command;

/** {@code runops studies ...}: tracker studies over OMS runs, fills and the Certhelper history. */
@Command(
        name = "studies",
        mixinStandardHelpOptions = true,
        header = "Tracker studies: join OMS runs, fills and certifications into one table; PCA and scatter plots.",
        description = {
            "Tracker studies: flatten saved OMS runs/fills responses (or CSV tables) and the Certhelper run/reference",
            "history into one table (CSV or JSON), then run a PCA over chosen features and plot the scores."
        },
        subcommands = {StudiesTableCommand.class, StudiesPcaCommand.class})
public final class StudiesCommand implements Runnable {
    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
