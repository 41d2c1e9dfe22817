package org.runops.calo;

import java.util.Objects;

/**
 * The payload the CDB serves for one payload type at one run (sPHENIX: major IOV 0, minor IOV = run).
 *
 * @param payloadType the payload type
 * @param url         the stored payload URL, relative: {@code <type>/<md5[0:2]>/<md5[2:4]>/<md5>_<file name>}
 * @param checksum    its md5, as stored (may be empty)
 * @param firstRun    the minor IOV where it starts
 * @param endRun      the minor IOV where it ends, exclusive ({@link Long#MAX_VALUE} for open-ended)
 */
public record PayloadRef(String payloadType, String url, String checksum, long firstRun, long endRun) {
    public PayloadRef {
        Objects.requireNonNull(payloadType, "payloadType");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(checksum, "checksum");
    }

    /** Whether it covers {@code run}: the client treats an IOV that ends at or before the run as no payload. */
    public boolean covers(long run) {
        return firstRun <= run && run < endRun;
    }
}
