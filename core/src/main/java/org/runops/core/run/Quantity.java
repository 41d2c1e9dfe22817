package org.runops.core.run;

import java.util.Objects;
import java.util.Optional;

/**
 * A value with the unit string its source gave it ({@code ""} when it gave none), e.g. an OMS
 * luminosity in {@code 10^{33}cm^{-2}s^{-1}}. The unit is kept as written; {@link #to(String)} converts
 * within one {@link Units.Family} (instantaneous luminosity {@code 10^{N}cm^{-2}s^{-1}} or integrated
 * {@code pb^{-1}}, {@code fb^{-1}}, ...) and refuses, with a {@link UnitException} naming both units,
 * anything it does not know.
 *
 * @param value the number as the source sent it
 * @param unit  the unit as the source wrote it, "" when missing
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
        Units.Unit to = Units.parse(target).orElseThrow(() -> new UnitException(
                "cannot convert " + this + " to unknown unit '" + target + "'"));
        Units.Unit from = knownUnit().orElseThrow(() -> new UnitException(
                "cannot convert " + this + " to " + target + ": "
                        + (unit.isEmpty() ? "the source gave no unit" : "unknown unit '" + unit + "'")));
        if (from.family() != to.family()) {
            throw new UnitException("cannot convert " + this + " to " + target + ": " + from.family() + " is not " + to.family());
        }
        // multiply then divide: 1.5 × 1e33 / 1e34 is 0.15 exactly, 1.5 × (1e33 / 1e34) is 0.15000000000000002
        return new Quantity(value * from.scale() / to.scale(), to.canonical());
    }

    /**
     * This quantity in its family's {@linkplain Units.Family#reference() reference unit}, so that values
     * written in different units (10^{30} in 2017, 10^{33} in 2024) can be compared.
     */
    public Quantity inReferenceUnit() {
        Units.Unit from = knownUnit().orElseThrow(() -> new UnitException("cannot convert " + this + " to a reference unit: "
                + (unit.isEmpty() ? "the source gave no unit" : "unknown unit '" + unit + "'")));
        return to(from.family().reference().canonical());
    }

    @Override
    public String toString() {
        return unit.isEmpty() ? Double.toString(value) : value + " " + unit;
    }
}
