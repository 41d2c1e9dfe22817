package org.runops.dqm;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A 1-D profile ({@code type} {@code TProfile}): bins as in {@link Histogram1D} (content = mean of y per
 * x bin), plus the y range the GUI sends when it is not zero and the error style.
 *
 * @param errorStyle the GUI's {@code errorStyle} text (empty when absent)
 */
public record Profile(String type, String title, String name, double entries, AxisStats x, Axis xAxis,
        double underflow, double overflow, double integral, BinValues content, BinValues error, BinValues width,
        OptionalDouble yMin, OptionalDouble yMax, String errorStyle) implements Histogram {
    public Profile {
        Histogram1D.OneDimension.check(type, title, name, x, xAxis, content, error, width);
        Objects.requireNonNull(yMin, "yMin");
        Objects.requireNonNull(yMax, "yMax");
        Objects.requireNonNull(errorStyle, "errorStyle");
    }

    @Override
    public Optional<AxisStats> y() {
        return Optional.empty();
    }
}
