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
    /** The file is fine but has no such tree. */
    TREE_MISSING,
    /** The tree record exists but cannot be read (ROOT's Get returns nullptr). */
    UNREADABLE
}
