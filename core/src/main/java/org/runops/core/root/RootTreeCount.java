package org.runops.core.root;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The entry count of one tree in one file, with the file's state; never thrown, always reported.
 *
 * @param file      the file
 * @param tree      the tree name asked for
 * @param entries   the entry count; empty when the file is a zombie, has no such tree or it is unreadable
 * @param zombie    ROOT's IsZombie()
 * @param recovered ROOT's kRecovered bit
 * @param problem   what went wrong, when {@code entries} is empty (or the file was recovered)
 */
public record RootTreeCount(
        Path file, String tree, OptionalLong entries, boolean zombie, boolean recovered, Optional<String> problem) {

    public RootTreeCount {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(tree, "tree");
        Objects.requireNonNull(entries, "entries");
        Objects.requireNonNull(problem, "problem");
    }
}
