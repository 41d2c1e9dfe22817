package org.runops.core.exec.batch.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.runops.core.exec.batch.BatchException;
import org.runops.core.exec.batch.BatchJobState;
import org.runops.core.exec.batch.BatchJobState.Status;
import org.runops.core.exec.batch.BatchSubmission;
import org.runops.core.exec.batch.BatchSubmitted;
import org.runops.core.exec.batch.BatchSystem;
import org.runops.core.exec.batch.BatchTools;
import org.runops.core.exec.batch.PreparedSubmission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link BatchSystem#slurm(BatchTools)}: one job array per submission, submitted with {@code sbatch --parsable
 * --array=0-<N-1>}; job ids {@code <arrayId>_<task>}; states from {@code squeue} while tasks are live, then
 * {@code scontrol show job} (until MinJobAge after they end), then {@code sacct} (or {@code sacct -c} when
 * there is no accounting database). Keeps no state of its own.
 */
public final class SlurmBatchSystem implements BatchSystem {
    private static final Logger LOG = LoggerFactory.getLogger(SlurmBatchSystem.class);
    /** What squeue and scontrol say about a job the controller no longer holds. */
    private static final String FORGOTTEN = "Invalid job id specified";
    /** What sacct says without an accounting database; {@code sacct -c} then reads the job-completion file. */
    private static final String NO_ACCOUNTING = "accounting storage is disabled";

    /** Slurm's MaxArraySize when {@code scontrol show config} cannot tell it (slurm.conf's default). */
    static final int DEFAULT_MAX_ARRAY_SIZE = 1001;

    private final ToolRunner tools;
    private final OptionalInt maxRunning;
    private final OptionalInt maxArraySize;

    public SlurmBatchSystem(BatchTools tools, OptionalInt maxRunning) {
        this(tools, maxRunning, OptionalInt.empty());
    }

    /**
     * @param maxArraySize the controller's MaxArraySize; empty: read from {@code scontrol show config} at each
     *                     prepare ({@value #DEFAULT_MAX_ARRAY_SIZE} when that cannot be read)
     */
    public SlurmBatchSystem(BatchTools tools, OptionalInt maxRunning, OptionalInt maxArraySize) {
        if (maxRunning.isPresent() && maxRunning.getAsInt() < 1) {
            throw new IllegalArgumentException("maxRunning must be at least 1, got " + maxRunning.getAsInt());
        }
        if (maxArraySize.isPresent() && maxArraySize.getAsInt() < 1) {
            throw new IllegalArgumentException("maxArraySize must be at least 1, got " + maxArraySize.getAsInt());
        }
        this.tools = new ToolRunner(tools);
        this.maxRunning = maxRunning;
        this.maxArraySize = maxArraySize;
    }

    @Override
    public String name() {
        return "slurm";
    }

    /**
     * Writes {@code jobs.list} and the wrapper {@code <name>.sbatch}; the command is {@code sbatch --parsable --array=...}.
     *
     * @throws BatchException before writing anything when the submission has more inputs than one array may
     *                        hold (MaxArraySize: task indexes 0 to MaxArraySize-1), which sbatch would refuse
     */
    @Override
    public PreparedSubmission prepare(BatchSubmission submission) {
        int limit = maxArraySize.orElseGet(this::configuredMaxArraySize);
        if (submission.inputs().size() > limit) {
            throw new BatchException("submission '" + submission.name() + "' has " + submission.inputs().size()
                    + " inputs but a Slurm array holds at most MaxArraySize = " + limit + " tasks (indexes 0 to "
                    + (limit - 1) + "); submit the inputs in parts of at most " + limit);
        }
        List<String> command = tools.argv("sbatch", SlurmScripts.sbatchArguments(submission, maxRunning));
        String wrapper = SlurmScripts.wrapper(submission);
        Path jobsList = SubmissionFiles.writeJobsList(submission);
        Path script = SubmissionFiles.write(submission, submission.workDirectory().resolve(submission.name() + ".sbatch"), wrapper);
        return new PreparedSubmission(submission, List.of(jobsList, script), command);
    }

    @Override
    public BatchSubmitted submit(PreparedSubmission prepared) {
        BatchSubmission s = prepared.submission();
        String arrayId = SlurmOutput.parsable(tools.run(prepared.command(), s.workDirectory()));
        List<String> ids = IntStream.range(0, s.inputs().size()).mapToObj(i -> arrayId + "_" + i).toList();
        LOG.info("submitted '{}' as Slurm array job {}: {} task(s), logs in {}", s.name(), arrayId, ids.size(), s.logDirectory());
        return new BatchSubmitted(name(), arrayId, ids);
    }

