package org.runops.calo;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The CDB's verdicts for one run, one per calibration, or why the lookup could not decide.
 *
 * @param runTag     the run and its winning tag
 * @param verdicts   payload type → verdict, in the order of the calibrations asked for; empty when undecided
 * @param undecided  why the CDB could not be asked (server down, timeout, garbage); such a run is neither
 *                   planned nor dropped, it is tried again next time
 */
public record RunCdbState(RunTag runTag, Map<String, CalibrationVerdict> verdicts, Optional<String> undecided) {
    public RunCdbState {
        Objects.requireNonNull(runTag, "runTag");
        verdicts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(verdicts));
        Objects.requireNonNull(undecided, "undecided");
        if (undecided.isPresent() != verdicts.isEmpty()) {
            throw new IllegalArgumentException("run " + runTag.run() + ": verdicts or a reason it is undecided, exactly one");
        }
    }

    /** The CDB answered: one verdict per calibration (at least one). */
    public static RunCdbState decided(RunTag runTag, Map<String, CalibrationVerdict> verdicts) {
        return new RunCdbState(runTag, verdicts, Optional.empty());
    }

    /** The CDB could not be asked for this run; {@code reason} names what was asked (URL, command) and what failed. */
    public static RunCdbState undecided(RunTag runTag, String reason) {
        return new RunCdbState(runTag, Map.of(), Optional.of(Objects.requireNonNull(reason, "reason")));
    }

    /** Whether the CDB answered and at least one calibration needs a map. */
    public boolean needsMaps() {
        return verdicts.values().stream().anyMatch(CalibrationVerdict::needsMap);
    }
}
