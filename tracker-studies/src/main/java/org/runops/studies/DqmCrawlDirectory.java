package org.runops.studies;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.runops.core.RegularFiles;
import org.runops.core.refrun.Reconstruction;
import org.runops.dqm.CrawlLayout;
import org.runops.dqm.DqmException;
import org.runops.dqm.Histogram;
import org.runops.dqm.Histogram2D;
import org.runops.dqm.JsonFairy;

/**
 * The histograms of a crawl directory ({@link CrawlLayout}: {@code <dir>/<ME name>/<run>_<reco>.json}, raw
 * jsonfairy answers) as study values. A histogram that is not there — no file, or the GUI's
 * {@code {"hist": "unsupported type"}} — is missing (NaN, empty), never an error; a file that is there but
 * cannot be read or parsed is a {@link StudyException} naming it (a broken crawl must not pass for a
 * missing histogram). Reference maps are cached, bounded: references are few and read again and again (63
 * distinct in 4,350 Certhelper pairs), while a row's own map is read once. Not thread-safe.
 */
public final class DqmCrawlDirectory {
    /** Reference maps kept (about 8.5 KB each for the 32×31 tracking map). */
    static final int REFERENCE_CACHE = 256;

    private final Path root;
    private final Map<Path, Optional<double[][]>> references = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Optional<double[][]>> eldest) {
            return size() > REFERENCE_CACHE;
        }
    };

    /** @throws StudyException when {@code root} is not a directory (a mistyped path must not read as "no histograms") */
    public DqmCrawlDirectory(Path root) {
        this.root = Objects.requireNonNull(root, "root");
        if (!Files.isDirectory(root)) {
            throw new StudyException("DQM crawl directory " + root + " does not exist or is not a directory");
        }
    }

    public Path root() {
        return root;
    }

    /** The histogram of {@code mePath} for ({@code run}, {@code reco}); empty when the crawl has none. */
    public Optional<Histogram> histogram(String mePath, long run, Reconstruction reco) {
        Path file = CrawlLayout.file(root, mePath, run, reco);
        byte[] body;
        try {
            body = RegularFiles.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StudyException("cannot read " + file + ": " + RegularFiles.reason(e), e);
        }
        try {
            return JsonFairy.parse(body, file.toString());
        } catch (DqmException e) {
            throw new StudyException(e.getMessage(), e);
        }
    }

    /**
     * The four {@link DqmFeature#STATISTICS} of one histogram: x mean, x rms, entries and the in-range
     * integral (the 1-D {@code bins.integral}; the centre cell of a 2-D histogram's 3×3); all NaN when missing.
     */
    public double[] statistics(DqmFeature feature, long run, Reconstruction reco) {
        return histogram(feature.mePath(), run, reco)
                .map(h -> new double[] {h.x().mean(), h.x().rms(), h.entries(), h.integral()})
                .orElseGet(() -> new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN});
    }

    /** The in-range contents {@code [ybin][xbin]} of a 2-D histogram; empty when missing or not 2-D. Read each time. */
    public Optional<double[][]> map(String mePath, long run, Reconstruction reco) {
        return histogram(mePath, run, reco).filter(Histogram2D.class::isInstance).map(h -> ((Histogram2D) h).contentArray());
    }

    /** {@link #map}, from a bounded least-recently-used cache: for maps read as references of many rows. */
    public Optional<double[][]> referenceMap(String mePath, long run, Reconstruction reco) {
        Path file = CrawlLayout.file(root, mePath, run, reco);
        Optional<double[][]> cached = references.get(file);
        if (cached == null) {
            cached = map(mePath, run, reco);
            references.put(file, cached);
        }
        return cached;
    }
}
