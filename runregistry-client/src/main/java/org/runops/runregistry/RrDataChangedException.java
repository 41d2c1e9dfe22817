package org.runops.runregistry;

/**
 * The data moved under a paged query: {@code count} or {@code pages} changed between pages, or a record came
 * back on two pages (a run signed off or added while paging with the default newest-first order shifts every
 * page). The pages do not add up to one answer; asking again usually does.
 */
public final class RrDataChangedException extends RunRegistryException {
    private static final long serialVersionUID = 1L;

    public RrDataChangedException(String message) {
        super(message);
    }
}
