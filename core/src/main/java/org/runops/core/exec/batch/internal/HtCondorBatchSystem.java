package org.runops.core.exec.batch.internal;

import java.util.ArrayList;
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
 * {@link BatchSystem#htcondor(BatchTools)}: one cluster per submission, submitted with {@code condor_submit
 * <name>.sub -queue "input_run from jobs.list"}; job ids {@code <cluster>.<proc>}; states from {@code condor_q
 * -json} and, for jobs that left the queue, {@code condor_history -json -match <jobs>} (which stops after that
 * many ads rather than scanning the whole history). Keeps no state of its own.
 */
public final class HtCondorBatchSystem implements BatchSystem {
    private static final Logger LOG = LoggerFactory.getLogger(HtCondorBatchSystem.class);
    /** The job-ad attributes the states are read from. */
    private static final String ATTRIBUTES = "ClusterId,ProcId,JobStatus,ExitCode,ExitBySignal,ExitSignal,HoldReason,RemoveReason";

    private final ToolRunner tools;

    public HtCondorBatchSystem(BatchTools tools) {
        this.tools = new ToolRunner(tools);
    }

    @Override
    public String name() {
        return "htcondor";
    }

    /** Writes {@code jobs.list} and {@code <name>.sub}; the command is {@code condor_submit <name>.sub -queue "input_run from jobs.list"}. */
    @Override
    public PreparedSubmission prepare(BatchSubmission submission) {
        String description = HtCondorSubmitFile.render(submission);
        var jobsList = SubmissionFiles.writeJobsList(submission);
        String subFile = submission.name() + ".sub";
        var sub = SubmissionFiles.write(submission, submission.workDirectory().resolve(subFile), description);
        List<String> command = tools.argv("condor_submit", List.of(subFile, "-queue",
                HtCondorSubmitFile.ITEM + " from " + BatchSubmission.JOBS_LIST));
        return new PreparedSubmission(submission, List.of(jobsList, sub), command);
    }

    @Override
    public BatchSubmitted submit(PreparedSubmission prepared) {
        BatchSubmission s = prepared.submission();
        ToolRunner.Output out = tools.run(prepared.command(), s.workDirectory());
        HtCondorOutput.Submitted submitted = HtCondorOutput.submitted(out);
        if (submitted.jobs() != s.inputs().size()) {
            throw new BatchException(out.describe() + " submitted " + submitted.jobs() + " job(s) to cluster "
                    + submitted.cluster() + " for the " + s.inputs().size() + " inputs of '" + s.name()
                    + "'; check " + s.jobsList() + " and remove the cluster (condor_rm " + submitted.cluster() + ")");
        }
        List<String> ids = IntStream.range(0, submitted.jobs()).mapToObj(i -> submitted.cluster() + "." + i).toList();
        LOG.info("submitted '{}' as HTCondor cluster {}: {} job(s), logs in {}", s.name(), submitted.cluster(), ids.size(),
                s.logDirectory());
        return new BatchSubmitted(name(), submitted.cluster(), ids);
    }

    /**
     * Asks condor_q, then condor_history for the jobs not in the queue; a job neither knows is UNKNOWN.
     *
     * @throws BatchException when either call fails or prints something unreadable: the states are then
     *                        undecided, not UNKNOWN
     */
    @Override
    public List<BatchJobState> states(BatchSubmitted submitted) {
        if (!name().equals(submitted.system())) {
            throw new IllegalArgumentException("submission " + submitted.system() + ":" + submitted.clusterId()
                    + " was not made by HTCondor");
        }
        String cluster = submitted.clusterId();
        Map<String, BatchJobState> known = query("condor_q", List.of(cluster));
        if (!known.keySet().containsAll(submitted.jobIds())) {
            // -match: stop after the cluster's own jobs instead of reading a busy schedd's whole history
            query("condor_history", List.of("-match", Integer.toString(submitted.jobIds().size()), cluster))
                    .forEach(known::putIfAbsent);
        }
        List<BatchJobState> states = new ArrayList<>(submitted.jobIds().size());
        for (String id : submitted.jobIds()) {
            states.add(known.getOrDefault(id, new BatchJobState(id, Status.UNKNOWN, OptionalInt.empty(),
                    "neither condor_q nor condor_history knows HTCondor job " + id)));
        }
        return states;
    }

    private Map<String, BatchJobState> query(String tool, List<String> selection) {
        List<String> args = new ArrayList<>(List.of("-json", "-attributes", ATTRIBUTES));
        args.addAll(selection);
        return HtCondorOutput.jobStates(tools.run(tools.argv(tool, args)).requireSuccess());
    }

    /** Holds nothing: submitted clusters stay in HTCondor's hands. */
    @Override
    public void close() {
        // nothing to release
    }
}
