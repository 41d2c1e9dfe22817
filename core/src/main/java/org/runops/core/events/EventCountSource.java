package org.runops.core.events;

import java.nio.file.Files;
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

    /** Counts now. Never throws for bad input; problems are reported in the result. */
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
                return DaqRunDirectory.scan(runDirectory).toEventCount();
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
                if (!Files.exists(file)) {
                    return new EventCount(OptionalLong.empty(), CountStatus.MISSING, "no file " + file, List.of());
                }
                RootTreeCount c = RootFiles.entries(file, tree);
                String problem = c.problem().orElse("");
                if (c.zombie()) {
                    return new EventCount(OptionalLong.empty(), CountStatus.ZOMBIE, where + ": " + problem, List.of());
                }
                if (c.recovered() && c.entries().isPresent()) {
                    return new EventCount(c.entries(), CountStatus.RECOVERED, where + " (recovered by ROOT)", List.of());
                }
                if (c.entries().isPresent()) {
                    return new EventCount(c.entries(), CountStatus.OK, where, List.of());
                }
                CountStatus status = problem.startsWith("unreadable") ? CountStatus.UNREADABLE : CountStatus.TREE_MISSING;
                return new EventCount(OptionalLong.empty(), status, file.getFileName() + ": " + problem, List.of());
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
