package org.runops.examples.cli;

import picocli.CommandLine.Command;

/** {@code runops calo ...}: the sPHENIX calorimeter CDB-map production (runProd.py). */
@Command(
        name = "calo",
        mixinStandardHelpOptions = true,
        header = "sPHENIX calorimeter CDB maps: find the runs whose maps are missing or outdated, submit one map job per run.",
        description = {
            "The runProd.py automation: the FileCatalog's HIST_CALOQA files per run (winning tag), the CDB's verdict per",
            "calibration, the files' validity, then one CaloCDB-GenStatus job per run needing maps, through HTCondor,",
            "Slurm or this machine. A submission store in the output directory keeps runs in flight from being submitted",
            "twice and retries failed runs a bounded number of times; 'status' shows where each run stands."
        },
        subcommands = {CaloPlanCommand.class, CaloStatusCommand.class})
public final class CaloCommand implements Runnable {
    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
