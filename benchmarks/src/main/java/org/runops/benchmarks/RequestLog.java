package org.runops.benchmarks;

/**
 * When the loopback server's requests arrived and ended ({@link System#nanoTime}, the harness's clock), so a
 * client process's time splits into start → first request, paging, and after the last response.
 */
final class RequestLog {
    private int requests;
    private long firstArrival = Long.MAX_VALUE;
    private long lastEnd = Long.MIN_VALUE;

    synchronized void served(long arrived, long ended) {
        requests++;
        firstArrival = Math.min(firstArrival, arrived);
        lastEnd = Math.max(lastEnd, ended);
    }

    /** What was served since the last call, and a fresh start for the next process. */
    synchronized Snapshot drain() {
        Snapshot s = new Snapshot(requests, firstArrival, lastEnd);
        requests = 0;
        firstArrival = Long.MAX_VALUE;
        lastEnd = Long.MIN_VALUE;
        return s;
    }

    /** {@code requests} served, the first arriving at {@code firstArrival} and the last ending at {@code lastEnd}. */
    record Snapshot(int requests, long firstArrival, long lastEnd) {}
}
