package org.runops.oms;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import org.runops.oms.internal.Pager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One query of an OMS resource, built fluently from {@link OmsClient#query(String)} (spec §1.3):
 * projection, filters (AND-ed, the same attribute may appear twice, e.g. GE and LE), sort keys and
 * projection in insertion order, {@code include}, {@code group[..]} and the page size. Values are
 * percent-encoded by {@link HttpUrl}. {@link #fetchAll()} and {@link #forEachPage(Consumer)} page on
 * {@code meta.totalResourceCount} and fail loudly on any short or inconsistent answer.
 *
 * <p>Not thread-safe while being built; reusable once built.
 */
public final class OmsQuery {
    private static final Logger LOG = LoggerFactory.getLogger(OmsQuery.class);

    /** Filter operators (omsapi {@code OMS_FILTER_OPERATORS}); {@code CT} = "contains", for list attributes. */
    public enum Op { EQ, NEQ, LT, GT, LE, GE, LIKE, CT }

    private record Filter(String attribute, Op op, String value) {}

    private record Group(String key, String value) {}

    private final OmsClient client;
    private final String resource;
    private final List<String> fields = new ArrayList<>();
    private final List<Filter> filters = new ArrayList<>();
    private final List<String> sort = new ArrayList<>();
    private final List<String> include = new ArrayList<>();
    private final List<Group> groups = new ArrayList<>();
    private int pageSize;
    private ProgressListener progress = ProgressListener.NONE;

    /** Told after each page: pages delivered so far and the number of pages of the query. */
    @FunctionalInterface
    public interface ProgressListener {
        ProgressListener NONE = (done, total) -> {};

        void onProgress(long done, long total);
    }

    OmsQuery(OmsClient client, String resource, int pageSize) {
        this.client = Objects.requireNonNull(client, "client");
        String r = Objects.requireNonNull(resource, "resource").strip();
        while (r.startsWith("/")) {
            r = r.substring(1);
        }
        while (r.endsWith("/")) { // omsapi 37e7267: the API has no trailing slash after the resource
            r = r.substring(0, r.length() - 1);
        }
        if (r.isEmpty() || r.contains("?")) {
            throw new IllegalArgumentException("not an OMS resource name: '" + resource + "'");
        }
        this.resource = r;
        this.pageSize = pageSize;
    }

    /** Projection: only these attributes ({@code fields=a,b}), in the order given. */
    public OmsQuery fields(String... names) {
        for (String n : names) {
            fields.add(requireName(n, "field"));
        }
        return this;
    }

    /**
     * {@code filter[attr][op]=value}. Numbers are written plainly, booleans lower-case, null as
     * {@code null}, anything else by {@code toString()}.
     */
    public OmsQuery filter(String attribute, Op op, Object value) {
        filters.add(new Filter(requireName(attribute, "filter attribute"), Objects.requireNonNull(op, "op"), format(value)));
        return this;
    }

    /** Adds a sort key; keys apply in the order added ({@code sort=a,-b}). */
    public OmsQuery sort(String attribute, boolean ascending) {
        sort.add((ascending ? "" : "-") + requireName(attribute, "sort attribute"));
        return this;
    }

    /** {@code include=meta} (units in {@code meta.fields}), {@code presentation_timestamp}, {@code data_only}. */
    public OmsQuery include(String... what) {
        for (String w : what) {
            include.add(requireName(w, "include"));
        }
        return this;
    }

    /** {@code group[key]=value}, e.g. {@code group("granularity", "lumisection")}. */
    public OmsQuery group(String key, String value) {
        groups.add(new Group(requireName(key, "group key"), Objects.requireNonNull(value, "group value")));
        return this;
    }

    /** Rows per request ({@code page[limit]}); the client's default (1000) otherwise. */
    public OmsQuery pageSize(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("page size must be at least 1: " + rows);
        }
        this.pageSize = rows;
        return this;
    }

    /** Called after every page delivered (for progress bars). */
    public OmsQuery onProgress(ProgressListener listener) {
        this.progress = Objects.requireNonNull(listener, "listener");
        return this;
    }

    public int pageSize() {
        return pageSize;
    }

    /** The request URL of one page, as the client sends it. */
    public HttpUrl url(long offset, int limit) {
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("page offset must be >= 0 and limit >= 1: " + offset + ", " + limit);
        }
        HttpUrl.Builder b = client.baseUrl().newBuilder().addPathSegments(resource);
        if (!fields.isEmpty()) {
            b.addQueryParameter("fields", String.join(",", fields));
        }
        for (Filter f : filters) {
            b.addQueryParameter("filter[" + f.attribute() + "][" + f.op() + "]", f.value());
        }
        if (!sort.isEmpty()) {
            b.addQueryParameter("sort", String.join(",", sort));
        }
        if (!include.isEmpty()) {
            b.addQueryParameter("include", String.join(",", include));
        }
        for (Group g : groups) {
            b.addQueryParameter("group[" + g.key() + "]", g.value());
        }
        return b.addQueryParameter("page[offset]", Long.toString(offset))
                .addQueryParameter("page[limit]", Integer.toString(limit))
                .build();
    }

    /**
     * Every row of the query, in offset order. When the data moved while it was paged (the total
     * changed, or a row came back on a later page) the query is asked once more from the start; a
     * second inconsistent answer is an {@link OmsDataChangedException}. Both askings together end within the client's
     * query timeout.
     */
    public List<OmsRecord> fetchAll() {
        return fetchAll(deadline());
    }

    /** {@link #fetchAll()} by {@code deadlineNanos} ({@link System#nanoTime()}), the second asking included. */
    List<OmsRecord> fetchAll(long deadlineNanos) {
        try {
            return collect(deadlineNanos);
        } catch (OmsDataChangedException e) {
            LOG.warn("{}; asking again once", e.getMessage());
            return collect(deadlineNanos);
        }
    }

    /** The end of a call that starts now: the client's query timeout from now. */
    long deadline() {
        return System.nanoTime() + client.queryTimeout().toNanos();
    }

    private List<OmsRecord> collect(long deadlineNanos) {
        List<OmsRecord> all = new ArrayList<>();
        forEachPage(page -> all.addAll(page.records()), deadlineNanos);
        return all;
    }

    /**
     * Streams the pages in offset order, holding at most the client's page concurrency in memory.
     * The first page gives the total; the other offsets are computed (never from {@code links.next},
     * which the server writes as {@code https://https://...}) and fetched concurrently. Pages already
     * handed over cannot be taken back, so data that moves while paging is an
     * {@link OmsDataChangedException} here, never retried; the whole query ends within the client's
     * query timeout.
     */
    public void forEachPage(Consumer<OmsPage> consumer) {
        forEachPage(consumer, deadline());
    }

    private void forEachPage(Consumer<OmsPage> consumer, long deadlineNanos) {
        new Pager(this::url, client.pages(), client.executor(), client.pageConcurrency(), client.queryTimeout(),
                System::nanoTime)
                .run(pageSize, deadlineNanos, Objects.requireNonNull(consumer, "consumer"), progress::onProgress);
    }

    @Override
    public String toString() {
        return url(0, pageSize).toString();
    }

    static String format(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("filter value must be finite: " + d);
            }
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Boolean bool) {
            return bool ? "true" : "false";
        }
        return value.toString();
    }

    private static String requireName(String name, String what) {
        Objects.requireNonNull(name, what);
        if (name.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return name.strip();
    }
}
