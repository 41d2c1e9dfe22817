package org.runops.core.exec.batch;

import java.util.List;
import org.runops.core.exec.batch.internal.HtCondorBatchSystem;
import org.runops.core.exec.batch.internal.LocalBatchSystem;

/**
 * A batch system that runs one job per input of a {@link BatchSubmission} and reports each job's state.
 *
 * <pre>{@code
 * try (BatchSystem batch = BatchSystem.local(4)) {
 *     BatchSubmitted s = batch.submit(new BatchSubmission("genStatus", CommandTemplate.parse("genStatus.sh {input}"),
 *             jobsList, logDir, 512, Map.of()));
 *     List<BatchJobState> states = batch.states(s); // later, as often as needed
 * }
 * }</pre>
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
     * Submits a prepared submission: one job per input.
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
}
