package org.runops.runregistry.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Set operations on one run's lumisections held as flat pairs {@code first0, last0, first1, last1, ...}:
 * normalised means sorted, disjoint and not adjacent (adjacent ranges are merged). Every method takes and
 * returns normalised arrays, and never changes its arguments.
 */
public final class Ranges {
    private Ranges() {}

    /** Sorted, merged pairs from ranges {@code {first, last}} in any order. */
    public static int[] normalise(List<int[]> ranges) {
        int[][] sorted = ranges.toArray(new int[0][]);
        Arrays.sort(sorted, Comparator.comparingInt((int[] r) -> r[0]));
        int[] out = new int[sorted.length * 2];
        int n = 0;
        for (int[] r : sorted) {
            n = append(out, n, r[0], r[1]);
        }
        return Arrays.copyOf(out, n);
    }

    public static boolean contains(int[] pairs, int ls) {
        int lo = 0;
        int hi = pairs.length / 2 - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (pairs[2 * mid + 1] < ls) {
                lo = mid + 1;
            } else if (pairs[2 * mid] > ls) {
                hi = mid - 1;
            } else {
                return true;
            }
        }
        return false;
    }

    public static long count(int[] pairs) {
        long n = 0;
        for (int i = 0; i < pairs.length; i += 2) {
            n += (long) pairs[i + 1] - pairs[i] + 1;
        }
        return n;
    }

    public static int[] union(int[] a, int[] b) {
        int[] out = new int[a.length + b.length];
        int n = 0;
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            boolean takeA = j >= b.length || (i < a.length && a[i] <= b[j]);
            int[] src = takeA ? a : b;
            int k = takeA ? i : j;
            n = append(out, n, src[k], src[k + 1]);
            if (takeA) {
                i += 2;
            } else {
                j += 2;
            }
        }
        return Arrays.copyOf(out, n);
    }

    public static int[] intersection(int[] a, int[] b) {
        int[] out = new int[a.length + b.length];
        int n = 0;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            int lo = Math.max(a[i], b[j]);
            int hi = Math.min(a[i + 1], b[j + 1]);
            if (lo <= hi) {
                out[n++] = lo;
                out[n++] = hi;
            }
            if (a[i + 1] < b[j + 1]) {
                i += 2;
            } else {
                j += 2;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** {@code a} without the lumisections of {@code b}. */
    public static int[] subtract(int[] a, int[] b) {
        int[] out = new int[a.length + b.length];
        int n = 0;
        int j = 0;
        for (int i = 0; i < a.length; i += 2) {
            int from = a[i];
            int to = a[i + 1];
            while (j < b.length && b[j + 1] < from) {
                j += 2; // b's range ends before this one starts
            }
            boolean covered = false;
            for (int k = j; k < b.length && b[k] <= to; k += 2) {
                if (b[k] > from) {
                    out[n++] = from;
                    out[n++] = b[k] - 1;
                }
                if (b[k + 1] >= to) {
                    covered = true; // the rest of [from, to] is in b (and to + 1 could overflow)
                    break;
                }
                from = Math.max(from, b[k + 1] + 1);
            }
            if (!covered) {
                out[n++] = from;
                out[n++] = to;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Appends {@code [first, last]} (first ≥ the previous first) to {@code out[0..n)}, merging overlap and adjacency. */
    private static int append(int[] out, int n, int first, int last) {
        if (n > 0 && (long) first <= (long) out[n - 1] + 1) {
            out[n - 1] = Math.max(out[n - 1], last);
            return n;
        }
        out[n] = first;
        out[n + 1] = last;
        return n + 2;
    }
}
