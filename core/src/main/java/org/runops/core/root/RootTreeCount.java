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
 * @param status    what the count is worth, or why there is none
 * @param entries   the entry count; present exactly when the status is {@link Status#OK} or {@link Status#RECOVERED}
 * @param recovered ROOT's kRecovered bit (a zombie can have it too)
 * @param detail    what went wrong, or what the count is worth, in one line; empty for {@link Status#OK}
 */
public record RootTreeCount(Path file, String tree, Status status, OptionalLong entries, boolean recovered, String detail) {

    /** What a count is worth. Only {@link #OK} and {@link #RECOVERED} carry a number. */
    public enum Status {
        /** A count from a properly closed file. */
        OK,
        /** ROOT recovered the file (not closed properly): the count is the last AutoSave's. */
        RECOVERED,
        /** The file does not exist. */
        MISSING,
        /** The file was read and ROOT would call it a zombie. */
        ZOMBIE,
        /** The file is fine but has no key of that name. */
        NO_SUCH_TREE,
        /** The key exists but is not a TTree, TNtuple or TNtupleD. */
        NOT_A_TREE,
        /** The tree record cannot be decompressed or parsed (ROOT's Get returns nullptr). */
        UNREADABLE_FORMAT,
        /** Reading failed (disk, network mount, not a regular file): nothing is known about the file. */
        IO_ERROR,
        /** The counting thread was interrupted: nothing is known about the file. */
        INTERRUPTED;

        /** Whether this says nothing about the file's content, so counting again later may give an answer. */
        public boolean indeterminate() {
            return this == IO_ERROR || this == INTERRUPTED;
        }

        /** Whether a count comes with this status. */
        public boolean hasCount() {
            return this == OK || this == RECOVERED;
        }
    }

    public RootTreeCount {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(tree, "tree");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(entries, "entries");
        Objects.requireNonNull(detail, "detail");
        if (entries.isPresent() != status.hasCount()) {
            throw new IllegalArgumentException(file + " " + tree + ": status " + status
                    + (entries.isPresent() ? " comes without an entry count" : " needs an entry count"));
        }
    }

    /** ROOT's IsZombie() for a file that could be read. */
    public boolean zombie() {
        return status == Status.ZOMBIE;
    }

    /** The detail when something is wrong (anything but {@link Status#OK}). */
    public Optional<String> problem() {
        return status == Status.OK ? Optional.empty() : Optional.of(detail);
    }
}
