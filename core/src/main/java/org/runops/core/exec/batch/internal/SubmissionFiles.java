package org.runops.core.exec.batch.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.runops.core.exec.batch.BatchException;
import org.runops.core.exec.batch.BatchSubmission;
import org.runops.core.ledger.AtomicFiles;

/** Writes a submission's files into its work directory, each atomically, failures as {@link BatchException}. */
final class SubmissionFiles {
    private SubmissionFiles() {}

    /** Creates the work and log directories and writes {@code jobs.list}: one input per line, in job order. */
    static Path writeJobsList(BatchSubmission submission) {
        createDirectories(submission, submission.workDirectory());
        createDirectories(submission, submission.logDirectory());
        return write(submission, submission.jobsList(), String.join("\n", submission.inputs()) + "\n");
    }

    /** Writes {@code text} (UTF-8) to {@code file}, replacing it atomically. */
    static Path write(BatchSubmission submission, Path file, String text) {
        try {
            AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
            return file;
        } catch (IOException e) {
            throw new BatchException("cannot write " + file + " for submission '" + submission.name() + "': "
                    + e.getMessage(), e);
        }
    }

    private static void createDirectories(BatchSubmission submission, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new BatchException("cannot create directory " + dir + " for submission '" + submission.name() + "': "
                    + e.getMessage(), e);
        }
    }
}
