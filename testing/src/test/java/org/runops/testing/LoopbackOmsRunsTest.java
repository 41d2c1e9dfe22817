package org.runops.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real HTTP over loopback: the pages, totals and refusals of the OMS runs fixture, with rows supplied by the test. */
class LoopbackOmsRunsTest {
    private final AtomicInteger served = new AtomicInteger();
    private LoopbackOmsRuns server;

    @BeforeEach
    void start() throws IOException {
        server = LoopbackOmsRuns.start(400_000, 400_099, run -> ("{\"id\":\"" + run + "\"}").getBytes(StandardCharsets.UTF_8),
                (arrived, ended) -> served.incrementAndGet());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aSubRangeHasItsOwnTotalAndOffsetsSliceIt() throws Exception {
        HttpResponse<String> page = get("/runs?filter%5Brun_number%5D%5BGE%5D=400010&filter[run_number][LE]=400019&sort=run_number"
                + "&page%5Boffset%5D=5&page%5Blimit%5D=3");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(page.body()).isEqualTo("{\"data\":[{\"id\":\"400015\"},{\"id\":\"400016\"},{\"id\":\"400017\"}],\"links\":{},"
                + "\"meta\":{\"totalResourceCount\":10}}");
    }

    @Test
    void theRangeIsClippedToTheRunsServedAndAPagePastTheEndIsEmpty() throws Exception {
        assertThat(get("/runs?filter[run_number][GE]=400098&filter[run_number][LE]=500000&page[offset]=0&page[limit]=10").body())
                .isEqualTo("{\"data\":[{\"id\":\"400098\"},{\"id\":\"400099\"}],\"links\":{},\"meta\":{\"totalResourceCount\":2}}");
        assertThat(get("/runs?page[offset]=100&page[limit]=10").body()).isEqualTo("{\"data\":[],\"links\":{},\"meta\":{\"totalResourceCount\":100}}");
        assertThat(get("/runs?filter[run_number][GE]=1&filter[run_number][LE]=2&page[limit]=10").body())
                .isEqualTo("{\"data\":[],\"links\":{},\"meta\":{\"totalResourceCount\":0}}");
        server.close(); // waits for the handlers, which report after the answer is sent
        server = null;
        assertThat(served).hasValue(3);
    }

    @Test
    void anythingNotUnderstoodIsRefusedNamingIt() throws Exception {
        HttpResponse<String> fields = get("/runs?page[limit]=10&fields=run_number");
        assertThat(fields.statusCode()).isEqualTo(400);
        assertThat(fields.body()).contains("parameters not served here: [fields]");
        assertThat(get("/runs?page[limit]=10&filter[fill_number][EQ]=1").statusCode()).isEqualTo(400);
        assertThat(get("/runs?page[limit]=10&sort=-run_number").statusCode()).isEqualTo(400);
        assertThat(get("/runs?page[offset]=0").statusCode()).isEqualTo(400); // no limit
        assertThat(get("/runs?page[limit]=10&page[limit]=20").statusCode()).isEqualTo(400);
        assertThat(get("/runs?page[limit]=ten").body()).contains("page[limit] must be an integer, got 'ten'");
        assertThat(get("/fills?page[limit]=10").statusCode()).isEqualTo(404);
    }

    @Test
    void refusesAnEmptyRangeOfRuns() {
        assertThatThrownBy(() -> LoopbackOmsRuns.start(2, 1, run -> new byte[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("runs 2..1");
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        URI uri = URI.create(server.baseUrl() + pathAndQuery.replace("[", "%5B").replace("]", "%5D"));
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
