package org.runops.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A shell script that stands in for {@code CaloCDB-FilterDatasets <input_csv> [output_directory] [debug]}
 * (sPHENIX coresoftware, spec §1.5) and is run as a real process: usage on 0 or more than 3 arguments (exit
 * 1), reads the input CSV (header skipped, {@code run,tag} per line, a line without both is skipped with the
 * binary's ERROR line), writes {@code <output_directory>/<input stem>-process.csv} (header {@code runnumber})
 * listing, in input order, the runs it was told need maps, and prints the binary's stdout block (Run
 * Parameters, one {@code Run: …, Dataset: …, Processing: i, p %} per run, Stats, {@code done}). Variants
 * fail, write garbage, write nothing, list a run not asked for, or hang.
 *
 * <pre>{@code
 * Path bin = StandInFilterDatasets.create().needs(68006).callLog(dir.resolve("calls")).write(dir.resolve("CaloCDB-FilterDatasets"));
 * }</pre>
 */
public final class StandInFilterDatasets {
    /** What the stand-in does after printing its parameters. */
    public enum Behaviour {
        /** As the binary: the answer file and the stats, exit 0. */
        WORKS,
        /** An ERROR line on stderr and exit 3, no answer file (a CDB the binary could not reach). */
        FAILS,
        /** Exit 0 with an answer file whose second line is not a run number. */
        GARBAGE,
        /** Exit 0 without writing the answer file. */
        NO_OUTPUT,
        /** As {@link #WORKS}, but also lists run 1, which was not in the input. */
        EXTRA_RUN,
        /** Sleeps 60 s (a hung CDB connection), for timeouts. */
        HANGS
    }

    private final Set<Long> needed = new LinkedHashSet<>();
    private Behaviour behaviour = Behaviour.WORKS;
    private Path callLog;

    private StandInFilterDatasets() {}

    public static StandInFilterDatasets create() {
        return new StandInFilterDatasets();
    }

    /** The runs to list as needing maps (when they are in the input). */
    public StandInFilterDatasets needs(long... runs) {
        for (long r : runs) {
            needed.add(r);
        }
        return this;
    }

    public StandInFilterDatasets behaviour(Behaviour b) {
        this.behaviour = Objects.requireNonNull(b, "behaviour");
        return this;
    }

    /** Appends the arguments of every call, one line per call, so tests see how it was run. */
    public StandInFilterDatasets callLog(Path file) {
        this.callLog = file.toAbsolutePath();
        return this;
    }

    /** Writes the executable script and returns its path. */
    public Path write(Path script) {
        String runs = needed.stream().map(String::valueOf).collect(Collectors.joining(" "));
        StringBuilder s = new StringBuilder()
                .append("#!/bin/sh\n")
                .append("# runops stand-in for CaloCDB-FilterDatasets <input_csv> [output_directory] [debug]\n")
                .append("if [ $# -lt 1 ] || [ $# -gt 3 ]; then\n")
                .append("  echo 'usage: CaloCDB-FilterDatasets input_csv [output_directory] [debug]'\n")
                .append("  exit 1\n")
                .append("fi\n");
        if (callLog != null) {
            s.append("echo \"$*\" >> '").append(callLog).append("'\n");
        }
        s.append("input=$1; outdir=${2:-.}; debug=${3:-0}\n")
                .append("[ -f \"$input\" ] || { echo \"ERROR: cannot open $input\" >&2; exit 1; }\n")
                .append("out=\"$outdir/$(basename \"$input\" .csv)-process.csv\"\n")
                .append("total=$(tail -n +2 \"$input\" | grep -c ',.')\n")
                .append("echo '#############################'\n")
                .append("echo 'Run Parameters'\n")
                .append("echo \"input: $input\"\n")
                .append("echo \"output: $outdir\"\n")
                .append("if [ \"$debug\" != 0 ]; then echo 'Debug: True'; else echo 'Debug: False'; fi\n")
                .append("echo '#############################'\n");
        switch (behaviour) {
            case FAILS -> s.append("echo 'ERROR: DataBaseException: cannot reach the CDB' >&2\nexit 3\n");
            case NO_OUTPUT -> s.append("exit 0\n");
            case GARBAGE -> s.append("printf 'runnumber\\nnot-a-run\\n' > \"$out\"\nexit 0\n");
            case HANGS -> s.append("sleep 60\n");
            case WORKS, EXTRA_RUN -> {
                s.append("echo runnumber > \"$out\"\n")
                        .append("i=0\n")
                        .append("tail -n +2 \"$input\" | while IFS=, read -r run tag rest; do\n")
                        .append("  if [ -z \"$run\" ] || [ -z \"$tag\" ]; then\n")
                        .append("    echo 'ERROR: line does not contain both RUN and DATASET information! Skipping'; continue\n")
                        .append("  fi\n")
                        .append("  i=$((i + 1))\n")
                        .append("  echo \"Run: $run, Dataset: $tag, Processing: $i, $((i * 100 / total)) %\"\n")
                        .append("  case ' ").append(runs).append(" ' in *\" $run \"*) echo \"$run\" >> \"$out\";; esac\n")
                        .append("done\n");
                if (behaviour == Behaviour.EXTRA_RUN) {
                    s.append("echo 1 >> \"$out\"\n");
                }
                s.append("n=$(($(wc -l < \"$out\") - 1))\n")
                        .append("echo '==============================='\n")
                        .append("echo 'Stats'\n")
                        .append("echo \"Total Runs: $total\"\n")
                        .append("if [ \"$total\" -gt 0 ]; then p=$((n * 100 / total)); else p=0; fi\n")
                        .append("echo \"CDB: cdb_missing_CEMC_BadTowerMap, Counts: $n, $p %\"\n")
                        .append("echo '==============================='\n")
                        .append("echo '======================================'\n")
                        .append("echo done\n");
            }
        }
        try {
            Files.writeString(script, s.toString());
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the stand-in FilterDatasets " + script, e);
        }
    }
}
