package org.runops.dqm;

import java.util.List;
import java.util.Objects;

/**
 * One axis of a histogram: its title, the first and last shown bin ({@code GetFirst}/{@code GetLast},
 * 1-based) and the axis range. The GUI sends {@code first}/{@code last} only when there is more than
 * one bin; without them (one bin) the bins come from the content and the range is unknown (NaN).
 *
 * @param labels bin labels when the axis has them (empty otherwise)
 */
public record Axis(String title, int firstBin, int lastBin, double min, double max, List<Label> labels) {
    public Axis {
        Objects.requireNonNull(title, "title");
        if (lastBin < firstBin - 1) {
            throw new IllegalArgumentException("axis '" + title + "': last bin " + lastBin + " before first bin " + firstBin);
        }
        labels = List.copyOf(labels);
    }

    /** Number of bins shown: {@code lastBin - firstBin + 1}. */
    public int nbins() {
        return lastBin - firstBin + 1;
    }

    /** A bin label: the bin's centre on the axis and its text. */
    public record Label(double center, String text) {
        public Label {
            Objects.requireNonNull(text, "text");
        }
    }
}
