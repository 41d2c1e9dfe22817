package org.runops.core.ledger;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One decision about one run, as it goes into {@code history.jsonl}.
 *
 * @param time      when it was taken
 * @param host      on which host
 * @param run       the run
 * @param decision  what was decided (e.g. {@code SKIP}, {@code ANALYSE}, {@code GOOD}, {@code FAILED})
 * @param reason    a reason code and its explanation, e.g. {@code RECENTLY_FINISHED: ended 40 min ago (< 2 h)}
 * @param checks    named check results (e.g. {@code events -> MATCH})
 * @param durations named durations in milliseconds (e.g. {@code analysis -> 812000})
 */
public record HistoryRecord(Instant time, String host, long run, String decision, String reason, Map<String, String> checks,
        Map<String, Long> durations) {

    public HistoryRecord {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(reason, "reason");
        checks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(checks));
        durations = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(durations));
    }
}
