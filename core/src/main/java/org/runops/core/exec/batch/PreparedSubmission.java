package org.runops.core.exec.batch;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.runops.core.exec.batch.internal.Shell;

/**
 * A submission whose files a batch system has written ({@link BatchSystem#prepare}) but not submitted: what
 * a dry run shows, and what {@link BatchSystem#submit(PreparedSubmission)} submits.
 *
 * @param submission the submission
 * @param files      the files written into its work directory, the input list {@value BatchSubmission#JOBS_LIST}
 *                   first
 * @param command    the exact argv that submits it, run in the work directory; empty when the system needs no
 *                   command ({@link BatchSystem#local(int)} runs the jobs in this JVM)
 */
public record PreparedSubmission(BatchSubmission submission, List<Path> files, List<String> command) {

    public PreparedSubmission {
        Objects.requireNonNull(submission, "submission");
        files = List.copyOf(files);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("prepared submission '" + submission.name() + "' lists no files"
                    + " (the input list at least)");
        }
        command = List.copyOf(command);
    }

    /**
     * The command as one POSIX-shell line for a log or a copy-paste, each word quoted where needed, e.g.
     * {@code condor_submit genStatus.sub -queue 'input_run from jobs.list'}.
     */
    public String commandLine() {
        return Shell.join(command);
    }
}
