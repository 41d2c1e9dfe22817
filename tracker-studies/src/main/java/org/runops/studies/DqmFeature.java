package org.runops.studies;

import java.util.List;
import java.util.Objects;

/**
 * One DQM histogram of the studies table and the prefix of its columns: {@code <prefix>.mean},
 * {@code .rms}, {@code .entries}, {@code .integral} (see {@link DqmFeatures}).
 *
 * @param prefix the column prefix ({@code Hits.Pixel})
 * @param mePath the monitor element's offline path, without a leading slash
 *               ({@code Tracking/TrackParameters/highPurityTracks/pt_1/HitProperties/Pixel/NumberOfRecHitsPerTrack_Pixel_GenTk})
 */
public record DqmFeature(String prefix, String mePath) {
    /** The statistics taken of each histogram, in column order. */
    public static final List<String> STATISTICS = List.of("mean", "rms", "entries", "integral");

    public DqmFeature {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(mePath, "mePath");
        if (prefix.isBlank() || mePath.isBlank() || mePath.startsWith("/") || mePath.endsWith("/")) {
            throw new IllegalArgumentException("a DQM feature needs a prefix and an ME path without leading or trailing '/': "
                    + prefix + " = " + mePath);
        }
    }

    /** The column of one statistic: {@code <prefix>.<statistic>}. */
    public String column(String statistic) {
        return prefix + "." + statistic;
    }

    /** The four columns, in {@link #STATISTICS} order. */
    public List<String> columns() {
        return STATISTICS.stream().map(this::column).toList();
    }
}
