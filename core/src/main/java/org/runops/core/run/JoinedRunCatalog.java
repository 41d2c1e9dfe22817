package org.runops.core.run;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.runops.core.RunopsException;

/** {@link RunCatalog#join}: the primary's runs, attributes merged by run number, the primary first. */
final class JoinedRunCatalog implements RunCatalog {
    private final RunCatalog primary;
    private final List<RunCatalog> others;

    JoinedRunCatalog(RunCatalog primary, List<RunCatalog> others) {
        this.primary = Objects.requireNonNull(primary, "primary");
        this.others = List.copyOf(others);
    }

    @Override
    public List<RunRecord> runs(long firstRun, long lastRun) {
        List<RunRecord> runs = primary.runs(firstRun, lastRun);
        if (runs.isEmpty() || others.isEmpty()) {
            return runs;
        }
        // ask the others only for the span the primary has: a few fff folders need not cost a year of OMS
        long low = runs.stream().mapToLong(RunRecord::run).min().getAsLong();
        long high = runs.stream().mapToLong(RunRecord::run).max().getAsLong();
        List<Map<Long, RunRecord>> known = new ArrayList<>(others.size());
        for (int i = 0; i < others.size(); i++) {
            Map<Long, RunRecord> byRun = new HashMap<>();
            try {
                others.get(i).runs(low, high).forEach(r -> byRun.putIfAbsent(r.run(), r));
            } catch (RunopsException | UncheckedIOException e) {
                throw new CatalogException("joined run catalogue: catalogue " + (i + 2) + " of " + (others.size() + 1)
                        + " failed for runs " + low + ".." + high + ", so no runs are returned: " + e.getMessage(), e);
            }
            known.add(byRun);
        }
        List<RunRecord> joined = new ArrayList<>(runs.size());
        for (RunRecord r : runs) {
            Map<String, String> attributes = new LinkedHashMap<>(r.attributes());
            Instant start = r.start();
            Instant end = r.end();
            for (Map<Long, RunRecord> byRun : known) {
                RunRecord other = byRun.get(r.run());
                if (other != null) {
                    other.attributes().forEach(attributes::putIfAbsent);
                    start = start != null ? start : other.start();
                    end = end != null ? end : other.end();
                }
            }
            joined.add(new RunRecord(r.run(), start, end, attributes));
        }
        return joined;
    }

    @Override
    public List<Long> runNumbers(long firstRun, long lastRun) {
        return primary.runNumbers(firstRun, lastRun);
    }
}