    /**
     * Asks squeue, then scontrol, then sacct, each only for the tasks the ones before did not know; a task
     * none knows is UNKNOWN.
     *
     * @throws BatchException when a call fails for another reason than not knowing the job, or prints a state
     *                        word that is not Slurm 22.05's: the states are then undecided, not UNKNOWN
     */
    @Override
    public List<BatchJobState> states(BatchSubmitted submitted) {
        if (!name().equals(submitted.system())) {
            throw new IllegalArgumentException("submission " + submitted.system() + ":" + submitted.clusterId()
                    + " was not made by Slurm");
        }
        String arrayId = submitted.clusterId();
        SlurmOutput.Array array = new SlurmOutput.Array(arrayId, submitted.jobIds().size());
        Map<String, BatchJobState> known = new HashMap<>(
                controller("squeue", List.of("-h", "-j", arrayId, "-r", "-o", "%i|%T|%r"), array, SlurmOutput::squeue));
        String unknownWhy = "squeue and scontrol no longer know it (Slurm forgets a job MinJobAge after it ends)";
        if (!known.keySet().containsAll(submitted.jobIds())) {
            controller("scontrol", List.of("show", "job", arrayId), array, SlurmOutput::scontrol).forEach(known::putIfAbsent);
        }
        if (!known.keySet().containsAll(submitted.jobIds())) {
            ToolRunner.Output acct = tools.run(tools.argv("sacct", List.of("-j", arrayId, "-P", "-n", "--format=JobID,State,ExitCode")));
            if (acct.exitCode() == 0) {
                read(acct, array, SlurmOutput::sacct).forEach(known::putIfAbsent);
                unknownWhy += " and sacct has no record of it";
            } else if (acct.stderr().contains(NO_ACCOUNTING)) {
                ToolRunner.Output completions = tools.run(tools.argv("sacct", List.of("-c", "-j", arrayId, "-P", "-n",
                        "--format=JobID,State,ExitCode")));
                read(completions.requireSuccess(), array, SlurmOutput::sacctCompletions).forEach(known::putIfAbsent);
                unknownWhy += ", and without an accounting database sacct -c cannot tell array tasks apart";
            } else {
                acct.requireSuccess();
            }
        }
        List<BatchJobState> states = new ArrayList<>(submitted.jobIds().size());
        for (String id : submitted.jobIds()) {
            String why = "Slurm array task " + id + ": " + unknownWhy;
            states.add(known.getOrDefault(id, new BatchJobState(id, Status.UNKNOWN, OptionalInt.empty(), why)));
        }
        return states;
    }

    /** The states a squeue/scontrol call printed; none when the controller does not know the job (any more). */
    private Map<String, BatchJobState> controller(String tool, List<String> args, SlurmOutput.Array array, Listing listing) {
        ToolRunner.Output out = tools.run(tools.argv(tool, args));
        if (out.exitCode() != 0 && out.stderr().contains(FORGOTTEN)) {
            return Map.of();
        }
        return read(out.requireSuccess(), array, listing);
    }

    /** The states in a listing; a state that cannot be read fails the whole query, naming its command. */
    private static Map<String, BatchJobState> read(ToolRunner.Output out, SlurmOutput.Array array, Listing listing) {
        try {
            return listing.states(out.stdout(), array);
        } catch (BatchException e) {
            throw new BatchException(out.describe() + ": " + e.getMessage(), e);
        }
    }

    /** One of the {@link SlurmOutput} readers. */
    private interface Listing {
        Map<String, BatchJobState> states(String stdout, SlurmOutput.Array array);
    }

    /** MaxArraySize from {@code scontrol show config}; the default when the call fails or does not say. */
    private int configuredMaxArraySize() {
        try {
            ToolRunner.Output out = tools.run(tools.argv("scontrol", List.of("show", "config"))).requireSuccess();
            OptionalInt size = SlurmOutput.maxArraySize(out.stdout());
            if (size.isPresent()) {
                return size.getAsInt();
            }
            LOG.warn("{} printed no MaxArraySize; assuming {}", out.describe(), DEFAULT_MAX_ARRAY_SIZE);
        } catch (BatchException e) {
            LOG.warn("cannot read Slurm's MaxArraySize, assuming {}: {}", DEFAULT_MAX_ARRAY_SIZE, e.getMessage());
        }
        return DEFAULT_MAX_ARRAY_SIZE;
    }

    /** Holds nothing: submitted arrays stay in Slurm's hands. */
    @Override
    public void close() {
        // nothing to release
    }
}
