package org.runops.examples;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine;

/**
 * The top-level commands as the root's usage lists them, read from each class's {@code @Command} annotation
 * alone (name, aliases, header, description, hidden): building the 13 full subtrees only to print their
 * one-line headings cost 0.15–0.2 s CPU of {@code runops --help} (≈50 commands, 230 options reflected).
 * A test checks that the root usage is byte for byte the whole tree's.
 */
final class RootUsageCommands {
    private RootUsageCommands() {}

    /** Adds to {@code root} a heading-only subcommand per entry of {@code commands} (name → class), in order. */
    static void addTo(CommandLine root, Map<String, Class<?>> commands) {
        commands.forEach((name, type) -> {
            Command command = type.getAnnotation(Command.class);
            if (command.name().equals(name)) { // an alias maps to a class already added under its name
                CommandSpec heading = CommandSpec.create().name(command.name()).aliases(command.aliases());
                heading.usageMessage().header(command.header()).description(command.description()).hidden(command.hidden());
                root.addSubcommand(command.name(), heading);
            }
        });
    }
}
