package org.runops.examples;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code runops} launcher. */
@Command(name = "runops", mixinStandardHelpOptions = true, version = "runops 0.1.0-SNAPSHOT",
        description = "Run bookkeeping, validation and data-quality tools for detector operations.")
public final class RunopsCli implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new RunopsCli()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
