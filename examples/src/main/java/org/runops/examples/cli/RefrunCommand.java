package org.runops.examples.cli;

import picocli.CommandLine.Command;

/** {@code runops refrun ...}: reference-run recommendation and its evaluation. */
@Command(
        name = "refrun",
        mixinStandardHelpOptions = true,
        header = "Recommend the reference run for a run, and measure how often the recommendation is right.",
        description = {
            "Recommend the reference run a shifter should compare a run against, from the history of earlier",
            "run->reference choices (a Certhelper dump) and, optionally, OMS run conditions (a CSV with run_number",
            "and feature columns). 'evaluate' replays a history in run order - each run sees only earlier choices -",
            "and compares the recommender with the baselines."
        },
        subcommands = {RefrunRecommendCommand.class, RefrunEvaluateCommand.class, RefrunCheckCommand.class})
public final class RefrunCommand implements Runnable {
    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
