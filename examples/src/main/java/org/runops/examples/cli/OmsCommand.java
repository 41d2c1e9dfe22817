package org.runops.examples.cli;

import picocli.CommandLine.Command;

/** {@code runops oms ...}: the CMS OMS aggregation API. */
@Command(
        name = "oms",
        mixinStandardHelpOptions = true,
        header = "Query CMS OMS (runs), paged and checked, with an optional cache of finished runs.",
        description = {
            "Query the CMS OMS aggregation API. Every query pages on meta.totalResourceCount and fails when",
            "rows are missing. Credentials (CERN SSO application) only from the environment:",
            "RUNOPS_OMS_CLIENT_ID and RUNOPS_OMS_CLIENT_SECRET; --instance p5 needs none."
        },
        subcommands = {OmsRunsCommand.class})
public final class OmsCommand implements Runnable {
    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
