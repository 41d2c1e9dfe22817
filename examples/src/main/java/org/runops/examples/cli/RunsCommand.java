package org.runops.examples.cli;

import picocli.CommandLine.Command;

/** {@code runops runs ...}: runs from any run catalogue. */
@Command(
        name = "runs",
        mixinStandardHelpOptions = true,
        header = "Runs from any run catalogue: fff run folders, the strip RUN database, OMS, or several joined.",
        description = {
            "Find runs through a run catalogue (org.runops.core.run.RunCatalog), the same way every runops workflow does."
        },
        subcommands = {RunsListCommand.class})
public final class RunsCommand implements Runnable {
    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
