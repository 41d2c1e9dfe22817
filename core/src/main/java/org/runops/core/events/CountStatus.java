package org.runops.core.events;

/** How far a count source got. Only {@link #OK} (and {@link #RECOVERED}) carry a number. */
public enum CountStatus {
    /** A trustworthy count. */
    OK,
    /** The source exists but holds no usable count (e.g. no EoR and no index files). */
    UNKNOWN,
    /** The file or directory is absent. */
    MISSING,
    /** ROOT would call the file a zombie. */
    ZOMBIE,
    /** ROOT recovered the file after a crash; the count is the last AutoSave's, so not trusted. */
    RECOVERED,
    /** The file is fine but has no such tree (or the key of that name is not a tree). */
    TREE_MISSING,
    /** The tree record exists but cannot be read (ROOT's Get returns nullptr). */
    UNREADABLE,
    /** Reading failed (I/O error, not a regular file, a damaged EoR with nothing to count instead): nothing is known about the source. */
    IO_ERROR,
    /** The counting thread was interrupted: nothing is known about the source. */
    INTERRUPTED;

    /** Whether this says nothing about the data, so counting again later may give an answer. */
    public boolean indeterminate() {
        return this == IO_ERROR || this == INTERRUPTED;
    }
}
