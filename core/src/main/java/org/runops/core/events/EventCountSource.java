package org.runops.core.events;

import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.runops.core.root.RootFiles;
import org.runops.core.root.RootTreeCount;

/** Where an event count comes from: DAQ metadata of a run directory, a ROOT tree, or a known number. */
public interface EventCountSource {

    /** One line naming the source, e.g. the run directory or the file and tree. */
    String description();

    /**
     * Counts now. Never throws for bad input; problems are reported in the result, and a source that
     * could not be read (I/O error, interrupt) has an {@link CountStatus#indeterminate() indeterminate} status.
     */
    EventCount count();

    /** The DAQ count of an fff run directory: EoR {@code NEvents}, else the sum over index files. */
    static EventCountSource daq(Path runDirectory) {
        Objects.requireNonNull(runDirectory, "runDirectory");
        return new EventCountSource() {
            @Override
            public String description() {
                return "DAQ metadata of " + runDirectory;
            }

            @Override
            public EventCount count() {
                try {
                    return DaqRunDirectory.scan(runDirectory).toEventCount();
                } catch (UncheckedIOException e) {
                    Throwable cause = e.getCause();
                    boolean interrupted = cause instanceof ClosedByInterruptException || cause instanceof InterruptedIOException;
                    return new EventCount(OptionalLong.empty(), interrupted ? CountStatus.INTERRUPTED : CountStatus.IO_ERROR,
                            e.getMessage() + ": " + cause, List.of());
                }
            }
        };
    }

    /** Entries of a top-level tree in a ROOT file, with ROOT's zombie and recovered rules. */
    static EventCountSource rootTree(Path file, String tree) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(tree, "tree");
        return new EventCountSource() {
            @Override
            public String description() {
                return file + " " + tree;
            }

            @Override
            public EventCount count() {
                String where = file.getFileName() + " " + tree;
                RootTreeCount c = RootFiles.entries(file, tree);
                CountStatus status = switch (c.status()) {
                    case OK -> CountStatus.OK;
                    case RECOVERED -> CountStatus.RECOVERED;
                    case MISSING -> CountStatus.MISSING;
                    case ZOMBIE -> CountStatus.ZOMBIE;
                    case NO_SUCH_TREE, NOT_A_TREE -> CountStatus.TREE_MISSING;
                    case UNREADABLE_FORMAT -> CountStatus.UNREADABLE;
                    case IO_ERROR -> CountStatus.IO_ERROR;
                    case INTERRUPTED -> CountStatus.INTERRUPTED;
                };
                String detail = switch (c.status()) {
                    case OK -> where;
                    case RECOVERED -> where + " (recovered by ROOT)";
                    case MISSING -> "no file " + file;
                    default -> where + ": " + c.detail();
                };
                return new EventCount(c.entries(), status, detail, List.of());
            }
        };
    }

    /** A count known from elsewhere (a database row, a job report). */
    static EventCountSource known(long events, String description) {
        if (events < 0) {
            throw new IllegalArgumentException("an event count cannot be negative: " + events);
        }
        Objects.requireNonNull(description, "description");
        return new EventCountSource() {
            @Override
            public String description() {
                return description;
            }

            @Override
            public EventCount count() {
                return new EventCount(OptionalLong.of(events), CountStatus.OK, description, List.of());
            }
        };
    }
}
