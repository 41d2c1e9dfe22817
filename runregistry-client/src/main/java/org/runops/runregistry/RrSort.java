package org.runops.runregistry;

import java.util.Objects;

/**
 * One sort key of a paged query, sent as {@code [key, "ASC"|"DESC"]}. Without any the server sorts by
 * {@code run_number} descending (datasets then by {@code name} ascending).
 *
 * @param key       {@code run_number}, {@code name}, {@code rr_attributes.class}, ...
 * @param ascending ASC or DESC
 */
public record RrSort(String key, boolean ascending) {
    public RrSort {
        Objects.requireNonNull(key, "key");
        if (key.isBlank()) {
            throw new IllegalArgumentException("sort key must not be blank");
        }
    }

    public static RrSort ascending(String key) {
        return new RrSort(key, true);
    }

    public static RrSort descending(String key) {
        return new RrSort(key, false);
    }
}
