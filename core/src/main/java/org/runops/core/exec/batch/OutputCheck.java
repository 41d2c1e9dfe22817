package org.runops.core.exec.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.runops.core.RegularFiles;

/**
 * Whether a submitted job made what it should: the caller knows which files a unit's job writes (e.g.
 * {@code <out>/<run>_<tag>/CEMC_meanTime_<tag>_<run>.root}). An I/O error is {@link Kind#UNDECIDED},
 * never a failure.
 */
@FunctionalInterface
public interface OutputCheck {

    /** The check of one attempt's outputs. */
    Result check(SubmissionAttempt attempt);

    /**
     * Every file of {@link SubmissionAttempt#expectedOutputs()} exists and is not empty; an attempt
     * that expects nothing cannot be judged this way (undecided).
     */
    static OutputCheck expectedFiles() {
        return attempt -> {
            if (attempt.expectedOutputs().isEmpty()) {
                return new Result(Kind.UNDECIDED, "unit " + attempt.unit() + " names no expected output files");
            }
            List<String> missing = new ArrayList<>();
            for (String file : attempt.expectedOutputs()) {
                RegularFiles.Presence p = RegularFiles.presence(Path.of(file));
                switch (p.kind()) {
                    case PRESENT -> { }
                    case ABSENT_OR_EMPTY -> missing.add(file + " (" + p.detail() + ")");
                    case UNREADABLE -> {
                        return new Result(Kind.UNDECIDED, "cannot look at " + file + ": " + p.detail());
                    }
                }
            }
            int n = attempt.expectedOutputs().size();
            return missing.isEmpty() ? new Result(Kind.COMPLETE, "all " + n + " expected files present")
                    : new Result(Kind.INCOMPLETE, missing.size() + " of " + n + " expected files missing, first " + missing.get(0));
        };
    }

    /**
     * What the check found.
     *
     * @param kind   complete, incomplete or undecided
     * @param detail what was found or missing, or why the check could not decide
     */
    record Result(Kind kind, String detail) {
        public Result {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** The result kinds. */
    enum Kind {
        /** Every expected file is there. */
        COMPLETE,
        /** At least one expected file is missing or empty. */
        INCOMPLETE,
        /** The files could not be looked at (I/O error, unreachable file system). */
        UNDECIDED
    }
}
