package org.runops.core.exec.batch;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.runops.core.exec.CommandTemplate;

/**
 * Many jobs of one command: one job per input, in order, like HTCondor's {@code queue input_run from
 * jobs.list}. The command's {@code {input}} placeholder is replaced by the job's input.
 *
 * @param name             names the jobs and their log files ({@code <name>.<jobIndex>.out/.err}); letters,
 *                         digits, {@code . _ -}
 * @param command          the executable and its arguments; {@code {input}} is the only placeholder
 * @param inputs           one job per input; none empty or spanning lines (each is one line of a list file)
 * @param logDirectory     where each job's stdout and stderr go
 * @param workDirectory    where a batch system writes what it needs to submit: the input list {@value
 *                         #JOBS_LIST} and its own files (e.g. {@code <name>.sub}); where jobs start is
 *                         the system's (see {@link BatchSystem})
 * @param memoryMegabytes  memory each job requests, MiB (&gt; 0)
 * @param attributes       extra batch-system attributes; each system takes its own and ignores the others':
 *                         HTCondor submit keys ({@code batch_name}, {@code +JobFlavour}), Slurm options
 *                         ({@code --partition}); values are written as given
 */
public record BatchSubmission(String name, CommandTemplate command, List<String> inputs, Path logDirectory,
        Path workDirectory, long memoryMegabytes, Map<String, String> attributes) {

    /** The placeholder replaced by each job's input. */
    public static final String INPUT = "input";
    /** The input list every system writes into the work directory: one input per line, in job order. */
    public static final String JOBS_LIST = "jobs.list";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

    public BatchSubmission {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("submission name '" + name + "' must be letters, digits, '.', '_' or '-'"
                    + " (it names log files)");
        }
        Objects.requireNonNull(command, "command");
        command.expand(Map.of(INPUT, "")); // fails now, naming the placeholder, if it uses anything but {input}
        inputs = List.copyOf(inputs);
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("submission '" + name + "' has no inputs (one job per input)");
        }
        for (int i = 0; i < inputs.size(); i++) {
            String input = inputs.get(i);
            if (input.isBlank() || input.contains("\n") || input.contains("\r")) {
                throw new IllegalArgumentException("input " + i + " of submission '" + name
                        + "' must be one non-blank line, got '" + input + "'");
            }
        }
        Objects.requireNonNull(logDirectory, "logDirectory");
        Objects.requireNonNull(workDirectory, "workDirectory");
        if (memoryMegabytes <= 0) {
            throw new IllegalArgumentException("memoryMegabytes of submission '" + name + "' must be positive, got "
                    + memoryMegabytes);
        }
        attributes = Map.copyOf(attributes);
    }

    /** A submission whose work directory is its log directory. */
    public BatchSubmission(String name, CommandTemplate command, List<String> inputs, Path logDirectory,
            long memoryMegabytes, Map<String, String> attributes) {
        this(name, command, inputs, logDirectory, logDirectory, memoryMegabytes, attributes);
    }

    /** The input list in the work directory, {@code <workDirectory>/jobs.list}. */
    public Path jobsList() {
        return workDirectory.resolve(JOBS_LIST);
    }

    /** The command of job {@code index}: the template with {@code {input}} replaced by that job's input. */
    public List<String> commandOf(int index) {
        return command.expand(Map.of(INPUT, inputs.get(index)));
    }

    /** Where job {@code index} writes stdout: {@code <logDirectory>/<name>.<index>.out}. */
    public Path stdoutOf(int index) {
        return logDirectory.resolve(name + "." + index + ".out");
    }

    /** Where job {@code index} writes stderr: {@code <logDirectory>/<name>.<index>.err}. */
    public Path stderrOf(int index) {
        return logDirectory.resolve(name + "." + index + ".err");
    }
}
