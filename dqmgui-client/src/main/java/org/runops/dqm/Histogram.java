package org.runops.dqm;

import java.util.Optional;

/**
 * A histogram as the DQM GUI's {@code jsonfairy} serves it (see {@link JsonFairy}). The GUI names the
 * static class, so {@link #type()} is {@code TH1} (any 1-D), {@code TH2}, {@code TProfile} or
 * {@code TProfile2D}, never {@code TH1F}.
 */
public sealed interface Histogram permits Histogram1D, Histogram2D, Profile {

    String type();

    /** The histogram's title ({@code hist.title}; empty when absent). */
    String title();

    /** The monitor element's name ({@code hist.stats.name}). */
    String name();

    /** Number of entries (sent with 6 decimals, so read as a double). */
    double entries();

    AxisStats x();

    /** Y statistics, which the GUI sends for 2-D histograms only. */
    Optional<AxisStats> y();

    Axis xAxis();

    /** Sum of the in-range bin contents: the 1-D {@code bins.integral}, the centre cell of a 2-D one's 3×3. */
    double integral();
}
