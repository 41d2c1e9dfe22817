package org.runops.runregistry;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.runops.core.run.CatalogException;
import org.runops.core.run.RunCatalog;
import org.runops.core.run.RunRecord;

/**
 * {@link RunCatalog} over Run Registry's online runs, narrowed by a filter ({@code class like %Collisions%},
 * {@code tracker-strip: GOOD}): the runs of a range that pass it, ascending. Attributes, as text: the OMS attributes
 * Run Registry copied under their own names ({@code b_field}, {@code energy}, ... — the {@link RunRecord}
 * vocabulary), the Run Registry attributes as {@code rr_<name>} ({@code rr_class}, {@code rr_state},
 * {@code rr_significant}), and each column's flags as {@code rr_<column>}: the status when every lumisection has the
 * same one ({@code GOOD}), else the counts ({@code GOOD=617 STANDBY=25}). Start and end from the OMS
 * {@code start_time}/{@code end_time} when they are ISO instants. (Core cannot name this class, so it is not a
 * {@code RunCatalog} factory; the CLI's {@code --catalog rr[:FILTER]} builds it.)
 */
public final class RunRegistryRunCatalog implements RunCatalog {
    private final RunRegistryClient client;
    private final RrFilter filter;

    private RunRegistryRunCatalog(RunRegistryClient client, RrFilter filter) {
        this.client = Objects.requireNonNull(client, "client");
        this.filter = Objects.requireNonNull(filter, "filter");
    }

    /** The runs of {@code client} that pass {@code filter} ({@link RrFilter#none()} for all). */
    public static RunRegistryRunCatalog of(RunRegistryClient client, RrFilter filter) {
        return new RunRegistryRunCatalog(client, filter);
    }

    @Override
    public List<RunRecord> runs(long firstRun, long lastRun) {
        RunCatalog.requireRange(firstRun, lastRun);
        List<RrRun> runs;
        try {
            runs = client.runs(RrFilter.and(filter, RrFilter.runRange(firstRun, lastRun)), List.of(RrSort.ascending("run_number")),
                    RunRegistryClient.PageProgress.NONE);
        } catch (RunRegistryException e) {
            throw new CatalogException("Run Registry run catalogue " + client.baseUrl() + ": " + e.getMessage(), e);
        }
        List<RunRecord> out = new ArrayList<>(runs.size());
        for (RrRun r : runs) {
            out.add(toRunRecord(r));
        }
        out.sort(java.util.Comparator.comparingLong(RunRecord::run)); // whatever order the server kept
        return out;
    }

    static RunRecord toRunRecord(RrRun r) {
        Map<String, String> attributes = new LinkedHashMap<>();
        r.omsAttributes().forEach((name, v) -> text(v).ifPresent(t -> attributes.put(name, t)));
        r.rrAttributes().forEach((name, v) -> text(v).ifPresent(t -> attributes.put("rr_" + name, t)));
        r.triplets().forEach((column, t) -> attributes.put("rr_" + column, t.describe()));
        return new RunRecord(r.run(), instant(r.omsAttributes().get("start_time")), instant(r.omsAttributes().get("end_time")), attributes);
    }

    private static java.util.Optional<String> text(JsonNode v) {
        if (v == null || v.isNull()) {
            return java.util.Optional.empty();
        }
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            v.forEach(e -> parts.add(e.asText()));
            return java.util.Optional.of(String.join(RunRecord.LIST_SEPARATOR, parts));
        }
        return java.util.Optional.of(v.isValueNode() ? v.asText() : v.toString());
    }

    private static Instant instant(JsonNode v) {
        if (v == null || !v.isTextual()) {
            return null;
        }
        try {
            return Instant.parse(v.asText());
        } catch (DateTimeParseException e) {
            return null; // not an instant: left as the text attribute it also is
        }
    }
}
