package org.runops.core.exec.batch;

import java.nio.file.Path;

/** Another process holds a {@link SubmissionStore}'s lock (an overlapping cron run): nothing was read or written. */
public class SubmissionLockedException extends BatchException {
    private static final long serialVersionUID = 1L;

    private final transient Path lockFile;
    private final String holder;

    public SubmissionLockedException(Path lockFile, String holder) {
        super("another run holds the lock " + lockFile + " (" + holder + "); nothing was submitted, try again when it has ended");
        this.lockFile = lockFile;
        this.holder = holder;
    }

    public Path lockFile() {
        return lockFile;
    }

    /** Who holds it, as the holder wrote it in the lock file. */
    public String holder() {
        return holder;
    }
}
