package org.runops.oms;

import java.util.Objects;
import java.util.Optional;

/**
 * A value with the unit string OMS gave it ({@code ""} when OMS gave none). The unit is kept as
 * written; {@link #to(String)} converts within one {@link Units.Family} (instantaneous luminosity
 * {@code 10^{N}cm^{-2}s^{-1}} or integrated {@code pb^{-1}}, {@code fb^{-1}}, ...) and refuses, with an
 * {@link OmsException} naming both units, anything it does not know.
 *
 * @param value the number as OMS sent it
 * @param unit  the unit as OMS wrote it, "" when missing
 */
public record Quantity(double value, String unit) {
    public Quantity {
        Objects.requireNonNull(unit, "unit");
    }

    /** The recognised unit, if the unit string is one {@link Units} knows. */
    public Optional<Units.Unit> knownUnit() {
        return Units.parse(unit);
    }

    /**
     * This quantity in {@code target} units, e.g. {@code new Quantity(6885.2, "10^{30}cm^{-2}s^{-1}")
     * .to("10^{34}cm^{-2}s^{-1}")} is 0.68852 in {@code 10^{34}cm^{-2}s^{-1}} (the target spelled canonically).
     */
    public Quantity to(String target) {
        Units.Unit to = Units.parse(target).orElseThrow(() -> new OmsException(
                "cannot convert " + this + " to unknown unit '" + target + "'"));
        Units.Unit from = knownUnit().orElseThrow(() -> new OmsException(
                "cannot convert " + this + " to " + target + ": "
                        + (unit.isEmpty() ? "OMS gave no unit" : "unknown unit '" + unit + "'")));
        if (from.family() != to.family()) {
            throw new OmsException("cannot convert " + this + " to " + target + ": " + from.family() + " is not " + to.family());
        }
        // multiply then divide: 1.5 × 1e33 / 1e34 is 0.15 exactly, 1.5 × (1e33 / 1e34) is 0.15000000000000002
        return new Quantity(value * from.scale() / to.scale(), to.canonical());
    }

    @Override
    public String toString() {
        return unit.isEmpty() ? Double.toString(value) : value + " " + unit;
    }
}
