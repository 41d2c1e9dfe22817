package org.runops.core.exec.batch.internal;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.runops.core.exec.ExecException;
import org.runops.core.exec.NamedThreads;
import org.runops.core.exec.ProcessResult;
import org.runops.core.exec.ProcessRunner;
import org.runops.core.exec.ProcessSpec;
import org.runops.core.exec.StopSignal;
import org.runops.core.exec.batch.BatchJobState;
import org.runops.core.exec.batch.BatchJobState.Status;
import org.runops.core.exec.batch.BatchSubmission;
import org.runops.core.exec.batch.BatchSubmitted;
import org.runops.core.exec.batch.BatchSystem;
import org.runops.core.exec.batch.PreparedSubmission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link BatchSystem#local(int)}: each job is a {@link ProcessRunner} run on one of {@code parallelism}
 * named daemon threads. States live in memory: a new instance knows no earlier cluster. Cluster ids are
 * {@code <pid>-<JVM start millis>-<n>}, unique across instances and processes.
 */
public final class LocalBatchSystem implements BatchSystem {
    private static final Logger LOG = LoggerFactory.getLogger(LocalBatchSystem.class);
    /** The longest a local job may run before its process tree is stopped and it is FAILED. */
    static final Duration WALL_TIME = Duration.ofDays(7);
    private static final Duration GRACE = Duration.ofSeconds(2);
    private static final Duration CLOSE_WAIT = GRACE.plusSeconds(10);
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    /**
     * This JVM's pid and start time, the prefix of its cluster ids: a submission store keys attempts by
     * {@code local:<clusterId>}, so another process (or a later run of this one) must never reuse one.
     */
    private static final String PROCESS = ProcessHandle.current().pid() + "-" + ManagementFactory.getRuntimeMXBean().getStartTime();
    private static final AtomicLong CLUSTERS = new AtomicLong();

    private final ExecutorService executor;
    private final ProcessRunner runner = ProcessRunner.create().withGracePeriod(GRACE);
    private final Map<String, BatchJobState> states = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public LocalBatchSystem(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
        executor = Executors.newFixedThreadPool(parallelism, NamedThreads.daemon("runops-batch-local-" + INSTANCES.incrementAndGet()));
    }

    @Override
    public String name() {
        return "local";
    }

    /** Writes {@code jobs.list}; the command is empty: the jobs run in this JVM's threads. */
    @Override
    public PreparedSubmission prepare(BatchSubmission submission) {
        return new PreparedSubmission(submission, List.of(SubmissionFiles.writeJobsList(submission)), List.of());
    }

    @Override
    public BatchSubmitted submit(PreparedSubmission prepared) {
        BatchSubmission submission = prepared.submission();
        if (closed) {
            throw new IllegalStateException("local batch system is closed; cannot submit '" + submission.name() + "'");
        }
        String cluster = PROCESS + "-" + CLUSTERS.incrementAndGet();
        List<String> ids = new ArrayList<>(submission.inputs().size());
        for (int i = 0; i < submission.inputs().size(); i++) {
            String id = cluster + "." + i;
            ids.add(id);
            states.put(id, BatchJobState.of(id, Status.QUEUED));
        }
        for (int i = 0; i < ids.size(); i++) {
            int index = i;
            try {
                executor.execute(() -> run(submission, index, ids.get(index)));
            } catch (RejectedExecutionException e) { // closed meanwhile
                ids.subList(i, ids.size()).forEach(id -> states.put(id, cancelled(id, "batch system closed before it started")));
                break;
            }
        }
        LOG.info("submitted '{}' as local cluster {}: {} job(s), logs in {}", submission.name(), cluster, ids.size(),
                submission.logDirectory());
        return new BatchSubmitted(name(), cluster, ids);
    }

    private void run(BatchSubmission submission, int index, String id) {
        if (closed) {
            states.put(id, cancelled(id, "batch system closed before it started"));
            return;
        }
        states.put(id, BatchJobState.of(id, Status.RUNNING));
        ProcessSpec spec = ProcessSpec.of(submission.commandOf(index), submission.logDirectory(), WALL_TIME,
                submission.stdoutOf(id));
        BatchJobState end;
        try {
            ProcessResult r = runner.run(spec, submission.stderrOf(id));
            if (r.timedOut()) {
                end = new BatchJobState(id, Status.FAILED, OptionalInt.of(r.exitCode()), "killed after the local wall time of " + WALL_TIME);
            } else if (r.exitCode() == 0) {
                end = new BatchJobState(id, Status.COMPLETED, OptionalInt.of(0), "");
            } else {
                end = new BatchJobState(id, Status.FAILED, OptionalInt.of(r.exitCode()), "exit code " + r.exitCode());
            }
        } catch (ExecException e) {
            end = Thread.currentThread().isInterrupted()
                    ? cancelled(id, "stopped by close() of the local batch system")
                    : new BatchJobState(id, Status.FAILED, OptionalInt.empty(), e.getMessage());
        } catch (RuntimeException e) { // e.g. the log file cannot be written: the job failed, say why
            end = new BatchJobState(id, Status.FAILED, OptionalInt.empty(), StopSignal.describe(e));
        }
        states.put(id, end);
        LOG.debug("local job {} of '{}': {}", id, submission.name(), end);
    }

    @Override
    public List<BatchJobState> states(BatchSubmitted submitted) {
        if (!name().equals(submitted.system())) {
            throw new IllegalArgumentException("submission " + submitted.system() + ":" + submitted.clusterId()
                    + " was not made by the local batch system");
        }
        return submitted.jobIds().stream()
                .map(id -> states.getOrDefault(id, new BatchJobState(id, Status.UNKNOWN, OptionalInt.empty(),
                        "not submitted to this local batch system")))
                .toList();
    }

    /**
     * Cancels queued jobs, stops running ones (TERM to each process tree, KILL after a grace period)
     * and waits a bounded time for that.
     */
    @Override
    public void close() {
        closed = true;
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("local batch jobs still stopping {} after close()", CLOSE_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        states.replaceAll((id, s) -> s.status() == Status.QUEUED ? cancelled(id, "batch system closed before it started") : s);
    }

    private static BatchJobState cancelled(String id, String why) {
        return new BatchJobState(id, Status.CANCELLED, OptionalInt.empty(), why);
    }
}
