package org.runops.core.exec.batch;

import java.util.List;
import java.util.OptionalInt;
import org.runops.core.exec.batch.internal.HtCondorBatchSystem;
import org.runops.core.exec.batch.internal.LocalBatchSystem;
import org.runops.core.exec.batch.internal.SlurmBatchSystem;

/**
 * A batch system that runs one job per input of a {@link BatchSubmission} and reports each job's state:
 * {@link #local(int)} (processes on this machine), {@link #htcondor(BatchTools)} and {@link #slurm(BatchTools)}
 * (through their command-line tools). Submitting is two steps, so a dry run can show exactly what would be
 * submitted: {@link #prepare} writes the files, {@link #submit(PreparedSubmission)} runs the command.
 *
 * <pre>{@code
 * try (BatchSystem batch = BatchSystem.htcondor(BatchTools.onPath())) {
 *     PreparedSubmission p = batch.prepare(new BatchSubmission("genStatus",
 *             CommandTemplate.parse("genStatus.sh " + bin + " {input} " + out), lists, logDir, workDir, 512, Map.of()));
 *     log.info("Submission Command: {}", p.commandLine());   // a dry run stops here
 *     BatchSubmitted s = batch.submit(p);                    // keep it (e.g. in a state store)
 *     List<BatchJobState> states = batch.states(s);          // later, as often as needed, from any process
 * }
 * }</pre>
 *
 * <p>Where a job starts differs: the log directory (local), the work directory (Slurm, {@code --chdir}),
 * HTCondor's own choice (the submit directory, or a scratch directory when files are transferred). Each
 * system reads the attributes meant for it: HTCondor the submit keys ({@code batch_name}, {@code +JobFlavour}),
 * Slurm the {@code --options}; local none.
 */
public interface BatchSystem extends AutoCloseable {

    /** This system's name, as in {@link BatchSubmitted#system()}. */
    String name();

    /**
     * Writes everything the system needs to submit into the submission's work directory, each file
     * atomically: always the input list {@value BatchSubmission#JOBS_LIST} (one input per line, in job order),
     * plus the system's own files. Submits nothing: a dry run logs {@link PreparedSubmission#commandLine()}.
     * Creates the work and log directories.
     *
     * @throws BatchException when a file cannot be written (naming it and the submission)
     */
    PreparedSubmission prepare(BatchSubmission submission);

    /**
     * Submits what this system's {@link #prepare} wrote: one job per input.
     *
     * @throws BatchException when the submission cannot be made (naming it, the command and why)
     */
    BatchSubmitted submit(PreparedSubmission prepared);

    /** Prepares and submits: {@code submit(prepare(submission))}. */
    default BatchSubmitted submit(BatchSubmission submission) {
        return submit(prepare(submission));
    }

    /**
     * The current state of each job of {@code submitted}, in job order.
     *
     * @throws IllegalArgumentException when {@code submitted} was made by another system
     */
    List<BatchJobState> states(BatchSubmitted submitted);

    /** Releases what the system holds; for {@link #local(int)}, stops the running jobs. */
    @Override
    void close();

    /**
     * Runs the jobs as processes on this machine, at most {@code parallelism} at once, each in the log
     * directory as working directory; the memory request and extra attributes are not enforced.
     * {@link #prepare} writes only the input list and gives an empty command (the jobs run in this JVM's
     * threads). {@link #close()} stops running jobs (their process trees) and cancels queued ones.
     */
    static BatchSystem local(int parallelism) {
        return new LocalBatchSystem(parallelism);
    }

    /**
     * Submits to HTCondor through its command-line tools, one cluster per submission. {@link #prepare} writes
     * {@code jobs.list} and the submit description {@code <name>.sub} (runProd.py's layout: {@code arguments}
     * with {@code {input}} as {@code $(input_run)}, {@code executable} = the command's first word, which
     * HTCondor resolves against the work directory, not the {@code PATH}; {@code log} =
     * {@code <logDirectory>/<name>-$(ClusterId)-$(Process).log}, {@code output}/{@code error} as {@link
     * BatchSubmission#stdoutOf}/{@link BatchSubmission#stderrOf}, {@code request_memory}, then every
     * attribute whose key is a submit key ({@code batch_name}, {@code +JobFlavour}; values verbatim, so a
     * ClassAd string needs its double quotes); no {@code queue} line). The command, run in the work
     * directory, is {@code condor_submit <name>.sub -queue "input_run from jobs.list"}; job ids are
     * {@code <cluster>.<proc>}. States come from {@code condor_q -json}, then {@code condor_history -json};
     * a held job is QUEUED with its hold reason as detail (it may be released, so it is not final).
     * Inputs must hold no whitespace or quotes (they are queue items).
     */
    static BatchSystem htcondor(BatchTools tools) {
        return new HtCondorBatchSystem(tools);
    }

    /**
     * Submits to Slurm through its command-line tools, one job array per submission. {@link #prepare} writes
     * {@code jobs.list} and a bash wrapper {@code <name>.sbatch} that runs the command on line {@code
     * SLURM_ARRAY_TASK_ID+1} of the list (exit code 2, saying so on stderr, when that line is missing). The
     * command, run in the work directory, is {@code sbatch --parsable --array=0-<N-1> --job-name=<name> -o
     * <logDirectory>/<name>.%A_%a.out -e <logDirectory>/<name>.%A_%a.err --mem=<M>M --chdir=<workDirectory>
     * [--key=value ...] <name>.sbatch}, the options being the attributes whose key starts with {@code --}
     * (e.g. {@code --partition}); jobs start in the work directory. Job ids are {@code <arrayId>_<task>}.
     * States come from {@code squeue} while tasks are live, then {@code scontrol show job} (which forgets a
     * job MinJobAge after it ends), then {@code sacct}; without an accounting database {@code sacct -c}
     * names no array tasks, so a forgotten task of a larger array is UNKNOWN. A submission of more inputs
     * than the controller's MaxArraySize ({@code scontrol show config}; 1001 when unreadable) is refused by
     * {@link #prepare} before anything is written.
     */
    static BatchSystem slurm(BatchTools tools) {
        return new SlurmBatchSystem(tools, OptionalInt.empty());
    }

    /** As {@link #slurm(BatchTools)}, at most {@code maxRunning} tasks of an array at once ({@code --array=0-<N-1>%<maxRunning>}). */
    static BatchSystem slurm(BatchTools tools, int maxRunning) {
        return new SlurmBatchSystem(tools, OptionalInt.of(maxRunning));
    }
}
