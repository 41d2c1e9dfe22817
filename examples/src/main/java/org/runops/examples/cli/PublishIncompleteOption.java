package org.runops.examples.cli;

import picocli.CommandLine.Option;

/** {@code --publish-incomplete} of the grab commands and the nanny: a picocli mixin. */
final class PublishIncompleteOption {
    @Option(names = "--publish-incomplete",
            description = "When some requests failed after their retries, publish what arrived (those devices or events PARTIAL or "
                    + "ERROR in the file) instead of publishing nothing and keeping what a rerun needs.")
    boolean publishIncomplete;
}
