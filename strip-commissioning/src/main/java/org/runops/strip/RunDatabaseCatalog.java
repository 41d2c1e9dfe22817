package org.runops.strip;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import org.runops.core.run.CatalogException;
import org.runops.core.run.RunCatalog;
import org.runops.core.run.RunRecord;

/**
 * {@link RunDatabase#catalog}: the RUN table as run records, one per run number (a scope run has one
 * RUN row per partition), with one range query.
 * <ul>
 * <li>start: the earliest STARTTIME of the run's rows; end: the latest ENDTIME, or null while any row
 *     has none (the run is still going on in that partition). Both are the DB's naive DATE values read
 *     in the configured zone ({@code db.zone});
 * <li>{@value RunRecord#PARTITIONS}: the partition names, in name order, without repeats, ';'-joined;
 * <li>{@code run_mode}: RUNMODE of the first row (partition-name order), absent when NULL;
 *     {@value RunRecord#RUN_TYPE}: its MODEDESCRIPTION name ({@link RunMode}), absent for a code the table does not list.
 * </ul>
 * A database that cannot be queried is a {@link CatalogException} (with the {@link RunDatabaseException} as cause).
 */
final class RunDatabaseCatalog implements RunCatalog {
    private final RunDatabase database;
    private final ZoneId zone;

    RunDatabaseCatalog(RunDatabase database, ZoneId zone) {
        this.database = Objects.requireNonNull(database, "database");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    @Override
    public List<RunRecord> runs(long firstRun, long lastRun) {
        RunCatalog.requireRange(firstRun, lastRun);
        Map<Long, List<RunRow>> rows;
        try {
            rows = database.runsBetween(firstRun, lastRun);
        } catch (RunDatabaseException e) {
            throw new CatalogException("strip RUN database: " + e.getMessage(), e);
        }
        List<RunRecord> out = new ArrayList<>(rows.size());
        rows.forEach((run, runRows) -> out.add(record(run, runRows)));
        return out;
    }

    private RunRecord record(long run, List<RunRow> rows) {
        LocalDateTime start = null;
        LocalDateTime end = null;
        boolean running = false;
        for (RunRow r : rows) {
            start = r.start() == null ? start : start == null || r.start().isBefore(start) ? r.start() : start;
            running |= r.end() == null;
            end = r.end() == null ? end : end == null || r.end().isAfter(end) ? r.end() : end;
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(RunRecord.PARTITIONS, String.join(RunRecord.LIST_SEPARATOR,
                rows.stream().map(RunRow::partitionName).distinct().toList()));
        OptionalInt mode = rows.get(0).runModeCode();
        if (mode.isPresent()) {
            attributes.put("run_mode", Integer.toString(mode.getAsInt()));
            RunMode.ofCode(mode.getAsInt()).ifPresent(m -> attributes.put(RunRecord.RUN_TYPE, m.name()));
        }
        return new RunRecord(run, instant(start), running ? null : instant(end), attributes);
    }

    private Instant instant(LocalDateTime t) {
        return t == null ? null : t.atZone(zone).toInstant();
    }

    @Override
    public String toString() {
        return "strip RUN database (times in " + zone + ")";
    }
}
