package org.runops.core.exec.batch.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.runops.core.exec.batch.BatchException;
import org.runops.core.exec.batch.BatchRefusedException;
import org.runops.core.exec.batch.BatchJobState;
import org.runops.core.exec.batch.BatchJobState.Status;

/**
 * Reads what {@code sbatch --parsable}, {@code squeue}, {@code scontrol show job} and {@code sacct} print
 * about an array job, each into the states of its tasks keyed by {@code <arrayId>_<task>}.
 */
final class SlurmOutput {
    private static final Pattern PARSABLE = Pattern.compile("^(\\d+)(?:;(\\S+))?$", Pattern.MULTILINE);
    /** A task id as squeue and sacct print it: {@code 12_3}, or a range of pending tasks {@code 12_[4-7%2]}. */
    private static final Pattern TASK = Pattern.compile("(\\d+)_(?:(\\d+)|\\[([0-9,\\-%]+)])");
    private static final Pattern FIELD = Pattern.compile("(\\w+)=(\\S*)");
    private static final Pattern EXIT = Pattern.compile("(\\d{1,9}):(\\d{1,9})");
    private static final Pattern MAX_ARRAY_SIZE = Pattern.compile("^MaxArraySize\\s*=\\s*(\\d{1,9})\\s*$", Pattern.MULTILINE);

    private SlurmOutput() {}

    /** The array job a listing is read for: its id and how many tasks it has; other jobs' lines are skipped. */
    record Array(String id, int tasks) {}

    /** The job id that {@code sbatch --parsable} printed ({@code <id>} or {@code <id>;<cluster>}). */
    static String parsable(ToolRunner.Output out) {
        Matcher m = PARSABLE.matcher(out.stdout().replace("\r", ""));
        if (out.exitCode() != 0) { // sbatch refused the script: nothing queued
            throw new BatchRefusedException(out.describe() + " failed (exit code " + out.exitCode() + "): " + out.errorLine());
        }
        if (!m.find()) {
            throw new BatchException(out.describe() + " failed (exit code 0): " + out.errorLine() + "; stdout held no job id: '"
                    + ToolRunner.abbreviate(out.stdout()) + "'");
        }
        return m.group(1);
    }

    /** The {@code MaxArraySize = 1001} line of {@code scontrol show config}; empty when there is none. */
    static OptionalInt maxArraySize(String stdout) {
        Matcher m = MAX_ARRAY_SIZE.matcher(stdout.replace("\r", ""));
        return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }

    /** {@code squeue -h -r -o '%i|%T|%r'} lines: {@code 12_0|PENDING|Resources}. */
    static Map<String, BatchJobState> squeue(String stdout, Array array) {
        Map<String, BatchJobState> states = new HashMap<>();
        for (String line : stdout.lines().toList()) {
            String[] f = line.strip().split("\\|", -1);
            if (f.length == 3) {
                for (String id : taskIds(f[0], array)) {
                    states.put(id, state(id, f[1], "", f[2]));
                }
            }
        }
        return states;
    }

    /**
     * {@code scontrol show job <arrayId>}: one record per task (or per range of tasks not yet started), each
     * {@code Key=Value} words; the tasks come from ArrayJobId and ArrayTaskId ({@code 3} or {@code 1-3%1}).
     */
    static Map<String, BatchJobState> scontrol(String stdout, Array array) {
        Map<String, BatchJobState> states = new HashMap<>();
        for (String record : stdout.split("\\n\\s*\\n")) {
            Map<String, String> f = new LinkedHashMap<>();
            Matcher m = FIELD.matcher(record);
            while (m.find()) {
                f.putIfAbsent(m.group(1), m.group(2));
            }
            if (array.id().equals(f.get("ArrayJobId")) && f.containsKey("ArrayTaskId") && f.containsKey("JobState")) {
                for (String id : taskIds(array.id() + "_[" + f.get("ArrayTaskId") + "]", array)) {
                    states.put(id, state(id, f.get("JobState"), f.getOrDefault("ExitCode", ""), f.getOrDefault("Reason", "")));
                }
            }
        }
        return states;
    }

    /** {@code sacct -P -n --format=JobID,State,ExitCode} lines: {@code 12_0|COMPLETED|0:0}; job steps ({@code 12_0.batch}) skipped. */
    static Map<String, BatchJobState> sacct(String stdout, Array array) {
        Map<String, BatchJobState> states = new HashMap<>();
        for (String line : stdout.lines().toList()) {
            String[] f = line.strip().split("\\|", -1);
            if (f.length == 3 && !f[0].contains(".")) {
                for (String id : taskIds(f[0], array)) {
                    states.put(id, state(id, f[1], f[2], ""));
                }
            }
        }
        return states;
    }

