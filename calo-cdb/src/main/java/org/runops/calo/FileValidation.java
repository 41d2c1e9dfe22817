package org.runops.calo;

import java.util.List;
import java.util.Objects;

/**
 * What {@link FileValidator} found, each list in input order.
 *
 * @param valid     files that exist, are regular files and hold bytes
 * @param missing   files that are absent, empty or not regular files: the original's {@code -missing.csv}
 * @param undecided files whose check failed otherwise (permission, I/O error, no answer in time): neither
 *                  valid nor missing — a run with such a file is not judged on it
 */
public record FileValidation(List<CatalogFile> valid, List<Problem> missing, List<Problem> undecided) {
    public FileValidation {
        valid = List.copyOf(valid);
        missing = List.copyOf(missing);
        undecided = List.copyOf(undecided);
    }

    /**
     * One file that is not valid, and why.
     *
     * @param file   the file
     * @param reason e.g. {@code absent}, {@code empty}, {@code AccessDeniedException: ...}
     */
    public record Problem(CatalogFile file, String reason) {
        public Problem {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The paths of the missing files, in input order. */
    public List<String> missingPaths() {
        return missing.stream().map(p -> p.file().path()).toList();
    }
}
