package org.runops.examples.cli;

import picocli.CommandLine.Command;

/** {@code runops certhelper ...}: Certhelper's run→reference history. */
@Command(
        name = "certhelper",
        mixinStandardHelpOptions = true,
        header = "Certhelper's run→reference history: fetch (cached), read saved dumps, summarise.",
        description = {
            "Certhelper (certhelper.web.cern.ch) records, for every certified run, the reference run it was compared",
            "against. These commands fetch that history once a day at most (a local cache; the service owners ask",
            "not to be called repeatedly), or read a saved dump, and print it or a summary."
        },
        subcommands = {CertHelperPairsCommand.class})
public final class CertHelperCommand implements Runnable {
    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
