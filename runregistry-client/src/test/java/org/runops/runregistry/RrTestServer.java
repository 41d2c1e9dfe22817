package org.runops.runregistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.runops.core.http.HttpClients;
import org.runops.core.http.HttpFetcher;
import org.runops.core.http.HttpSettings;
import org.runops.core.http.RetryPolicy;
import org.runops.core.http.TokenProvider;
import org.runops.runregistry.internal.RrJson;
import org.runops.testing.SharedData;

/**
 * A loopback Run Registry for tests: a mockwebserver3 whose answers are chosen per request by a function, every
 * request (path, JSON body, Authorization header) recorded, and clients over the real {@link HttpFetcher} whose
 * sleeper records the waits instead of sleeping.
 */
final class RrTestServer implements AutoCloseable {
    final MockWebServer server = new MockWebServer();
    final List<Seen> requests = new CopyOnWriteArrayList<>();
    final List<Duration> retryWaits = new CopyOnWriteArrayList<>();

    /** One request: path below the API root, JSON body (null for GET), bearer token sent (null for none). */
    record Seen(String path, JsonNode body, String authorization) {}

    RrTestServer(Function<Seen, MockResponse> answer) throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath().replaceFirst("^/(api/)?", "");
                JsonNode body = null;
                if (request.getBody() != null && request.getBody().size() > 0 && !path.equals("token")) {
                    try {
                        body = RrJson.MAPPER.readTree(request.getBody().utf8());
                    } catch (IOException e) {
                        throw new IllegalStateException("the client sent invalid JSON to " + path, e);
                    }
                }
                Seen seen = new Seen(path, body, request.getHeaders().get("Authorization"));
                requests.add(seen);
                return answer.apply(seen);
            }
        });
        server.start();
    }

    HttpUrl base() {
        return server.url("/api/");
    }

    /** A builder over the real fetcher: 4 attempts, 10-40 ms backoff recorded not slept, the given tokens. */
    RunRegistryClient.Builder builder(TokenProvider tokens, HttpSettings settings) {
        RetryPolicy retry = new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofSeconds(60), Duration.ZERO);
        HttpFetcher fetcher = new HttpFetcher(HttpClients.create(settings), tokens, retry, retryWaits::add,
                HttpFetcher.jitter());
        return RunRegistryClient.builder().baseUrl(base()).fetcher(fetcher);
    }

    RunRegistryClient.Builder builder() {
        return builder(TokenProvider.none(), HttpSettings.defaults());
    }

    List<Seen> requestsTo(String path) {
        return requests.stream().filter(s -> s.path().equals(path)).toList();
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    static MockResponse json(String body) {
        return json(200, body);
    }

    /** The real flattened dataset record of run 346512 ({@code data/runregistry/rr_dataset_record_*.json}). */
    static JsonNode realDatasetRecord() throws IOException {
        return RrJson.MAPPER.readTree(Files.readAllBytes(SharedData.require(
                "runregistry/rr_dataset_record_346512_PromptReco_CollisionsSpecial2021.json")));
    }

    /**
     * The server's raw dataset shape (no real sample exists: built from spec D§6 around the real record's content):
     * run {@code run}, dataset {@code name}, flags and states of the real record, the run as {@code Run{rr_attributes}}.
     */
    static ObjectNode rawDataset(JsonNode real, long run, String name) {
        ObjectNode raw = RrJson.MAPPER.createObjectNode();
        raw.put("run_number", run);
        raw.put("name", name);
        raw.set("dataset_attributes", real.get("dataset_attributes"));
        raw.set("datasets_in_gui", real.get("datasets_in_gui"));
        raw.put("deleted", false);
        raw.put("version", run * 10);
        raw.putObject("DatasetTripletCache").set("triplet_summary", real.get("lumisections"));
        ObjectNode rr = raw.putObject("Run").putObject("rr_attributes");
        for (String f : List.of("class", "state", "significant", "stop_reason", "run_needs_to_be_updated_manually")) {
            rr.set(f, real.get(f));
        }
        return raw;
    }

    /** A raw {@code datasets_filtered_ordered} page (spec D§6 shape, no real sample): {datasets, pages, count}. */
    static String page(String key, List<? extends JsonNode> records, long count, long pages) {
        ObjectNode o = RrJson.MAPPER.createObjectNode();
        ArrayNode a = o.putArray(key);
        records.forEach(a::add);
        o.put("pages", pages);
        o.put("count", count);
        return o.toString();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
