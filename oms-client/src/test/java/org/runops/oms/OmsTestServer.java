package org.runops.oms;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.runops.core.http.HttpClients;
import org.runops.core.http.HttpFetcher;
import org.runops.core.http.HttpSettings;
import org.runops.core.http.RetryPolicy;
import org.runops.core.http.TokenProvider;

/**
 * A loopback OMS for tests: a mockwebserver3 whose answers are chosen per request by a function,
 * every request URL recorded, and clients over the real {@link HttpFetcher} whose sleeper records
 * the waits instead of sleeping.
 */
final class OmsTestServer implements AutoCloseable {
    final MockWebServer server = new MockWebServer();
    final List<HttpUrl> requests = new CopyOnWriteArrayList<>();
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    OmsTestServer(Function<RecordedRequest, MockResponse> answer) throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request.getUrl());
                return answer.apply(request);
            }
        });
        server.start();
    }

    HttpUrl base() {
        return server.url("/agg/api/v1");
    }

    /** A client over the real fetcher with a fast retry policy (4 attempts, waits recorded, not slept). */
    OmsClient client(TokenProvider tokens, HttpSettings settings) {
        return builder(tokens, settings).build();
    }

    /** {@link #client(TokenProvider, HttpSettings)}'s builder, to change more. */
    OmsClient.Builder builder(TokenProvider tokens, HttpSettings settings) {
        OkHttpClient http = HttpClients.create(settings);
        RetryPolicy retry = new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofSeconds(60), Duration.ZERO);
        HttpFetcher fetcher = new HttpFetcher(http, tokens, retry, sleeps::add, HttpFetcher.jitter());
        return OmsClient.builder().baseUrl(base()).fetcher(fetcher).pageSize(100).pageConcurrency(3);
    }

    OmsClient client() {
        return client(TokenProvider.none(), HttpSettings.defaults());
    }

    /** Page offsets requested (page[offset]), in request order. */
    List<Long> offsets() {
        return requests.stream().filter(u -> u.queryParameter("page[offset]") != null)
                .map(u -> Long.parseLong(u.queryParameter("page[offset]"))).toList();
    }

    static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build();
    }

    static MockResponse status(int code) {
        return new MockResponse.Builder().code(code).body("{\"errors\":[{\"detail\":\"status " + code + "\"}]}").build();
    }

    /**
     * A runs page as OMS writes it: rows {@code firstRun + offset ...}, run-level units, broken links,
     * {@code meta.totalResourceCount} = {@code total}.
     */
    static String runsPage(long firstRun, long offset, int rows, long total) {
        StringBuilder b = new StringBuilder("{\"data\":[");
        for (int i = 0; i < rows; i++) {
            long run = firstRun + offset + i;
            if (i > 0) {
                b.append(',');
            }
            b.append("{\"id\":\"").append(run).append("\",\"type\":\"runs\",\"attributes\":{\"run_number\":").append(run)
                    .append(",\"fill_number\":").append(9000 + run % 7)
                    .append(",\"start_time\":\"2024-03-01T10:00:00Z\",\"end_time\":\"2024-03-01T11:00:00Z\"")
                    .append(",\"init_lumi\":1.5,\"components\":[\"TRACKER\",\"PIXEL\"],\"stable_beam\":true}")
                    .append(",\"links\":{\"self\":\"https://https://x/runs/").append(run).append("\"}")
                    .append(",\"meta\":{\"row\":{\"init_lumi\":{\"units\":\"10^{33}cm^{-2}s^{-1}\"}}}}");
        }
        return b.append("],\"links\":{\"next\":\"https://https://vocms0185.cern.ch/agg/api/v1/runs?page[offset]=999\"},")
                .append("\"meta\":{\"totalResourceCount\":").append(total).append("}}").toString();
    }

    /** Answers runs pages of a query with {@code total} rows by the requested offset and limit. */
    static Function<RecordedRequest, MockResponse> pagedRuns(long firstRun, long total) {
        return request -> {
            HttpUrl url = request.getUrl();
            long offset = Long.parseLong(url.queryParameter("page[offset]"));
            int limit = Integer.parseInt(url.queryParameter("page[limit]"));
            int rows = (int) Math.max(0, Math.min(limit, total - offset));
            return json(runsPage(firstRun, offset, rows, total));
        };
    }

    /**
     * Answers runs queries as OMS would for a run every number: the rows of {@code filter[run_number][GE]..[LE]},
     * sliced by the requested offset and limit, with the total of that range.
     */
    static Function<RecordedRequest, MockResponse> runsByRange() {
        return request -> {
            HttpUrl url = request.getUrl();
            long ge = Long.parseLong(url.queryParameter("filter[run_number][GE]"));
            long total = Long.parseLong(url.queryParameter("filter[run_number][LE]")) - ge + 1;
            long offset = Long.parseLong(url.queryParameter("page[offset]"));
            int rows = (int) Math.max(0, Math.min(Integer.parseInt(url.queryParameter("page[limit]")), total - offset));
            return json(runsPage(ge, offset, rows, total));
        };
    }

    /** The {@code filter[run_number][GE]} of a request: which chunk of a wide range it belongs to. */
    static long chunkOf(HttpUrl url) {
        return Long.parseLong(url.queryParameter("filter[run_number][GE]"));
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static Map<String, String> noEnv() {
        return Map.of();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
