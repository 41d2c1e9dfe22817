package org.runops.oms;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.runops.core.run.Quantity;
import org.runops.oms.internal.Values;

/**
 * One OMS {@code fills} row, typed and null-safe. Bunch counts that OMS gives as null or negative
 * (certifier saw both) are absent rather than wrong.
 */
public final class OmsFill extends OmsRow {
    private final long fillNumber;
    private final Instant start;
    private final Instant end;

    private OmsFill(OmsRecord record, long fillNumber) {
        super(record);
        this.fillNumber = fillNumber;
        this.start = Values.instant(record, "start_time").orElse(null);
        this.end = Values.instant(record, "end_time").orElse(null);
    }

    /** Types one row; the fill number comes from {@code fill_number}, else from the row id. */
    public static OmsFill from(OmsRecord record) {
        Objects.requireNonNull(record, "record");
        return new OmsFill(record, OmsRun.numberOf(record, "fill_number"));
    }

    public long fillNumber() {
        return fillNumber;
    }

    /** Colliding bunches measured by CMS; absent when null or negative (then count them from {@code bunches}). */
    public OptionalLong bunchesColliding() {
        return Values.count(record, "bunches_colliding");
    }

    /** Colliding bunches planned by the LHC configuration; absent when null or negative. */
    public OptionalLong bunchesTarget() {
        return Values.count(record, "bunches_target");
    }

    public OptionalDouble peakPileup() {
        return Values.doubleValue(record, "peak_pileup");
    }

    public Optional<Quantity> peakLumi() {
        return Values.quantity(record, "peak_lumi");
    }

    /** Beam energy in GeV. */
    public OptionalDouble energy() {
        return Values.doubleValue(record, "energy");
    }

    public OptionalDouble bField() {
        return Values.doubleValue(record, "b_field");
    }

    /** E.g. {@code 25ns_2556b_2544_2215_2332_144bpi_20injV3}. */
    public Optional<String> injectionScheme() {
        return Values.text(record, "injection_scheme");
    }

    /** PROTONS, IONS ("PB" before 2019-09), ... */
    public Optional<String> fillTypeRuntime() {
        return Values.text(record, "fill_type_runtime");
    }

    public Instant startTime() {
        return start;
    }

    /** End time, or null while the fill goes on. */
    public Instant endTime() {
        return end;
    }

    public boolean isFinished() {
        return end != null;
    }

    public OptionalLong firstRun() {
        return Values.count(record, "first_run_number");
    }

    public OptionalLong lastRun() {
        return Values.count(record, "last_run_number");
    }

    @Override
    public String toString() {
        return "OmsFill[" + fillNumber + "]";
    }
}
