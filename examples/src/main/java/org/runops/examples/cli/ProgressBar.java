package org.runops.examples.cli;

import java.io.PrintWriter;

/** A one-line counter on stderr ({@code label: [####    ] unit done/total}), redrawn in place; silent when disabled. */
final class ProgressBar implements AutoCloseable {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final boolean enabled;
    private final String label;
    private final String unit;
    private boolean drawn;

    ProgressBar(PrintWriter err, boolean enabled, String label, String unit) {
        this.err = err;
        this.enabled = enabled;
        this.label = label;
        this.unit = unit;
    }

    synchronized void update(long done, long total) {
        if (!enabled || total <= 1) {
            return; // one step needs no bar
        }
        int filled = (int) (WIDTH * Math.min(done, total) / total);
        err.print("\r" + label + ": [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + unit + " " + done + "/" + total);
        err.flush();
        drawn = true;
    }

    @Override
    public synchronized void close() {
        if (drawn) {
            err.println();
            err.flush();
        }
    }
}
