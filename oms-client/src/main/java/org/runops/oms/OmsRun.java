package org.runops.oms;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.runops.core.refrun.RunType;
import org.runops.core.run.Quantity;
import org.runops.oms.internal.Values;

/**
 * One OMS {@code runs} row, typed and null-safe: every attribute but the run number may be absent
 * (runs without a fill, projections, missing units), and then its accessor is empty. Luminosities are
 * {@link Quantity quantities} with the row's own unit (10^{30} in 2017, 10^{33} in 2024, ...). The raw
 * row stays available as {@link #attributes()}.
 */
public final class OmsRun extends OmsRow {
    private final long runNumber;
    private final Instant start;
    private final Instant end;

    private OmsRun(OmsRecord record, long runNumber) {
        super(record);
        this.runNumber = runNumber;
        this.start = Values.instant(record, "start_time").orElse(null);
        this.end = Values.instant(record, "end_time").orElse(null);
    }

    /** Types one row; its run number comes from {@code run_number}, else from the row id. */
    public static OmsRun from(OmsRecord record) {
        Objects.requireNonNull(record, "record");
        return new OmsRun(record, numberOf(record, "run_number"));
    }

    /** A positive number from {@code attr}, else the numeric id; an {@link OmsException} when neither is one. */
    static long numberOf(OmsRecord record, String attr) {
        OptionalLong n = Values.longValue(record, attr);
        if (n.isPresent() && n.getAsLong() > 0) {
            return n.getAsLong();
        }
        try {
            long id = Long.parseLong(record.id());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new OmsException(record.type() + " row '" + record.id() + "' has no positive " + attr);
    }

    public long runNumber() {
        return runNumber;
    }

    /** The LHC fill, absent for runs without beam (spec §5: "runs without fill_number"). */
    public OptionalLong fillNumber() {
        return Values.count(record, "fill_number");
    }

    /** Start time, or null when OMS does not say. */
    public Instant startTime() {
        return start;
    }

    /** End time, or null while the run is going on. */
    public Instant endTime() {
        return end;
    }

    /** Whether the run has ended (has an end time): only such runs are cached. */
    public boolean isFinished() {
        return end != null;
    }

    /** {@code duration} in seconds, else end − start when both are known. */
    public Optional<Duration> duration() {
        OptionalLong s = Values.longValue(record, "duration");
        if (s.isPresent()) {
            return Optional.of(Duration.ofSeconds(s.getAsLong()));
        }
        return start != null && end != null ? Optional.of(Duration.between(start, end)) : Optional.empty();
    }

    public OptionalLong lastLumisection() {
        return Values.count(record, "last_lumisection_number");
    }

    /** Magnet field in tesla (3.799, 3.8, 3.801: bucket before comparing). */
    public OptionalDouble bField() {
        return Values.doubleValue(record, "b_field");
    }

    /** Beam energy in GeV. */
    public OptionalDouble energy() {
        return Values.doubleValue(record, "energy");
    }

    /** Instantaneous luminosity at run start. */
    public Optional<Quantity> initLumi() {
        return Values.quantity(record, "init_lumi");
    }

    /** Instantaneous luminosity at run end. */
    public Optional<Quantity> endLumi() {
        return Values.quantity(record, "end_lumi");
    }

    /** {@code stable_beam}; false when absent. */
    public boolean stableBeam() {
        return Values.bool(record, "stable_beam").orElse(false);
    }

    public Optional<String> fillTypeRuntime() {
        return Values.text(record, "fill_type_runtime");
    }

    public Optional<String> l1HltMode() {
        return Values.text(record, "l1_hlt_mode");
    }

    public Optional<String> hltKey() {
        return Values.text(record, "hlt_key");
    }

    /** {@code GLOBAL-RUN} for global runs. */
    public Optional<String> sequence() {
        return Values.text(record, "sequence");
    }

    public Optional<String> era() {
        return Values.text(record, "era");
    }

    /** Subsystems in the run; empty when unknown. */
    public List<String> components() {
        return Values.list(record, "components");
    }

    /** L1 rate in Hz. */
    public OptionalDouble l1Rate() {
        return Values.doubleValue(record, "l1_rate");
    }

    /** HLT physics-stream rate in Hz. */
    public OptionalDouble hltPhysicsRate() {
        return Values.doubleValue(record, "hlt_physics_rate");
    }

    /** Collisions or cosmics by Certhelper's rule ({@link RunType#fromHltKey}). */
    public RunType runType() {
        return RunType.fromHltKey(hltKey().orElse(null), stableBeam());
    }

    @Override
    public String toString() {
        return "OmsRun[" + runNumber + (end == null ? ", running or unknown end" : "") + "]";
    }
}
