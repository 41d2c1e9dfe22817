package org.runops.core.exec.batch.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.runops.core.exec.batch.BatchException;
import org.runops.core.exec.batch.BatchSubmission;

/**
 * The wrapper script of a Slurm array submission and the {@code sbatch} arguments that submit it: array task
 * {@code i} runs the command with {@code {input}} replaced by line {@code i+1} of {@code jobs.list}.
 */
final class SlurmScripts {
    /** A Slurm long option given as an attribute, e.g. {@code --partition}. */
    private static final Pattern OPTION = Pattern.compile("--[a-z][a-z0-9-]*");
    private static final Set<String> RENDERED = Set.of("--array", "--job-name", "--output", "--error", "--mem",
            "--chdir", "--parsable", "--wrap");
    /** Stands for {@code {input}} while the command is quoted word by word; no template holds it. */
    private static final String MARK = "\u0000";

    private SlurmScripts() {}

    /** The bash wrapper {@code <name>.sbatch}. */
    static String wrapper(BatchSubmission s) {
        return "#!/bin/bash\n"
                + "# runops: array task i of submission '" + s.name() + "' runs its command on line i+1 of the input list\n"
                + "set -u\n"
                + "list=" + Shell.quote(s.jobsList().toAbsolutePath().toString()) + "\n"
                + "line=$(( ${SLURM_ARRAY_TASK_ID:?runops: not an array task: submit with sbatch --array} + 1 ))\n"
                + "input=$(sed -n \"${line}p\" \"$list\")\n"
                + "if [ -z \"$input\" ]; then\n"
                + "  echo \"runops: array task $SLURM_ARRAY_TASK_ID: $list has no line $line\" >&2\n"
                + "  exit 2\n"
                + "fi\n"
                + "exec " + command(s) + "\n";
    }

    /** The command, each word quoted for bash and {@code {input}} replaced by {@code "$input"}. */
    static String command(BatchSubmission s) {
        List<String> words = new ArrayList<>();
        for (String word : s.command().expand(Map.of(BatchSubmission.INPUT, MARK))) {
            StringBuilder quoted = new StringBuilder();
            String[] pieces = word.split(MARK, -1);
            for (int i = 0; i < pieces.length; i++) {
                if (i > 0) {
                    quoted.append("\"$input\"");
                }
                if (!pieces[i].isEmpty()) {
                    quoted.append(Shell.quote(pieces[i]));
                }
            }
            words.add(quoted.toString());
        }
        return String.join(" ", words);
    }

    /** The arguments of {@code sbatch}, the wrapper (relative to the work directory) last. */
    static List<String> sbatchArguments(BatchSubmission s, OptionalInt maxRunning) {
        String logs = s.logDirectory().toAbsolutePath().toString().replace("%", "%%");
        List<String> args = new ArrayList<>(List.of("--parsable",
                "--array=0-" + (s.inputs().size() - 1) + (maxRunning.isPresent() ? "%" + maxRunning.getAsInt() : ""),
                "--job-name=" + s.name(),
                // %A_%a is the job id <arrayId>_<task>: BatchSubmission's log names
                "-o", logs + "/" + s.name() + ".%A_%a.out",
                "-e", logs + "/" + s.name() + ".%A_%a.err",
                "--mem=" + s.memoryMegabytes() + "M",
                "--chdir=" + s.workDirectory().toAbsolutePath()));
        options(s).forEach((key, value) -> args.add(key + "=" + value));
        args.add(s.name() + ".sbatch");
        return args;
    }

    /** The submission's Slurm attributes ({@code --key}), sorted; the others are another system's. */
    private static Map<String, String> options(BatchSubmission s) {
        Map<String, String> out = new TreeMap<>();
        s.attributes().forEach((key, value) -> {
            if (!key.startsWith("--")) {
                return;
            }
            if (!OPTION.matcher(key).matches() || value.contains("\n") || value.contains("\r")) {
                throw new BatchException("submission '" + s.name() + "': attribute '" + key + "' = '" + value
                        + "' is not an sbatch option (--name with a one-line value)");
            }
            if (RENDERED.contains(key)) {
                throw new BatchException("submission '" + s.name() + "': attribute '" + key
                        + "' would replace the sbatch option runops sets itself");
            }
            out.put(key, value);
        });
        return out;
    }
}
