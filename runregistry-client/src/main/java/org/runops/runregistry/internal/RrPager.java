package org.runops.runregistry.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.runops.core.Durations;
import org.runops.runregistry.RrDataChangedException;
import org.runops.runregistry.RrFilter;
import org.runops.runregistry.RrSort;
import org.runops.runregistry.RunRegistryException;
import org.runops.runregistry.RunRegistryClient.PageProgress;

/**
 * Pages one {@code *_filtered_ordered} query strictly (the Python client's {@code get_runs}, made safe): 0-based
 * pages of {@code pageSize}, one after the other. Page 0 gives {@code count} and {@code pages}; pages must equal
 * ceil(count / pageSize); every page must hold exactly the rows the count leaves for it; count and pages must not
 * change; no record may come back on two pages; the rows must add up to the count. Anything else is a
 * {@link RunRegistryException} (an {@link RrDataChangedException} when the data moved) naming the endpoint and
 * page — never a shorter list. Without a filter, a count above the guard is refused before paging on.
 */
public final class RrPager {

    private final RrHttp http;
    private final int pageSize;
    private final int maxRowsWithoutFilter;
    private final Clock clock;
    private final Duration timeout;

    public RrPager(RrHttp http, int pageSize, int maxRowsWithoutFilter, Clock clock, Duration timeout) {
        this.http = http;
        this.pageSize = pageSize;
        this.maxRowsWithoutFilter = maxRowsWithoutFilter;
        this.clock = clock;
        this.timeout = timeout;
    }

    /**
     * Every record of {@code path} ({@code runs_filtered_ordered}) under {@code key} ({@code runs}), read by
     * {@code reader}; {@code identity} tells two records apart (run number, or run and dataset name).
     */
    public <T> List<T> fetchAll(String path, String key, RrFilter filter, List<RrSort> sort,
            BiFunction<JsonNode, String, T> reader, Function<T, String> identity, PageProgress progress) {
        Instant deadline = clock.instant().plus(timeout);
        String where = "Run Registry " + http.url(path) + " " + filter.toJson();
        Page first = page(path, key, filter, sort, 0, deadline, where);
        long count = first.count;
        long pages = first.pages;
        long expectedPages = (count + pageSize - 1) / pageSize;
        if (pages != expectedPages) {
            throw new RunRegistryException(where + ": count " + count + " at page size " + pageSize + " makes " + expectedPages
                    + " pages, the server says " + pages);
        }
        if (filter.isEmpty() && count > maxRowsWithoutFilter) {
            throw new RunRegistryException(where + ": " + count + " records without a filter, more than the guard of "
                    + maxRowsWithoutFilter + " (give a filter, or raise maxRowsWithoutFilter)");
        }
        List<T> out = new ArrayList<>((int) Math.min(count, 100_000));
        Set<String> seen = new HashSet<>();
        Page page = first;
        for (long p = 0; ; p++) {
            if (page.count != count || page.pages != pages) {
                throw new RrDataChangedException(where + ": count/pages changed from " + count + "/" + pages + " to " + page.count
                        + "/" + page.pages + " at page " + p + " (records were added or removed while paging; ask again)");
            }
            long expected = Math.min(pageSize, count - p * pageSize);
            if (page.records.size() != expected) {
                throw new RunRegistryException(where + ": page " + p + " holds " + page.records.size() + " records, expected "
                        + expected + " of count " + count + " (a short or inconsistent page)");
            }
            for (int i = 0; i < page.records.size(); i++) {
                T record = reader.apply(page.records.get(i), where + " page " + p + " record " + i);
                if (!seen.add(identity.apply(record))) {
                    throw new RrDataChangedException(where + ": " + identity.apply(record) + " came back on page " + p
                            + " (records moved between pages while paging; ask again)");
                }
                out.add(record);
            }
            progress.pageDone(p + 1, Math.max(pages, 1));
            if (p + 1 >= pages) {
                break;
            }
            page = page(path, key, filter, sort, p + 1, deadline, where);
        }
        if (out.size() != count) {
            throw new RunRegistryException(where + ": expected " + count + " records (count), got " + out.size());
        }
        return out;
    }

    private record Page(long count, long pages, ArrayNode records) {}

    private Page page(String path, String key, RrFilter filter, List<RrSort> sort, long number, Instant deadline, String where) {
        Duration left = Duration.between(clock.instant(), deadline);
        if (left.isNegative() || left.isZero()) {
            throw new RunRegistryException(where + " did not finish within " + Durations.describe(timeout) + " (" + number
                    + " pages fetched; raise the query timeout for a slow server)");
        }
        ObjectNode body = RrJson.MAPPER.createObjectNode();
        body.put("page", number);
        body.put("page_size", pageSize);
        body.set("filter", filter.render());
        ArrayNode sortings = body.putArray("sortings");
        sort.forEach(s -> sortings.addArray().add(s.key()).add(s.ascending() ? "ASC" : "DESC"));
        JsonNode answer = http.json(http.post(path, body, left), path);
        String at = where + " page " + number;
        if (!answer.isObject()) {
            throw new RunRegistryException(at + ": expected {" + key + ", count, pages}, got " + RrRecords.describe(answer));
        }
        JsonNode records = answer.get(key);
        if (records == null || !records.isArray()) {
            throw new RunRegistryException(at + ": expected a list '" + key + "', got " + RrRecords.describe(records));
        }
        return new Page(count(answer.get("count"), "count", at), count(answer.get("pages"), "pages", at), (ArrayNode) records);
    }

    private static long count(JsonNode v, String field, String where) {
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
            throw new RunRegistryException(where + ": expected '" + field + "' to be a non-negative integer, got " + RrRecords.describe(v));
        }
        return v.asLong();
    }
}
