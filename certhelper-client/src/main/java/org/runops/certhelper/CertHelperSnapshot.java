package org.runops.certhelper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.runops.core.refrun.RunReferencePair;

/**
 * One complete run→reference history and where it came from.
 *
 * @param pairs     every row, in the server's order
 * @param source    the URL that answered, or the cache file / dump file read
 * @param fetchedAt when the server gave these rows (for a dump file: when it was read)
 * @param origin    server, fresh cache, stale cache, or a dump file
 * @param age       how old the rows were when returned (zero when just fetched)
 */
public record CertHelperSnapshot(List<RunReferencePair> pairs, String source, Instant fetchedAt, Origin origin, Duration age) {
    /** Where the rows came from. */
    public enum Origin { SERVER, CACHE, STALE_CACHE, FILE }

    public CertHelperSnapshot {
        pairs = List.copyOf(pairs);
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(age, "age");
    }
}
