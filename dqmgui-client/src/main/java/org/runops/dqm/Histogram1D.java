package org.runops.dqm;

import java.util.Objects;
import java.util.Optional;

/**
 * A 1-D histogram ({@code type} {@code TH1}).
 *
 * @param underflow content of bin 0
 * @param overflow  content of bin nbins+1
 * @param integral  in-range sum ({@code bins.integral}, a number for 1-D)
 * @param content   one value per shown bin (11 significant digits)
 * @param error     one error per shown bin
 * @param width     bin widths, only for variable bins (empty otherwise)
 */
public record Histogram1D(String type, String title, String name, double entries, AxisStats x, Axis xAxis,
        double underflow, double overflow, double integral, BinValues content, BinValues error, BinValues width)
        implements Histogram {
    public Histogram1D {
        OneDimension.check(type, title, name, x, xAxis, content, error, width);
    }

    @Override
    public Optional<AxisStats> y() {
        return Optional.empty();
    }

    /** Checks shared by the 1-D shapes. */
    static final class OneDimension {
        private OneDimension() {}

        static void check(String type, String title, String name, AxisStats x, Axis xAxis, BinValues content,
                BinValues error, BinValues width) {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(x, "x");
            Objects.requireNonNull(xAxis, "xAxis");
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(width, "width");
            if (content.size() != xAxis.nbins()) {
                throw new IllegalArgumentException(name + ": " + content.size() + " bin contents for an axis of " + xAxis.nbins() + " bins");
            }
            if (!error.isEmpty() && error.size() != content.size()) {
                throw new IllegalArgumentException(name + ": " + error.size() + " bin errors for " + content.size() + " bins");
            }
            if (!width.isEmpty() && width.size() != content.size()) {
                throw new IllegalArgumentException(name + ": " + width.size() + " bin widths for " + content.size() + " bins");
            }
        }
    }
}
