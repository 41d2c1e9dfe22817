package org.runops.strip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import org.runops.core.RunopsException;
import org.runops.core.events.Verdict;
import org.runops.core.exec.CommandTemplate;
import org.runops.core.exec.ProcessResult;
import org.runops.core.exec.ProcessRunner;
import org.runops.core.exec.ProcessSpec;
import org.runops.core.ledger.LeaseInfo;
import org.runops.core.ledger.LeaseKeeper;
import org.runops.core.ledger.LeaseLostException;
import org.runops.core.ledger.HistoryRecord;
import org.runops.core.ledger.RunLeases;
import org.runops.core.ledger.RunLedger;
import org.runops.core.run.RunCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass of the commissioning job: list run directories ({@link RunCatalog#fff}), drop runs the ledgers hold, ask the RUN
 * database about the rest in one batched query, then per run decide, act (analyse under a run lease),
 * validate and record — in the ledgers (byte-compatible with the original) and in {@code history.jsonl}.
 * A database that is down stops the pass before anything is written; a bad file or row fails only
 * its run, which is looked at again next pass.
 */
public final class StripPass {
    private static final Logger LOG = LoggerFactory.getLogger(StripPass.class);

    private final StripConfig config;
    private final RunDatabase database;
    private final Clock clock;
    private final ProcessRunner runner;
    private final StorageArea storage;
    private final RunCatalog runFolders;
    private final OutputValidator validator;
    private final DecisionPolicy policy;
    private final CommandTemplate command;

    public StripPass(StripConfig config, RunDatabase database, Clock clock, ProcessRunner runner) {
        this(config, database, clock, runner, OutputValidator::new);
    }

    /** The seam under the public constructor: tests validate through a validator that watches the files change. */
    StripPass(StripConfig config, RunDatabase database, Clock clock, ProcessRunner runner,
            Function<StorageArea, OutputValidator> validator) {
        this.config = config;
        this.database = database;
        this.clock = clock;
        this.runner = runner;
        this.storage = new StorageArea(config.storageRoot(), config.dataDirectory());
        this.runFolders = RunCatalog.fff(config.storageRoot());
        this.validator = validator.apply(storage);
        this.policy = config.policy();
        this.command = CommandTemplate.parse(config.analysisCommand());
        try {
            command.expand(Map.of("run", "0", "partition", "TI")); // a placeholder nobody fills fails now, not at the first analysis
        } catch (IllegalArgumentException e) {
            throw new StripConfigException("analysis.command: " + e.getMessage(), e);
        }
    }

    /** The settings this pass runs with. */
    public StripConfig config() {
        return config;
    }

    /** The clock its decisions and records use. */
    public Clock clock() {
        return clock;
    }

    /**
     * Runs this host's leases renewed by a live analysis whose starter process is gone (a killed daemon's
     * orphans): each is logged; none is started again, and the first pass after it ends records its run.
     */
    public List<LeaseInfo> orphans() {
        long self = ProcessHandle.current().pid();
        RunLeases leases = StripLedgers.leases(config.ledgerDirectory(), config.host(), self, config.leaseTtl(), clock);
        List<LeaseInfo> orphans = leases.held().stream()
                .filter(l -> l.host().equals(config.host()) && l.pid() != self && !leases.isStale(l)
                        && ProcessHandle.of(l.pid()).map(h -> !h.isAlive()).orElse(true))
                .toList();
        for (LeaseInfo o : orphans) {
            LOG.warn("run {}: orphaned analysis: started by pid {} (gone) at {}, still running (lease renewed at {}); not started again",
                    o.run(), o.pid(), o.started(), o.heartbeat());
        }
        return orphans;
    }

    /**
     * Runs one pass.
     *
     * @param dryRun decide and report, but analyse, delete and record nothing
     * @throws RunDatabaseException when the RUN database cannot be queried (nothing was recorded)
     */
    public PassReport run(boolean dryRun) {
        return run(dryRun, () -> false);
    }

    /**
     * Runs one pass, checking {@code stopRequested} between runs. An interrupt (SIGTERM in daemon mode)
     * stops the running analysis, records that run as an error (looked at again next pass) and ends the
     * pass; the interrupt flag is set again on return.
     */
    public PassReport run(boolean dryRun, java.util.function.BooleanSupplier stopRequested) {
        try (StripLedgers ledgers = StripLedgers.open(config.ledgerDirectory())) {
            return run(ledgers, dryRun, stopRequested);
        }
    }

    private PassReport run(StripLedgers ledgers, boolean dryRun, java.util.function.BooleanSupplier stopRequested) {
        RunLedger good = ledgers.good();
        RunLedger failed = ledgers.failed();
        RunLedger ignored = ledgers.ignored();
        RunLeases leases = StripLedgers.leases(config.ledgerDirectory(), config.host(), ProcessHandle.current().pid(), config.leaseTtl(), clock);
        if (!dryRun) {
            ledgers.reconcile(leases, clock.instant()); // what a crashed pass left, before deciding anything
        }
        Set<Long> candidates = new TreeSet<>(runFolders.runNumbers(1, Long.MAX_VALUE));
        candidates.removeAll(good.runs());
        candidates.removeAll(failed.runs());
        candidates.removeAll(ignored.runs());
        if (candidates.isEmpty()) {
            return new PassReport(0, List.of());
        }
        Map<Long, List<RunRow>> rows = database.runs(candidates);
        Map<Long, List<AnalysisRow>> analyses = database.analyses(candidates);
        Context context = new Context(ledgers, dryRun, leases);
        List<PassReport.RunResult> results = new ArrayList<>();
        boolean interrupted = false;
        for (long run : candidates) {
            if (interrupted || Thread.currentThread().isInterrupted() || stopRequested.getAsBoolean()) {
                LOG.info("stopping the pass before run {}; the remaining runs are looked at next pass", run);
                break;
            }
            try {
                results.add(process(context, run, rows.getOrDefault(run, List.of()), analyses.getOrDefault(run, List.of()), 1));
            } catch (RunDatabaseException | StripConfigException e) {
                throw e;
            } catch (RunopsException | UncheckedIOException e) {
                // Clear the interrupt first: the bookkeeping below writes files.
                interrupted = Thread.interrupted();
                LOG.error("run {}: {}", run, e.getMessage());
                context.history(RunDecision.ERROR, run, "ERROR: " + e.getMessage() + " (looked at again next pass)", Map.of(), Map.of());
                results.add(new PassReport.RunResult(run, RunDecision.ERROR, e.getMessage()));
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return new PassReport(candidates.size(), results);
    }

    private PassReport.RunResult process(Context c, long run, List<RunRow> rows, List<AnalysisRow> analyses, int attempt) {
        List<String> names = rows.stream().map(RunRow::partitionName).distinct().toList();
        RunFacts facts = new RunFacts(run, rows, storage.isZeroEventRun(run), storage.locks(run, names));
        Decision decision = policy.decide(facts, LocalDateTime.now(clock.withZone(config.databaseZone())));
        switch (decision.action()) {
            case SKIP:
                return c.record(run, RunDecision.SKIP, decision.explain(), Map.of(), Map.of());
            case IGNORE:
                return c.commit(c.ledgers.ignored(), run, List.of(), RunDecision.IGNORED, decision.explain(), Map.of(), Map.of(), Optional.empty());
            case RECORD_GOOD:
                return c.commit(c.ledgers.good(), run, List.of(), RunDecision.GOOD, decision.explain(), Map.of(), Map.of(), Optional.empty());
            default:
                break;
        }
        if (c.dryRun) {
            Validation existing = validate(run, decision, analyses);
            Outcome outcome = policy.needsAnalysis(decision, existing);
            return c.record(run, RunDecision.DRY_RUN, outcome.reason() + ": " + outcome.detail(), checks(existing), Map.of());
        }
        Optional<RunLeases.RunLease> lease = c.leases.tryAcquire(run);
        if (lease.isEmpty()) {
            String holder = c.leases.holder(run).map(h -> h.host() + " pid " + h.pid()).orElse("another process");
            return c.record(run, RunDecision.SKIP, "LEASED: run is being processed by " + holder, Map.of(), Map.of());
        }
        // Renewed from a thread of its own: a pass stuck in a slow database call keeps its run.
        RunLeases.RunLease held = lease.get().keepAlive(renewal());
        CrashPoints.reached("lease-taken");
        try {
            // Another process may have finished this run (and released its lease) since this pass listed its candidates.
            Optional<Path> recordedIn = c.ledgers.recordedIn(run);
            if (recordedIn.isPresent()) {
                return new PassReport.RunResult(run, RunDecision.SKIP, "ALREADY_RECORDED: in " + recordedIn.get().getFileName()
                        + " by another process while this pass ran");
            }
            return analyseAndJudge(c, run, decision, analyses, attempt, held);
        } catch (LeaseLostException e) {
            // Someone else works on the run now: its outputs and its record are theirs.
            String to = c.leases.holder(run).map(h -> h.host() + " pid " + h.pid() + " (generation " + h.generation() + ")")
                    .orElse("nobody (released)");
            String why = "lease lost to " + to + " while this process (generation " + held.info().generation()
                    + ") worked on the run; nothing recorded, nothing deleted";
            LOG.warn("run {}: {} ({})", run, why, e.getMessage());
            return new PassReport.RunResult(run, RunDecision.SKIP, "LEASE_LOST: " + why);
        } finally {
            CrashPoints.reached("committed");
            // An interrupted analysis must still release its lease: clear the flag around the file work.
            boolean interrupted = Thread.interrupted();
            try {
                held.close();
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private PassReport.RunResult analyseAndJudge(Context c, long run, Decision decision, List<AnalysisRow> analyses, int attempt,
            RunLeases.RunLease lease) {
        Map<String, Long> durations = new LinkedHashMap<>();
        Validation existing = cleanUp(run, decision, validate(run, decision, analyses), analyses, "before analysis", lease);
        Outcome before = policy.needsAnalysis(decision, existing);
        if (before.verdict() == Outcome.Verdict.RETRY_LATER) {
            return c.record(run, RunDecision.RETRY_LATER, later(before), checks(existing), durations);
        }
        Validation validation = existing;
        if (before.verdict() == Outcome.Verdict.ANALYSE) {
            for (String partition : decision.partitions()) {
                ProcessResult result = analyse(run, partition, attempt, lease);
                durations.merge("analysis", result.duration().toMillis(), Long::sum);
                if (result.exitCode() == LeaseKeeper.LEASE_LOST || !lease.isOwned()) {
                    // Its keeper found the lease gone, or it went while the analysis ran: validate nothing, delete nothing.
                    throw new LeaseLostException("the lease on run " + run + " was lost during the analysis of " + partition
                            + " (exit " + result.exitCode() + ")");
                }
            }
            CrashPoints.reached("analysis-done");
            List<AnalysisRow> fresh = query(c, run, durations, () -> database.analyses(List.of(run)).getOrDefault(run, List.of()));
            validation = cleanUp(run, decision, validate(run, decision, fresh), fresh, "after analysis", lease);
        }
        Outcome outcome = policy.judge(decision, validation, attempt);
        String why = outcome.reason() + ": " + outcome.detail();
        switch (outcome.verdict()) {
            case GOOD:
                return c.commit(c.ledgers.good(), run, List.of(), RunDecision.GOOD, why, checks(validation), durations, Optional.of(lease));
            case RETRY_LATER:
                return c.record(run, RunDecision.RETRY_LATER, later(outcome), checks(validation), durations);
            case RETRY:
                c.record(run, RunDecision.RETRY, why, checks(validation), durations);
                CrashPoints.reached("retry-recorded");
                // As the original: the second attempt starts from scratch, with fresh DB rows.
                List<RunRow> rows = query(c, run, durations, () -> database.runs(List.of(run)).getOrDefault(run, List.of()));
                return processAgain(c, run, rows, attempt, lease);
            default:
                return c.commit(c.ledgers.failed(), run,
                        List.of(py(decision.timeValid()), py(validation.hasEdm()), py(validation.hasComm()), py(validation.dbValid())),
                        RunDecision.FAILED, why, checks(validation), durations, Optional.of(lease));
        }
    }

    private static String later(Outcome outcome) {
        return outcome.reason() + ": " + outcome.detail() + "; " + RunDecision.RETRY_LATER.consequence();
    }

    /**
     * A database query in the middle of a run's processing. When the database is unreachable the run is
     * recorded as "retry later" in the history, then the pass stops as it does for a database down at its start.
     */
    private <T> T query(Context c, long run, Map<String, Long> durations, Supplier<T> query) {
        try {
            return query.get();
        } catch (RunDatabaseException e) {
            c.record(run, RunDecision.RETRY_LATER, Reason.DATABASE_UNREACHABLE + ": " + e.getMessage() + "; "
                    + RunDecision.RETRY_LATER.consequence(), Map.of(), durations);
            throw e;
        }
    }

    private PassReport.RunResult processAgain(Context c, long run, List<RunRow> rows, int attempt, RunLeases.RunLease lease) {
        List<String> names = rows.stream().map(RunRow::partitionName).distinct().toList();
        RunFacts facts = new RunFacts(run, rows, storage.isZeroEventRun(run), storage.locks(run, names));
        Decision decision = policy.decide(facts, LocalDateTime.now(clock.withZone(config.databaseZone())));
        if (decision.action() != Decision.Action.PROCEED) {
            // As the original: a second attempt stopped by rows 1-9 writes no ledger line.
            return c.record(run, RunDecision.SKIP, decision.explain() + " (on the second attempt; nothing recorded)", Map.of(), Map.of());
        }
        List<AnalysisRow> analyses = query(c, run, Map.of(), () -> database.analyses(List.of(run)).getOrDefault(run, List.of()));
        return analyseAndJudge(c, run, decision, analyses, attempt + 1, lease);
    }

    /** How often a lease is renewed: three renewals per TTL, so one late renewal does not lose the run. */
    private Duration renewal() {
        return config.leaseTtl().dividedBy(3);
    }

    /**
     * Scope runs: every partition's outputs must be valid; otherwise the run's. One partition that could
     * not be checked makes the whole check indeterminate.
     */
    private Validation validate(long run, Decision decision, List<AnalysisRow> analyses) {
        if (decision.mode() != RunMode.SCOPE) {
            return validator.validate(run, Optional.empty(), analyses);
        }
        Validation deciding = null;
        boolean hasComm = true;
        boolean dbValid = true;
        for (String partition : decision.partitions()) {
            Validation v = validator.validate(run, Optional.of(partition), analyses);
            hasComm &= v.hasComm();
            dbValid &= v.dbValid();
            boolean worse = v.indeterminate() || (deciding != null && deciding.hasEdm() && !v.hasEdm());
            if (deciding == null || (worse && !deciding.indeterminate())) {
                deciding = v;
            }
        }
        return new Validation(deciding.edm(), hasComm, dbValid, deciding.edmDetail());
    }

    /** Runs the analysis under a {@link LeaseKeeper}: the run stays leased for as long as the analysis lives, even past this JVM. */
    private ProcessResult analyse(long run, String partition, int attempt, RunLeases.RunLease lease) {
        List<String> cmd = LeaseKeeper.command(lease, renewal(), command.expand(Map.of("run", Long.toString(run), "partition", partition)));
        Path work = storage.outputDirectory(run);
        try {
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + work, e);
        }
        Path log = work.resolve("runops-analysis-" + partition + "-attempt" + attempt + ".log");
        ProcessResult result = runner.run(ProcessSpec.of(cmd, work, config.analysisTimeout(), log));
        LOG.info("run {} partition {}: {}", run, partition, result.summary());
        return result;
    }

    /**
     * With {@code deleteRaw}: raw files go only after a validated EDM, a bad EDM only while raw data is
     * there to remake it; either only when a second validation, reading the EDM file afresh, agrees with
     * {@code first}, so a file that changed since is never the basis of a delete. An indeterminate
     * validation deletes nothing. Each delete is made only while {@code lease} is still ours, under the
     * lease directory's lock.
     *
     * @throws LeaseLostException when the lease is lost before a delete (that file and those after it stay)
     * @return the validation to judge by: the second one when there was one, indeterminate when the two disagree
     */
    private Validation cleanUp(long run, Decision decision, Validation first, List<AnalysisRow> analyses, String when,
            RunLeases.RunLease lease) {
        if (!config.deleteRaw() || first.indeterminate()) {
            return first;
        }
        Path edm = storage.edmFile(run);
        List<Path> raw = storage.rawFiles(run);
        if (raw.isEmpty() || (!first.hasEdm() && !Files.exists(edm))) {
            return first;
        }
        Validation second = validate(run, decision, analyses);
        if (second.indeterminate() || second.hasEdm() != first.hasEdm()) {
            String detail = second.indeterminate() ? second.edmDetail()
                    : "the EDM file changed between two validations (" + first.edmDetail() + ", then " + second.edmDetail() + ")";
            LOG.warn("run {}: nothing deleted {}: {}", run, when, detail);
            return new Validation(Verdict.INDETERMINATE, second.hasComm(), second.dbValid(), Verdict.INDETERMINATE + ": " + detail);
        }
        if (second.hasEdm()) {
            for (Path p : raw) {
                lease.deleteIfOwned(p);
            }
            LOG.info("run {}: deleted {} raw files {} (EDM validated twice)", run, raw.size(), when);
        } else {
            lease.deleteIfOwned(edm);
            LOG.info("run {}: deleted the invalid EDM file {} ({} raw files remain to remake it)", run, when, raw.size());
        }
        return second;
    }

    private static Map<String, String> checks(Validation v) {
        Map<String, String> checks = new LinkedHashMap<>();
        checks.put("edm", v.edmDetail());
        checks.put("clientAndSource", Boolean.toString(v.hasComm()));
        checks.put("analysisRows", Boolean.toString(v.dbValid()));
        return checks;
    }

    /** The original writes Python's spelling of booleans. */
    private static String py(boolean b) {
        return b ? "True" : "False";
    }

    /** The ledgers, history and leases of one pass. */
    private final class Context {
        final StripLedgers ledgers;
        final boolean dryRun;
        final RunLeases leases;

        Context(StripLedgers ledgers, boolean dryRun, RunLeases leases) {
            this.ledgers = ledgers;
            this.dryRun = dryRun;
            this.leases = leases;
        }

        /**
         * Records a run's final decision in {@code ledger} and the history, fenced by {@code lease} (see
         * {@link StripLedgers#commit}); a recorder that lost its lease, or finds the run recorded, records nothing.
         */
        PassReport.RunResult commit(RunLedger ledger, long run, List<String> fields, RunDecision decision, String reason,
                Map<String, String> checks, Map<String, Long> durations, Optional<RunLeases.RunLease> lease) {
            if (dryRun) {
                return record(run, decision, reason, checks, durations);
            }
            StripLedgers.Commit done = ledgers.commit(ledger, fields, historyRecord(decision, run, reason, checks, durations), lease, leases);
            switch (done.outcome()) {
                case RECORDED:
                    LOG.info("run {}: {} — {}", run, decision, reason);
                    return new PassReport.RunResult(run, decision, reason);
                case LEASE_LOST:
                    LOG.warn("run {}: {}", run, done.detail());
                    return new PassReport.RunResult(run, RunDecision.SKIP, "LEASE_LOST: " + done.detail());
                default:
                    LOG.info("run {}: already recorded {}; nothing recorded", run, done.detail());
                    return new PassReport.RunResult(run, RunDecision.SKIP, "ALREADY_RECORDED: " + done.detail() + " while this pass ran");
            }
        }

        PassReport.RunResult record(long run, RunDecision decision, String reason, Map<String, String> checks,
                Map<String, Long> durations) {
            // An interrupted check is recorded too: clear the flag around the file write, then set it again.
            boolean interrupted = Thread.interrupted();
            try {
                history(decision, run, reason, checks, durations);
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            LOG.info("run {}: {} — {}", run, decision, reason);
            return new PassReport.RunResult(run, decision, reason);
        }

        void history(RunDecision decision, long run, String reason, Map<String, String> checks, Map<String, Long> durations) {
            if (!dryRun) {
                ledgers.history().append(historyRecord(decision, run, reason, checks, durations));
            }
        }

        HistoryRecord historyRecord(RunDecision decision, long run, String reason, Map<String, String> checks, Map<String, Long> durations) {
            return new HistoryRecord(clock.instant(), config.host(), run, decision.name(), reason, checks, durations);
        }
    }

}
