package org.runops.oms;

import java.util.Objects;
import java.util.Optional;
import org.runops.core.run.Quantity;
import org.runops.oms.internal.Values;

/**
 * What the typed rows ({@link OmsRun}, {@link OmsFill}, {@link OmsLumisection}) share: the raw
 * {@link OmsRecord} behind them and the integrated luminosities every one of those resources has.
 * Two typed rows are equal when they are of the same kind over equal records.
 */
public abstract sealed class OmsRow permits OmsRun, OmsFill, OmsLumisection {
    /** The row as OMS sent it. */
    protected final OmsRecord record;

    OmsRow(OmsRecord record) {
        this.record = Objects.requireNonNull(record, "record");
    }

    /** The raw row: every attribute and unit as OMS sent them. */
    public final OmsRecord attributes() {
        return record;
    }

    /** Integrated delivered luminosity, with the row's unit. */
    public final Optional<Quantity> deliveredLumi() {
        return Values.quantity(record, "delivered_lumi");
    }

    /** Integrated recorded luminosity, with the row's unit. */
    public final Optional<Quantity> recordedLumi() {
        return Values.quantity(record, "recorded_lumi");
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((OmsRow) o).record.equals(record);
    }

    @Override
    public final int hashCode() {
        return record.hashCode();
    }
}
