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
 * <p>Every system names a job's logs by its job id (as in {@link BatchSubmitted#jobIds()}): {@code
 * <logDirectory>/<name>.<jobId>.out} and {@code .err} ({@link #stdoutOf}, {@link #stderrOf}), e.g. {@code
 * genStatus.4711.3.out} (HTCondor cluster 4711, proc 3), {@code genStatus.812_3.out} (Slurm array 812, task 3),
 * {@code genStatus.2417-1764787200000-1.3.out} (local). A resubmission gets new job ids, so it never
 * overwrites the logs of an earlier attempt.
 *
 * @param name             names the jobs and their log files ({@code <name>.<jobId>.out/.err}); letters,
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

    /** Where the job {@code jobId} (one of {@link BatchSubmitted#jobIds()}) writes stdout: {@code <logDirectory>/<name>.<jobId>.out}. */
    public Path stdoutOf(String jobId) {
        return logDirectory.resolve(name + "." + logName(jobId) + ".out");
    }

    /** Where the job {@code jobId} (one of {@link BatchSubmitted#jobIds()}) writes stderr: {@code <logDirectory>/<name>.<jobId>.err}. */
    public Path stderrOf(String jobId) {
        return logDirectory.resolve(name + "." + logName(jobId) + ".err");
    }

    private String logName(String jobId) {
        if (!NAME.matcher(jobId).matches()) {
            throw new IllegalArgumentException("job id '" + jobId + "' of submission '" + name
                    + "' cannot name a log file (letters, digits, '.', '_' or '-')");
        }
        return jobId;
    }
}
