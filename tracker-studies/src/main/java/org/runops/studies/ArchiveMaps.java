package org.runops.studies;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.runops.core.refrun.Reconstruction;
import org.runops.dqm.ArchiveSource;
import org.runops.dqm.DatasetResolver;
import org.runops.dqm.DqmException;
import org.runops.dqm.Histogram2D;
import org.runops.dqm.JsonFairy;

/**
 * Tracking maps straight from the DQM GUI's archive ({@link ArchiveSource}, e.g. {@code DqmGuiClient}): the
 * run's dataset picked from the GUI's list by dqmcrawlr's rules ({@link DatasetResolver}), then the map's
 * jsonfairy answer parsed. Empty when the GUI has no dataset of that reconstruction or no such map; a
 * {@link DqmException} when the GUI could not be asked (the caller reports that as undecided).
 */
public final class ArchiveMaps {
    private final ArchiveSource source;
    private final String mePath;

    public ArchiveMaps(ArchiveSource source, String mePath) {
        this.source = Objects.requireNonNull(source, "source");
        this.mePath = Objects.requireNonNull(mePath, "mePath");
    }

    /** The map of ({@code run}, {@code reco}) as {@code [ybin][xbin]}; empty when the archive has none (or it is not 2-D). */
    public Optional<double[][]> map(long run, Reconstruction reco) {
        List<String> datasets = source.datasetNames(run);
        Optional<String> dataset = DatasetResolver.pick(reco, datasets);
        if (dataset.isEmpty()) {
            return Optional.empty();
        }
        String source = "run " + run + " " + dataset.get() + " " + mePath;
        return this.source.archiveJson(run, dataset.get(), mePath)
                .flatMap(body -> JsonFairy.parse(body, source))
                .filter(Histogram2D.class::isInstance).map(h -> ((Histogram2D) h).contentArray());
    }
}
