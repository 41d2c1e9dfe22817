package org.runops.oms;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.runops.core.run.CatalogException;
import org.runops.core.run.RunCatalog;
import org.runops.core.run.RunRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link RunCatalog} over the OMS {@code runs} resource: {@code run_number} GE/LE queries, paged,
 * wide ranges split into chunks of at most {@value #MAX_RUNS_PER_QUERY} run numbers (ReferenceRunRank's
 * {@code subdivide_range}), asked at once within the client's page concurrency. With an {@link OmsCache},
 * finished runs are stored and the settled parts of a range are answered from disk without any request.
 */
public final class OmsRunCatalog implements RunCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(OmsRunCatalog.class);
    /** Largest run-number span of one query. */
    public static final int MAX_RUNS_PER_QUERY = 5000;

    private final OmsClient client;
    private final OmsCache cache;
    private final OmsQuery.ProgressListener progress;

    /** A catalogue that asks OMS every time. */
    public OmsRunCatalog(OmsClient client) {
        this(client, null);
    }

    /** A catalogue that keeps finished runs in {@code cache} (null: no cache). */
    public OmsRunCatalog(OmsClient client, OmsCache cache) {
        this(client, cache, OmsQuery.ProgressListener.NONE);
    }

    private OmsRunCatalog(OmsClient client, OmsCache cache, OmsQuery.ProgressListener progress) {
        this.client = Objects.requireNonNull(client, "client");
        this.cache = cache;
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** The same catalogue, telling {@code listener} the page progress of each call: pages done and known of all its chunks. */
    public OmsRunCatalog withProgress(OmsQuery.ProgressListener listener) {
        return new OmsRunCatalog(client, cache, listener);
    }

    @Override
    public List<RunRecord> runs(long firstRun, long lastRun) {
        try {
            return toRunRecords(records(firstRun, lastRun));
        } catch (OmsException e) {
            throw new CatalogException("OMS run catalogue " + client.baseUrl() + ": " + e.getMessage(), e);
        }
    }

    /** The full OMS rows of runs {@code firstRun..lastRun}, ascending, from the cache where settled. */
    public List<OmsRecord> records(long firstRun, long lastRun) {
        RunCatalog.requireRange(firstRun, lastRun);
        if (cache == null) {
            return fetch(firstRun, lastRun, q -> {});
        }
        OmsCache.Lookup lookup = cache.lookup(firstRun, lastRun);
        List<OmsRecord> rows = new ArrayList<>(lookup.cached());
        if (lookup.missing().isEmpty()) {
            LOG.debug("OMS runs {}..{}: all {} rows from the cache", firstRun, lastRun, rows.size());
            return rows; // already sorted and settled: a read stays a read
        }
        List<OmsQuery> gaps = new ArrayList<>();
        for (OmsCache.RunRange gap : lookup.missing()) {
            gaps.addAll(chunks(gap.first(), gap.last(), q -> {}));
        }
        boolean allStored = true;
        for (OmsRecord r : ConcurrentQueries.fetchAll(client, gaps, progress)) { // every gap at once, under one deadline
            rows.add(r);
            if (OmsRun.from(r).isFinished()) {
                allStored &= cache.putRun(r);
            }
        }
        rows.sort(Comparator.comparingLong(r -> OmsRun.numberOf(r, "run_number")));
        OptionalLong settled = settledUpTo(rows);
        if (allStored && settled.isPresent() && settled.getAsLong() >= firstRun) {
            cache.markSettled(new OmsCache.RunRange(firstRun, settled.getAsLong()));
        }
        LOG.debug("OMS runs {}..{}: {} rows, {} from the cache", firstRun, lastRun, rows.size(), lookup.cached().size());
        return rows;
    }

    /**
     * Runs {@code firstRun..lastRun} with extra query settings ({@code fields}, filters, sort) applied to
     * every chunk's query; never cached, since the answer depends on them. A progress listener set by {@code refine}
     * is replaced: the chunks report together to the one of {@link #withProgress}.
     */
    public List<OmsRecord> fetch(long firstRun, long lastRun, Consumer<OmsQuery> refine) {
        RunCatalog.requireRange(firstRun, lastRun);
        // ascending chunks, each sorted by the server: concatenated in chunk order, the rows stay ascending
        return ConcurrentQueries.fetchAll(client, chunks(firstRun, lastRun, refine), progress);
    }

    /** The queries of {@code firstRun..lastRun}, at most {@value #MAX_RUNS_PER_QUERY} runs each, ascending. */
    private List<OmsQuery> chunks(long firstRun, long lastRun, Consumer<OmsQuery> refine) {
        List<OmsQuery> chunks = new ArrayList<>();
        for (long from = firstRun; from <= lastRun; from += MAX_RUNS_PER_QUERY) {
            long to = Math.min(lastRun, from + MAX_RUNS_PER_QUERY - 1);
            OmsQuery q = client.query("runs")
                    .filter("run_number", OmsQuery.Op.GE, from)
                    .filter("run_number", OmsQuery.Op.LE, to)
                    .sort("run_number", true);
            refine.accept(q);
            chunks.add(q);
            if (to == lastRun) {
                break; // also guards from += ... overflowing near Long.MAX_VALUE
            }
        }
        return chunks;
    }

    /**
     * Run numbers grow, so once run N exists no run below N can appear any more: the range is settled
     * up to the highest run seen, or up to just below the first run still going on. Empty without rows.
     */
    private static OptionalLong settledUpTo(List<OmsRecord> ascending) {
        for (OmsRecord r : ascending) {
            OmsRun run = OmsRun.from(r);
            if (!run.isFinished()) {
                return OptionalLong.of(run.runNumber() - 1);
            }
        }
        return ascending.isEmpty() ? OptionalLong.empty()
                : OptionalLong.of(OmsRun.from(ascending.get(ascending.size() - 1)).runNumber());
    }

    /**
     * The rows as run records: the {@link OmsTable} flattening (lists ';'-joined, units as {@code <attr>_unit}),
     * cells as text, {@code start_time}/{@code end_time} as start and end; plus {@value RunRecord#RUN_TYPE}
     * ({@code collisions} or {@code cosmics}, Certhelper's rule {@link OmsRun#runType()}) when the row has an
     * {@code hlt_key} to tell it by.
     */
    static List<RunRecord> toRunRecords(List<OmsRecord> records) {
        OmsTable table = OmsTable.of(records, "run_number");
        List<String> columns = table.columns();
        List<RunRecord> out = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            OmsRun run = OmsRun.from(records.get(i));
            List<Object> row = table.rows().get(i);
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int c = 0; c < columns.size(); c++) {
                String name = columns.get(c);
                if (row.get(c) != null && !name.equals("run_number") && !name.equals("start_time") && !name.equals("end_time")) {
                    attributes.put(name, row.get(c).toString());
                }
            }
            if (run.hltKey().isPresent()) {
                attributes.put(RunRecord.RUN_TYPE, run.runType().name().toLowerCase(Locale.ROOT));
            }
            out.add(new RunRecord(run.runNumber(), run.startTime(), run.endTime(), attributes));
        }
        return out;
    }

    @Override
    public Optional<RunRecord> run(long run) {
        return runs(run, run).stream().findFirst();
    }
}
