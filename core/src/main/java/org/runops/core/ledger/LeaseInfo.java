package org.runops.core.ledger;

import java.time.Instant;
import java.util.Objects;

/**
 * Who holds a run lease: written into the lease file, read back by anyone asking why a run is busy.
 *
 * @param run       the run
 * @param host      the holder's host name
 * @param pid       the holder's process id
 * @param token     a random token told apart from any other holder's
 * @param generation 1 for a fresh lease, one more than the taken-over lease's on each takeover (a fencing
 *                  number: a recorder holding an older generation has lost the run)
 * @param started   when the lease was taken
 * @param heartbeat when the holder last said it is alive
 */
public record LeaseInfo(long run, String host, long pid, String token, long generation, Instant started, Instant heartbeat) {
    public LeaseInfo {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(token, "token");
        if (generation < 1) {
            throw new IllegalArgumentException("lease generation must be at least 1, got " + generation);
        }
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(heartbeat, "heartbeat");
    }

    /** The same lease, heartbeat at {@code now}. */
    LeaseInfo beat(Instant now) {
        return new LeaseInfo(run, host, pid, token, generation, started, now);
    }

    String serialize() {
        return "run=" + run + "\nhost=" + host + "\npid=" + pid + "\ntoken=" + token + "\ngeneration=" + generation + "\nstarted=" + started
                + "\nheartbeat=" + heartbeat + "\n";
    }

    static LeaseInfo parse(String text, String where) {
        java.util.Map<String, String> kv = new java.util.HashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                kv.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        try {
            return new LeaseInfo(Long.parseLong(kv.get("run")), kv.get("host"), Long.parseLong(kv.get("pid")), kv.get("token"),
                    Long.parseLong(kv.getOrDefault("generation", "1")), // files written before generations existed
                    Instant.parse(kv.get("started")), Instant.parse(kv.get("heartbeat")));
        } catch (RuntimeException e) {
            throw new LedgerException("unreadable lease file " + where + ": " + e.getMessage(), e);
        }
    }
}
