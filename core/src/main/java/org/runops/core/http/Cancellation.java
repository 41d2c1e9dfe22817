package org.runops.core.http;

import java.util.HashSet;
import java.util.Set;
import okhttp3.Call;

/**
 * Stops the requests of one piece of work at once: {@link #cancel()} cancels every live call of the fetches given
 * it, and every later attempt fails at its start instead of being sent. Interrupting the fetching thread is not
 * enough: a blocking socket read ignores interrupts, so a request still waiting for its answer would run on until its
 * read or call timeout. Thread-safe; cancelling is final.
 */
public final class Cancellation {
    private final Set<Call> live = new HashSet<>();
    private boolean cancelled;

    /** Registers a call about to be executed; when already cancelled the call is cancelled too, so it fails at once. */
    synchronized void add(Call call) {
        if (cancelled) {
            call.cancel();
        } else {
            live.add(call);
        }
    }

    synchronized void remove(Call call) {
        live.remove(call);
    }

    /** Cancels the live calls and every later one. */
    public synchronized void cancel() {
        cancelled = true;
        live.forEach(Call::cancel);
        live.clear();
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }
}
