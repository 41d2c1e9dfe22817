package org.runops.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A shell script that stands in for the calorimeter map builder ({@code CaloCDB-GenStatus <input_list>
 * [output_directory]}) and is run as a real process: it takes run and tag from the list file's name
 * ({@code <run>_<tag>.list}, split at the first {@code _}), reads the list, and writes one small file
 * per payload name into {@code <output_directory>/<run>_<tag>/}. Like the real one it exits 0 even when
 * it made nothing: for the runs given to {@link #failFor} it writes no file at all.
 *
 * <pre>{@code
 * Path job = StandInMapJob.create(List.of("CEMC_meanTime_{tag}_{run}.root", "EMCalHotMap_{tag}_{run}cdb.root"))
 *         .failFor(68007).write(dir.resolve("genStatus.sh"));
 * }</pre>
 */
public final class StandInMapJob {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.{}]+");

    private final List<String> payloadNames;
    private final Set<Long> failing = new TreeSet<>();
    private Path callLog;

    private StandInMapJob(List<String> payloadNames) {
        this.payloadNames = List.copyOf(payloadNames);
        for (String n : this.payloadNames) {
            if (!NAME.matcher(n).matches()) {
                throw new IllegalArgumentException("payload name pattern '" + n + "' must be letters, digits, '_', '.', {run}, {tag}");
            }
        }
    }

    /** Writes these files per run; {@code {run}} and {@code {tag}} are replaced by the list's run and tag. */
    public static StandInMapJob create(List<String> payloadNamePatterns) {
        return new StandInMapJob(Objects.requireNonNull(payloadNamePatterns, "payloadNamePatterns"));
    }

    /** For these runs: write nothing, exit 0 (the real builder's silent failure). */
    public StandInMapJob failFor(long... runs) {
        for (long r : runs) {
            failing.add(r);
        }
        return this;
    }

    /** Appends the run of every call to this file, so tests can count submissions. */
    public StandInMapJob callLog(Path file) {
        this.callLog = file.toAbsolutePath();
        return this;
    }

    /** Writes the script (executable) and returns its path. */
    public Path write(Path script) {
        StringBuilder s = new StringBuilder()
                .append("#!/bin/sh\n")
                .append("# runops stand-in for CaloCDB-GenStatus <input_list> [output_directory]\n")
                .append("if [ $# -lt 1 ] || [ $# -gt 2 ]; then echo 'Usage: CaloCDB-GenStatus <input_list> [output_directory]' >&2; exit 1; fi\n")
                .append("list=$1; out=${2:-output}\n")
                .append("stem=$(basename \"$list\" .list); run=${stem%%_*}; tag=${stem#*_}\n")
                .append("echo \"Processing: Run: $run, Dataset: $tag\"\n");
        if (callLog != null) {
            s.append("echo \"$run\" >> '").append(callLog).append("'\n");
        }
        s.append("while IFS= read -r f; do [ -n \"$f\" ] && echo \"Reading File: $f\"; done < \"$list\"\n");
        if (!failing.isEmpty()) {
            s.append("case \" ").append(String.join(" ", failing.stream().map(String::valueOf).toList()))
                    .append(" \" in *\" $run \"*) echo done; exit 0;; esac\n");
        }
        s.append("mkdir -p \"$out/$stem\"\n");
        for (String n : payloadNames) {
            String file = "$out/$stem/" + n.replace("{run}", "${run}").replace("{tag}", "${tag}");
            s.append("echo 'stand-in payload' > \"").append(file).append("\" && echo \"Writing ").append(file).append("   with mean=1\"\n");
        }
        s.append("echo done\n");
        try {
            Files.writeString(script, s.toString());
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the stand-in map job " + script, e);
        }
    }
}
