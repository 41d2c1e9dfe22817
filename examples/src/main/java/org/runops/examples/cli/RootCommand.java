package org.runops.examples.cli;

import picocli.CommandLine.Command;

/** {@code runops root ...}: look inside ROOT files without ROOT. */
@Command(
        name = "root",
        mixinStandardHelpOptions = true,
        header = "Inspect ROOT files without ROOT: keys, zombie/recovered state, tree entry counts.",
        description = {
            "Inspect ROOT files with the pure-Java reader: keys, zombie/recovered state (as ROOT's TFile decides it)",
            "and tree entry counts. No ROOT installation is needed."
        },
        subcommands = {RootLsCommand.class, RootEntriesCommand.class})
public final class RootCommand implements Runnable {
    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
