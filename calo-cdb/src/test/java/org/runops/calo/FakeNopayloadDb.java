package org.runops.calo;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * nopayloaddb's {@code payloadiovs/} over an {@link InMemoryCdb}, for mockwebserver3: rows positional, or
 * objects with {@code shape=dict}; an unknown global tag answers 404 {@code {"detail":"Not found."}}. A run
 * can be given scripted answers first (a 504, a 500, garbage, a slow body) and raw bodies can be served
 * for a run as they are. {@code globalTags} lists the CDB's global tags in the server's shape. Counts
 * requests per run and the most answered at once.
 */
final class FakeNopayloadDb extends Dispatcher {
    static final String API = "/api/cdb_rest/";

    private final InMemoryCdb cdb;
    private final Map<Long, Deque<MockResponse>> scripted = new ConcurrentHashMap<>();
    private final Map<Long, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile long workMillis;
    private volatile boolean globalTagsMissing;

    FakeNopayloadDb(InMemoryCdb cdb) {
        this.cdb = cdb;
    }

    /** Answers {@code responses} to the next requests for {@code run}, in order, then the CDB's content. */
    FakeNopayloadDb script(long run, MockResponse... responses) {
        scripted.computeIfAbsent(run, r -> new ArrayDeque<>()).addAll(java.util.List.of(responses));
        return this;
    }

    /** Spends this long in each answer, so that concurrent requests overlap. */
    FakeNopayloadDb work(long millis) {
        this.workMillis = millis;
        return this;
    }

    /** Answers globalTags with 404, as a server without that endpoint would. */
    FakeNopayloadDb failGlobalTags() {
        this.globalTagsMissing = true;
        return this;
    }

    int requests(long run) {
        AtomicInteger n = requests.get(run);
        return n == null ? 0 : n.get();
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        HttpUrl url = request.getUrl();
        if (url.encodedPath().equals(API + "globalTags") && !globalTagsMissing) {
            StringBuilder tags = new StringBuilder("[");
            int id = 0;
            for (String name : cdb.globalTagNames()) {
                tags.append(id > 0 ? ", " : "").append("{\"id\": ").append(++id).append(", \"name\": \"").append(name)
                        .append("\", \"author\": \"admin\", \"status\": \"unlocked\", \"payload_lists_count\": 7}");
            }
            return json(200, tags.append(']').toString());
        }
        if (!url.encodedPath().equals(API + "payloadiovs/")) {
            return json(404, "{\"detail\":\"Not found.\"}");
        }
        long run = Long.parseLong(url.queryParameter("minorIOV"));
        requests.computeIfAbsent(run, r -> new AtomicInteger()).incrementAndGet();
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            if (workMillis > 0) {
                Thread.sleep(workMillis);
            }
            Deque<MockResponse> queue = scripted.get(run);
            MockResponse next = queue == null ? null : queue.poll();
            if (next != null) {
                return next;
            }
            String gt = url.queryParameter("gtName");
            if (!"0".equals(url.queryParameter("majorIOV")) || gt == null || !cdb.globalTagNames().contains(gt)) {
                return json(404, "{\"detail\":\"Not found.\"}");
            }
            return json(200, rows(cdb.globalTag(gt).payloadsAt(run), "dict".equals(url.queryParameter("shape"))));
        } finally {
            inFlight.decrementAndGet();
        }
    }

    static String rows(Map<String, PayloadRef> payloads, boolean dict) {
        StringBuilder s = new StringBuilder("[");
        for (PayloadRef p : payloads.values()) {
            s.append(s.length() > 1 ? ", " : "");
            if (dict) {
                s.append(String.format(java.util.Locale.ROOT, "{\"payload_type_name\": \"%s\", \"payload_url\": \"%s\", \"checksum\": \"%s\","
                        + " \"size\": null, \"major_iov\": 0, \"minor_iov\": %d, \"major_iov_end\": 0, \"minor_iov_end\": %d, \"revision\": null}",
                        p.payloadType(), p.url(), p.checksum(), p.firstRun(), p.endRun()));
            } else {
                s.append(String.format(java.util.Locale.ROOT, "[\"%s\", \"%s\", \"%s\", null, 0, %d, 0, %d]",
                        p.payloadType(), p.url(), p.checksum(), p.firstRun(), p.endRun()));
            }
        }
        return s.append(']').toString();
    }
}
