package org.runops.dqm.internal;

import okhttp3.HttpUrl;
import org.runops.dqm.DqmException;

/**
 * URLs of the legacy GUI. Dataset and ME path are percent-encoded as the GUI's C++ client does: everything
 * but {@code A-Za-z0-9-_.~/+} (a space is {@code %20}; {@code +} is sent as is, which the GUI reads as a plus).
 */
public final class ArchiveUrls {
    private ArchiveUrls() {}

    /** {@code <base>jsonfairy/archive/<run><dataset>/<mePath>}; the dataset must have exactly three parts. */
    public static HttpUrl jsonfairy(HttpUrl base, long run, String dataset, String mePath) {
        if (run < 0) {
            throw new DqmException("run must not be negative: " + run);
        }
        return base.newBuilder()
                .addEncodedPathSegments("jsonfairy/archive/" + run + encode(checkDataset(dataset)) + "/" + encode(mePath))
                .build();
    }

    /** {@code <base>data/json/samples?match=.*&run=<run>}: every dataset of the run (the run matched as a regex, so filter). */
    public static HttpUrl samples(HttpUrl base, long run) {
        return base.newBuilder().addPathSegments("data/json/samples")
                .addQueryParameter("match", ".*")
                .addQueryParameter("run", Long.toString(run))
                .build();
    }

    /** {@code /P/W/T}: exactly three non-empty parts, as the GUI's {@code getJson} requires. */
    public static String checkDataset(String dataset) {
        String[] parts = dataset.split("/", -1);
        if (parts.length != 4 || !parts[0].isEmpty() || !part(parts[1]) || !part(parts[2]) || !part(parts[3])) {
            throw new DqmException("dataset '" + dataset + "' must have exactly three parts, /<primary dataset>/<processing>/<tier>"
                    + " (e.g. /StreamExpress/Run2018D-Express-v1/DQMIO; online: /Global/Online/ALL)");
        }
        return dataset;
    }

    private static boolean part(String p) {
        return !p.isEmpty() && !p.equals(".") && !p.equals("..");
    }

    /** Percent-encodes all but {@code A-Za-z0-9-_.~/+} (UTF-8). */
    public static String encode(String s) {
        return PercentEncoding.encode(s, ArchiveUrls::safe);
    }

    private static boolean safe(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == '~' || c == '/' || c == '+';
    }
}
