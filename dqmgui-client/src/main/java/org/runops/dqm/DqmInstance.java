package org.runops.dqm;

import okhttp3.HttpUrl;
import org.runops.dqm.internal.MePaths;

/**
 * The legacy DQM GUIs on cmsweb. The online GUI serves one dataset per run, {@value #ONLINE_DATASET}, and
 * spells some monitor elements differently: <b>the one rule</b> applied here is the documented one (dqmcrawlr
 * README) — online tracking paths lack the {@code generalTracks} level, so
 * {@code Tracking/TrackParameters/generalTracks/<rest>} is asked for as {@code Tracking/TrackParameters/<rest>}.
 * Other differences are not known to this client; pass the online spelling for those.
 */
public enum DqmInstance {
    OFFLINE("https://cmsweb.cern.ch/dqm/offline/"),
    ONLINE("https://cmsweb.cern.ch/dqm/online/");

    /** The online GUI's dataset. */
    public static final String ONLINE_DATASET = "/Global/Online/ALL";
    private static final String OFFLINE_TRACKING = "Tracking/TrackParameters/generalTracks/";
    private static final String ONLINE_TRACKING = "Tracking/TrackParameters/";

    private final HttpUrl baseUrl;

    DqmInstance(String baseUrl) {
        this.baseUrl = HttpUrl.get(baseUrl);
    }

    public HttpUrl baseUrl() {
        return baseUrl;
    }

    /**
     * {@code mePath} as this GUI spells it: normalised (no leading or trailing {@code /}) and, online, without
     * the {@code generalTracks} level. An online spelling passes unchanged.
     *
     * @throws IllegalArgumentException for an empty segment, {@code .} or {@code ..}
     */
    public String mePath(String mePath) {
        String p = MePaths.normalize(mePath);
        if (this == ONLINE && p.startsWith(OFFLINE_TRACKING)) {
            return ONLINE_TRACKING + p.substring(OFFLINE_TRACKING.length());
        }
        return p;
    }
}
