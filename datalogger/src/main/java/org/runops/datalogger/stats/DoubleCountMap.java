package org.runops.datalogger.stats;

/**
 * Counts occurrences of exact double values without boxing: open addressing with linear probing over
 * the values' bit patterns. A slot is empty while its count is 0. Callers normalise -0.0 and never add NaN.
 */
final class DoubleCountMap {
    private static final int INITIAL_CAPACITY = 16;

    private long[] keys = new long[INITIAL_CAPACITY];
    private long[] counts = new long[INITIAL_CAPACITY];
    private int size;

    void increment(double value) {
        long bits = Double.doubleToRawLongBits(value);
        int slot = find(keys, counts, bits);
        if (counts[slot] == 0) {
            keys[slot] = bits;
            size++;
        }
        counts[slot]++;
        if (size * 3 > keys.length * 2) {
            grow();
        }
    }

    int size() {
        return size;
    }

    /** The most frequent value, the smallest of equally frequent ones (pandas {@code mode()[0]}); NaN when empty. */
    double mode() {
        double best = Double.NaN;
        long bestCount = 0;
        for (int i = 0; i < keys.length; i++) {
            long c = counts[i];
            if (c == 0) {
                continue;
            }
            double v = Double.longBitsToDouble(keys[i]);
            if (c > bestCount || (c == bestCount && v < best)) {
                best = v;
                bestCount = c;
            }
        }
        return best;
    }

    private static int find(long[] keys, long[] counts, long bits) {
        int mask = keys.length - 1;
        int slot = mix(bits) & mask;
        while (counts[slot] != 0 && keys[slot] != bits) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** Spreads the bits: many logged values differ only in low mantissa bits or only in the exponent. */
    private static int mix(long bits) {
        long h = bits * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldCounts = counts;
        keys = new long[oldKeys.length * 2];
        counts = new long[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldCounts[i] != 0) {
                int slot = find(keys, counts, oldKeys[i]);
                keys[slot] = oldKeys[i];
                counts[slot] = oldCounts[i];
            }
        }
    }
}
