package org.runops.examples.cli;

import java.util.Locale;

/** How ROOT header values are shown to people. */
final class RootFormatting {
    private RootFormatting() {}

    /** 62208 → "6.22/08"; large-layout versions (+1000000) are shown the same way. */
    static String rootVersion(int fVersion) {
        if (fVersion <= 0) {
            return "unknown";
        }
        int v = fVersion % 1_000_000;
        return String.format(Locale.ROOT, "%d.%02d/%02d", v / 10000, (v / 100) % 100, v % 100);
    }

    /** 101 → "zlib level 1" (the header's setting; blocks carry their own algorithm). */
    static String compression(int fCompress) {
        int algorithm = fCompress / 100;
        int level = fCompress % 100;
        if (level == 0) {
            return "uncompressed";
        }
        String name = switch (algorithm) {
            case 0 -> "default";
            case 1 -> "zlib";
            case 2 -> "lzma";
            case 3 -> "old";
            case 4 -> "lz4";
            case 5 -> "zstd";
            default -> "algorithm " + algorithm;
        };
        return name + " level " + level;
    }
}
