package org.runops.oms;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.runops.core.run.Quantity;
import org.runops.oms.internal.Values;

/**
 * One OMS {@code lumisections} row, typed and null-safe. Run and lumisection numbers come from the
 * attributes, else from the row id {@code "<run>_<ls>"}.
 */
public final class OmsLumisection extends OmsRow {
    private final long run;
    private final long lumisection;

    private OmsLumisection(OmsRecord record, long run, long lumisection) {
        super(record);
        this.run = run;
        this.lumisection = lumisection;
    }

    public static OmsLumisection from(OmsRecord record) {
        Objects.requireNonNull(record, "record");
        OptionalLong run = Values.longValue(record, "run_number");
        OptionalLong ls = Values.longValue(record, "lumisection_number");
        if (run.isEmpty() || ls.isEmpty()) {
            String[] parts = record.id().split("_");
            try {
                if (parts.length == 2) {
                    run = run.isPresent() ? run : OptionalLong.of(Long.parseLong(parts[0]));
                    ls = ls.isPresent() ? ls : OptionalLong.of(Long.parseLong(parts[1]));
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        if (run.isEmpty() || ls.isEmpty() || run.getAsLong() <= 0 || ls.getAsLong() <= 0) {
            throw new OmsException("lumisection row '" + record.id() + "' has no positive run_number and lumisection_number");
        }
        return new OmsLumisection(record, run.getAsLong(), ls.getAsLong());
    }

    public long runNumber() {
        return run;
    }

    public long lumisectionNumber() {
        return lumisection;
    }

    public OptionalLong fillNumber() {
        return Values.count(record, "fill_number");
    }

    public Optional<Instant> startTime() {
        return Values.instant(record, "start_time");
    }

    public Optional<Instant> endTime() {
        return Values.instant(record, "end_time");
    }

    public Optional<Quantity> initLumi() {
        return Values.quantity(record, "init_lumi");
    }

    public Optional<Quantity> endLumi() {
        return Values.quantity(record, "end_lumi");
    }

    public OptionalDouble pileup() {
        return Values.doubleValue(record, "pileup");
    }

    public Optional<Boolean> cmsActive() {
        return Values.bool(record, "cms_active");
    }

    public Optional<Boolean> beamsStable() {
        return Values.bool(record, "beams_stable");
    }

    public Optional<Boolean> physicsFlag() {
        return Values.bool(record, "physics_flag");
    }

    @Override
    public String toString() {
        return "OmsLumisection[" + run + ":" + lumisection + "]";
    }
}