    /**
     * {@code sacct -c} (the job-completion file, when there is no accounting database) names jobs by their raw
     * id only ({@code 12|COMPLETED|0:0}), never by array task. Only a one-task array's task is sure to carry the
     * array's own id; for larger arrays nothing here can be attributed to a task.
     */
    static Map<String, BatchJobState> sacctCompletions(String stdout, Array array) {
        Map<String, BatchJobState> states = new HashMap<>();
        if (array.tasks() != 1) {
            return states;
        }
        for (String line : stdout.lines().toList()) {
            String[] f = line.strip().split("\\|", -1);
            if (f.length == 3 && f[0].equals(array.id())) {
                String id = array.id() + "_0";
                states.put(id, state(id, f[1], f[2], ""));
            }
        }
        return states;
    }

    /**
     * The tasks of {@code array} a printed id stands for: {@code 12_3} → [12_3]; {@code 12_[4-6,9%2]} →
     * [12_4, 12_5, 12_6, 12_9], each only if below the array's task count.
     */
    static List<String> taskIds(String printed, Array array) {
        Matcher m = TASK.matcher(printed.strip());
        if (!m.matches() || !m.group(1).equals(array.id())) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        String ranges = m.group(2) != null ? m.group(2) : m.group(3).replaceAll("%\\d*$", "");
        for (String range : ranges.split(",")) {
            String[] ends = range.split("-", -1);
            if (ends.length > 2 || !ends[0].matches("\\d{1,9}") || ends.length == 2 && !ends[1].matches("\\d{1,9}")) {
                return List.of(); // not a task range: not ours to read
            }
            int from = Integer.parseInt(ends[0]);
            int to = Math.min(ends.length == 2 ? Integer.parseInt(ends[1]) : from, array.tasks() - 1);
            for (int i = from; i <= to; i++) {
                ids.add(array.id() + "_" + i);
            }
        }
        return ids;
    }

    /**
     * A Slurm job state (as squeue {@code %T}, scontrol's JobState or sacct's State print it, e.g.
     * {@code CANCELLED by 0}) with its exit code ({@code 3:0} = exit code 3, signal 0) and reason. Every state
     * word of Slurm 22.05 ({@code job_state_string}) has a status.
     *
     * @throws BatchException for a word this does not know (e.g. of a later Slurm): such a job may well be
     *                        running, so its state is undecided, never UNKNOWN (which would let it be resubmitted)
     */
    static BatchJobState state(String id, String slurmState, String exitCode, String reason) {
        String word = slurmState.strip().split("\\s+")[0].replace("+", "");
        String why = reason.isBlank() || reason.equals("None") ? "" : reason;
        return switch (word) {
            case "PENDING", "REQUEUED", "REQUEUE_HOLD", "REQUEUE_FED", "RESV_DEL_HOLD", "SPECIAL_EXIT", "SUSPENDED", "STOPPED" ->
                    new BatchJobState(id, Status.QUEUED, OptionalInt.empty(), why.isEmpty() ? detail(word) : detail(word) + ": " + why);
            case "RUNNING", "COMPLETING", "CONFIGURING", "SIGNALING", "STAGE_OUT", "RESIZING", "POWER_UP_NODE" ->
                    BatchJobState.of(id, Status.RUNNING);
            case "COMPLETED" -> new BatchJobState(id, Status.COMPLETED, OptionalInt.of(0), "");
            case "FAILED", "NODE_FAIL", "TIMEOUT", "OUT_OF_MEMORY", "BOOT_FAIL", "DEADLINE", "PREEMPTED" -> failed(id, word, exitCode);
            case "CANCELLED", "REVOKED" -> new BatchJobState(id, Status.CANCELLED, OptionalInt.empty(), slurmState.strip());
            default -> throw new BatchException("Slurm job " + id + " is in state '" + slurmState.strip()
                    + "', a state word runops does not know; its state is undecided");
        };
    }

    private static String detail(String word) {
        return word.equals("PENDING") ? "pending" : word;
    }

    private static BatchJobState failed(String id, String word, String exitCode) {
        Matcher m = EXIT.matcher(exitCode.strip());
        if (!m.matches()) {
            return new BatchJobState(id, Status.FAILED, OptionalInt.empty(), word);
        }
        int code = Integer.parseInt(m.group(1));
        int signal = Integer.parseInt(m.group(2));
        if (signal != 0) {
            return new BatchJobState(id, Status.FAILED, OptionalInt.empty(), word + ", killed by signal " + signal);
        }
        return new BatchJobState(id, Status.FAILED, OptionalInt.of(code), word + ", exit code " + code);
    }
}
