package org.runops.core.refrun.internal;

/**
 * The k smallest (distance, row) pairs seen so far: a bounded max-heap whose root is the worst kept
 * pair, so each offer costs O(1) when it loses and O(log k) when it wins. Ties in distance are broken
 * by the lower row, which makes the result independent of the order candidates are offered in.
 */
public final class NearestHeap {
    private final double[] distance;
    private final int[] row;
    private int size;

    /** A heap keeping at most {@code k} pairs ({@code k >= 0}). */
    public NearestHeap(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0, was " + k);
        }
        distance = new double[k];
        row = new int[k];
    }

    /** Number of pairs kept. */
    public int size() {
        return size;
    }

    /** Offers a pair; kept when the heap is not full or it beats the worst kept pair. */
    public void offer(double d, int r) {
        int k = distance.length;
        if (size < k) {
            int i = size++;
            while (i > 0) { // sift up
                int parent = (i - 1) >>> 1;
                if (!worse(d, r, distance[parent], row[parent])) {
                    break;
                }
                distance[i] = distance[parent];
                row[i] = row[parent];
                i = parent;
            }
            distance[i] = d;
            row[i] = r;
        } else if (k > 0 && worse(distance[0], row[0], d, r)) {
            siftDown(d, r, size);
        }
    }

    /**
     * Empties the heap into {@code rowsOut}/{@code distancesOut} (length ≥ size), best first.
     * @return the number of pairs written
     */
    public int drainAscending(int[] rowsOut, double[] distancesOut) {
        int n = size;
        for (int i = n - 1; i >= 0; i--) { // the root is the worst: pop it into the last free slot
            rowsOut[i] = row[0];
            distancesOut[i] = distance[0];
            size--;
            if (size > 0) {
                siftDown(distance[size], row[size], size);
            }
        }
        return n;
    }

    /** Places (d, r) at the root and sifts it down within the first {@code n} slots. */
    private void siftDown(double d, int r, int n) {
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= n) {
                break;
            }
            if (child + 1 < n && worse(distance[child + 1], row[child + 1], distance[child], row[child])) {
                child++;
            }
            if (!worse(distance[child], row[child], d, r)) {
                break;
            }
            distance[i] = distance[child];
            row[i] = row[child];
            i = child;
        }
        distance[i] = d;
        row[i] = r;
    }

    /** Whether (d1, r1) ranks after (d2, r2): larger distance, or equal distance and larger row. */
    private static boolean worse(double d1, int r1, double d2, int r2) {
        return d1 > d2 || (d1 == d2 && r1 > r2);
    }
}
