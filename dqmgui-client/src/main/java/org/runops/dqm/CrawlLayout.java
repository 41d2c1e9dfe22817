package org.runops.dqm;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.runops.core.refrun.Reconstruction;

/**
 * Where a crawl puts its results, the layout the tracker-studies notebooks read:
 * {@code <root>/<ME name>/<run>_<reconstruction>.json}, the ME name being the last segment of its path
 * and the reconstruction lower case ({@code 321012_express.json}); each file is the raw jsonfairy body.
 */
public final class CrawlLayout {
    private CrawlLayout() {}

    /** The file holding {@code mePath} of ({@code run}, {@code reco}) under {@code root}. */
    public static Path file(Path root, String mePath, long run, Reconstruction reco) {
        Objects.requireNonNull(root, "root");
        return root.resolve(meName(mePath)).resolve(run + "_" + reco.name().toLowerCase(Locale.ROOT) + ".json");
    }

    /** The last segment of an ME path ({@code .../GeneralProperties/TrackEtaPhi_ImpactPoint_GenTk} → {@code TrackEtaPhi_ImpactPoint_GenTk}). */
    public static String meName(String mePath) {
        Objects.requireNonNull(mePath, "mePath");
        String trimmed = mePath.endsWith("/") ? mePath.substring(0, mePath.length() - 1) : mePath;
        String name = trimmed.substring(trimmed.lastIndexOf('/') + 1);
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw new DqmException("monitor element path '" + mePath + "' has no name");
        }
        return name;
    }
}
