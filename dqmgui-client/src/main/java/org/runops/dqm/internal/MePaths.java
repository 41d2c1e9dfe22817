package org.runops.dqm.internal;

/** Monitor-element paths as a crawl keys them: leading and trailing {@code /} ignored, segments non-empty. */
public final class MePaths {
    private MePaths() {}

    /** {@code /Tracking/TrackParameters/X} → {@code Tracking/TrackParameters/X}; an empty segment or {@code .}/{@code ..} is refused. */
    public static String normalize(String mePath) {
        String p = mePath.strip();
        int from = 0;
        int to = p.length();
        while (from < to && p.charAt(from) == '/') {
            from++;
        }
        while (to > from && p.charAt(to - 1) == '/') {
            to--;
        }
        String normalized = p.substring(from, to);
        for (String segment : normalized.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("monitor element path '" + mePath
                        + "' must be folders and a name separated by single '/', without '.' or '..'");
            }
        }
        return normalized;
    }

    static String[] segments(String mePath) {
        return normalize(mePath).split("/");
    }
}
