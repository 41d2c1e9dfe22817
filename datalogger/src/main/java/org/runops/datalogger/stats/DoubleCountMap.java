package org.runops.datalogger.stats;

/**
 * Counts occurrences of exact double values without boxing: open addressing with linear probing over
 * the values' bit patterns, key and count side by side in one array (one cache miss per lookup in a big
 * map). A slot is empty while its count is 0. Callers normalise -0.0 and never add NaN.
 */
final class DoubleCountMap {
    private static final int INITIAL_SLOTS = 16;

    /** {@code [2i]} the bits of slot i's value, {@code [2i+1]} its count. */
    private long[] slots = new long[2 * INITIAL_SLOTS];
    private int size;

    void add(double value, long times) {
        long bits = Double.doubleToRawLongBits(value);
        int i = find(slots, bits);
        if (slots[i + 1] == 0) {
            slots[i] = bits;
            size++;
        }
        slots[i + 1] += times;
        if (size * 3 > slotCount() * 2) {
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
        for (int i = 0; i < slots.length; i += 2) {
            long c = slots[i + 1];
            if (c == 0) {
                continue;
            }
            double v = Double.longBitsToDouble(slots[i]);
            if (c > bestCount || (c == bestCount && v < best)) {
                best = v;
                bestCount = c;
            }
        }
        return best;
    }

    private int slotCount() {
        return slots.length / 2;
    }

    /** The array index of {@code bits}' slot, or of the empty slot where it belongs. */
    private static int find(long[] slots, long bits) {
        int mask = slots.length / 2 - 1;
        int slot = mix(bits) & mask;
        while (slots[2 * slot + 1] != 0 && slots[2 * slot] != bits) {
            slot = (slot + 1) & mask;
        }
        return 2 * slot;
    }

    /** Spreads the bits: many logged values differ only in low mantissa bits or only in the exponent. */
    private static int mix(long bits) {
        long h = bits * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        for (int i = 0; i < old.length; i += 2) {
            if (old[i + 1] != 0) {
                int j = find(slots, old[i]);
                slots[j] = old[i];
                slots[j + 1] = old[i + 1];
            }
        }
    }
}
