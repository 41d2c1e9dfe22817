package org.runops.strip;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The cron job's decision table (spec strip-commissioning §1.4) as pure functions: facts in, a
 * {@link Decision} or {@link Outcome} with its reason out. No I/O, no clock of its own: the caller
 * passes "now" in the online DB's local time (its DATE values are naive local times).
 *
 * <p>Fixes of the original's bugs: partitions match with startsWith; a run whose mode is never
 * analysed is ignored once instead of re-queried forever; a scope run's partitions are de-duplicated;
 * ANALYSIS rows count only with all three IDs (see {@link AnalysisRow#complete()}).
 */
public final class DecisionPolicy {
    private final Duration endDelay;
    private final Set<RunMode> analysedModes;
    private final Set<Partition> hostPartitions;

    /**
     * @param endDelay       how long after ENDTIME a run is left alone (the original: 2 h)
     * @param analysedModes  the modes this job analyses
     * @param hostPartitions the partitions this host takes
     */
    public DecisionPolicy(Duration endDelay, Set<RunMode> analysedModes, Set<Partition> hostPartitions) {
        this.endDelay = Objects.requireNonNull(endDelay, "endDelay");
        this.analysedModes = Collections.unmodifiableSortedSet(new TreeSet<>(analysedModes)); // printed: a stable order
        this.hostPartitions = Collections.unmodifiableSortedSet(new TreeSet<>(hostPartitions));
        if (hostPartitions.isEmpty()) {
            throw new IllegalArgumentException("a host must take at least one partition");
        }
    }

    /** Rows 1-9: what to do with the run before validating anything. */
    public Decision decide(RunFacts facts, LocalDateTime now) {
        long run = facts.run();
        if (facts.rows().isEmpty()) {
            return skip(run, Reason.NOT_IN_RUN_DB, "no RUN row for run " + run, null, false);
        }
        RunRow first = facts.rows().get(0);
        Optional<RunMode> mode = first.runModeCode().isPresent() ? RunMode.ofCode(first.runModeCode().getAsInt()) : Optional.empty();
        if (first.end() == null) {
            return skip(run, Reason.RUN_NOT_FINISHED, "ENDTIME is NULL (run still going)", mode.orElse(null), false);
        }
        Duration sinceEnd = Duration.between(first.end(), now);
        if (sinceEnd.compareTo(endDelay) <= 0) {
            return skip(run, Reason.RECENTLY_FINISHED, "ended " + minutes(sinceEnd) + " ago, waiting " + minutes(endDelay),
                    mode.orElse(null), false);
        }
        boolean timeValid = timeValid(first.start(), first.end(), now);
        if (mode.isEmpty()) {
            String code = first.runModeCode().isPresent() ? "RUNMODE " + first.runModeCode().getAsInt() : "RUNMODE is NULL";
            return new Decision(run, Decision.Action.IGNORE, Reason.UNKNOWN_RUN_MODE, code + " is not a known run mode", null, List.of(), timeValid);
        }
        if (!analysedModes.contains(mode.get())) {
            return new Decision(run, Decision.Action.IGNORE, Reason.MODE_NOT_ANALYSED,
                    mode.get() + " (" + mode.get().code() + ") is not analysed", mode.get(), List.of(), timeValid);
        }
        boolean scope = mode.get() == RunMode.SCOPE;
        List<String> partitions;
        if (scope) {
            if (!hostPartitions.contains(Partition.TI)) {
                return skip(run, Reason.SCOPE_RUN_ON_OTHER_HOST, "scope runs are analysed by the host that takes TI", mode.get(), timeValid);
            }
            Set<String> names = new LinkedHashSet<>();
            facts.rows().forEach(r -> names.add(r.partitionName()));
            partitions = List.copyOf(names);
        } else {
            Optional<Partition> partition = Partition.of(first.partitionName());
            if (partition.isEmpty() || !hostPartitions.contains(partition.get())) {
                return skip(run, Reason.PARTITION_ON_OTHER_HOST, "partition " + first.partitionName() + " is not one of "
                        + hostPartitions, mode.get(), timeValid);
            }
            partitions = List.of(first.partitionName());
        }
        if (!facts.locks().isEmpty()) {
            return new Decision(run, Decision.Action.SKIP, Reason.ANALYSIS_RUNNING, "lock file " + facts.locks().get(0).getFileName()
                    + " exists", mode.get(), partitions, timeValid);
        }
        if (facts.zeroEventRun()) {
            return new Decision(run, Decision.Action.RECORD_GOOD, Reason.ZERO_EVENT_RUN,
                    "no events were taken (run started and stopped)", mode.get(), partitions, timeValid);
        }
        return new Decision(run, Decision.Action.PROCEED, Reason.READY, mode.get() + " run on " + String.join(", ", partitions),
                mode.get(), partitions, timeValid);
    }

    /**
     * Row 11: whether the analysis must run, given the pre-check of existing outputs. A pre-check that
     * could not be made runs nothing: {@link Outcome.Verdict#RETRY_LATER}.
     */
    public Outcome needsAnalysis(Decision decision, Validation existing) {
        if (existing.indeterminate()) {
            return new Outcome(Outcome.Verdict.RETRY_LATER, Reason.CHECK_INDETERMINATE, existing.describe());
        }
        if (existing.hasEdm() && existing.dbValid() && decision.mode() != RunMode.SCOPE) {
            return new Outcome(Outcome.Verdict.NO_ANALYSIS, Reason.ALREADY_VALID, existing.describe());
        }
        String why = decision.mode() == RunMode.SCOPE ? "scope runs are always analysed" : existing.describe();
        return new Outcome(Outcome.Verdict.ANALYSE, Reason.NEEDS_ANALYSIS, why);
    }

    /**
     * Rows 12-14: after analysis and validation. Good needs valid times, matching EDM events and
     * complete ANALYSIS rows (client/source files are reported but, as in the original, not required);
     * the first failure earns one more attempt, the second is final. A validation that could not be
     * made is neither: {@link Outcome.Verdict#RETRY_LATER}, whatever the attempt.
     */
    public Outcome judge(Decision decision, Validation validation, int attempt) {
        if (validation.indeterminate()) {
            return new Outcome(Outcome.Verdict.RETRY_LATER, Reason.CHECK_INDETERMINATE, validation.describe());
        }
        if (decision.timeValid() && validation.hasEdm() && validation.dbValid()) {
            return new Outcome(Outcome.Verdict.GOOD, Reason.VALIDATED, validation.describe());
        }
        String why = (decision.timeValid() ? "" : "start/end times invalid; ") + validation.describe();
        return attempt <= 1 ? new Outcome(Outcome.Verdict.RETRY, Reason.RETRY, why)
                : new Outcome(Outcome.Verdict.FAILED, Reason.VALIDATION_FAILED, why);
    }

    /**
     * The original's validate_time: start known, start &le; now, start &le; end, end &le; now.
     */
    static boolean timeValid(LocalDateTime start, LocalDateTime end, LocalDateTime now) {
        return start != null && end != null && !start.isAfter(now) && !start.isAfter(end) && !end.isAfter(now);
    }

    private static Decision skip(long run, Reason reason, String detail, RunMode mode, boolean timeValid) {
        return new Decision(run, Decision.Action.SKIP, reason, detail, mode, List.of(), timeValid);
    }

    private static String minutes(Duration d) {
        long m = d.toMinutes();
        return m >= 120 && m % 60 == 0 ? m / 60 + " h" : m + " min";
    }
}
