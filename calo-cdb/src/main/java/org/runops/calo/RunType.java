package org.runops.calo;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A run type of the FileCatalog and the runs it spans, both inclusive (the original's
 * {@code :run_start}/{@code :run_end}).
 *
 * @param name     as the catalogue's {@code dataset} column and the output file names use it, e.g. {@code run3auau}
 * @param firstRun first run of the type
 * @param lastRun  last run of the type
 */
public record RunType(String name, long firstRun, long lastRun) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");

    /** The run types of the original's HEAD, in its order. */
    public static final List<RunType> DEFAULTS = List.of(
            new RunType("run2pp", 47286, 53880),
            new RunType("run2auau", 54128, 54974),
            new RunType("run3auau", 66457, 78954),
            new RunType("run3pp", 79146, 81668),
            new RunType("run3oo", 82374, 82703));

    public RunType {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("run type '" + name + "' must be letters, digits or '_' (it names files)");
        }
        if (firstRun <= 0 || lastRun < firstRun) {
            throw new IllegalArgumentException("run type " + name + ": run range must be positive and ascending, got "
                    + firstRun + ".." + lastRun);
        }
    }

    /** Whether {@code run} belongs to this type. */
    public boolean contains(long run) {
        return run >= firstRun && run <= lastRun;
    }

    /** The default run type called {@code name}. */
    public static RunType named(String name) {
        return DEFAULTS.stream().filter(t -> t.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown run type '" + name + "'; known: "
                        + DEFAULTS.stream().map(RunType::name).toList()));
    }
}
