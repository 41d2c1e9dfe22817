package org.runops.core.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Run records as one flat table of text: {@code run_number}, {@code start_time}, {@code end_time}
 * (ISO-8601 UTC), then every attribute in order of first appearance. A cell is null when the run
 * has no such value. This is what {@code runops runs list} prints and what tracker studies read from a
 * catalogue; the column names are OMS's, so the table joins with OMS and Certhelper tables.
 *
 * @param columns the column names, in order
 * @param rows    one row per run, one cell per column
 */
public record RunTable(List<String> columns, List<List<String>> rows) {
    public RunTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(Objects.requireNonNull(rows, "rows"));
    }

    /** The table of {@code runs}, in their order. */
    public static RunTable of(List<RunRecord> runs) {
        Set<String> names = new LinkedHashSet<>(List.of("run_number", "start_time", "end_time"));
        runs.forEach(r -> names.addAll(r.attributes().keySet()));
        List<String> columns = new ArrayList<>(names);
        List<List<String>> rows = new ArrayList<>(runs.size());
        for (RunRecord r : runs) {
            List<String> row = new ArrayList<>(columns.size());
            row.add(Long.toString(r.run()));
            row.add(r.start() == null ? null : r.start().toString());
            row.add(r.end() == null ? null : r.end().toString());
            for (String name : columns.subList(3, columns.size())) {
                row.add(r.attributes().get(name));
            }
            rows.add(Collections.unmodifiableList(row));
        }
        return new RunTable(columns, rows);
    }
}
