package org.runops.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.runops.calo.CalibrationSpec;
import org.runops.calo.CalibrationVerdict;
import org.runops.calo.PayloadRef;
import org.runops.calo.RestCdbLookup;
import org.runops.calo.RunCdbState;
import org.runops.calo.RunTag;
import org.runops.calo.internal.CdbVerdicts;
import org.runops.calo.internal.PayloadIovs;
import org.runops.calo.internal.PayloadUrls;
import org.runops.core.http.HttpFetcher;
import org.runops.core.http.HttpSettings;
import org.runops.core.http.TokenProvider;

/**
 * Plan-side CDB checking of {@code cdbRuns} runs × the 7 default calibrations against a REST CDB on loopback
 * (the JDK's HTTP server answering nopayloaddb's {@code payloadiovs} with positional rows, pre-rendered, 8
 * server threads, each answer after {@code serverLatencyMs}). {@code restConcurrent}: {@link RestCdbLookup}, one GET per run answering all 7 maps,
 * {@code concurrency} runs at a time. Baseline {@code sequentialPerMap}: what the original does — one GET per
 * (run, map), one after the other (7× the requests) — parsed and judged by the same code. Single-shot time
 * of a whole check; runs/s = {@code cdbRuns} / score. A quarter of the runs have every map, a quarter one
 * outdated map, a quarter nothing, a quarter every map but the hot map; both methods must find the same
 * number of runs needing maps. The baseline runs once (no warm-up): it takes 7× as long, and the whole
 * benchmark must stay under two minutes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
public class CdbLookupBenchmark {
    private static final String TAG = "new_newcdbtag_v008";
    private static final long FIRST_RUN = 66457;
    private static final List<CalibrationSpec> MAPS = CalibrationSpec.DEFAULTS;
    private static final byte[] GLOBAL_TAGS = "[{\"id\": 1, \"name\": \"newcdbtag\", \"status\": \"unlocked\"}]"
            .getBytes(StandardCharsets.UTF_8);

    @Param({"20000"})
    public int cdbRuns;

    @Param({"8"})
    public int concurrency;

    /** Time the server spends on each answer (a real CDB's query and the network); 0 = loopback only, CPU-bound. */
    @Param({"0"})
    public int serverLatencyMs;

    private HttpServer server;
    private ExecutorService serverThreads;
    private byte[][] answers;
    private List<RunTag> runs;
    private int expectedNeedingMaps;
    private RestCdbLookup lookup;
    private HttpFetcher fetcher;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        runs = new ArrayList<>(cdbRuns);
        answers = new byte[cdbRuns][];
        for (int i = 0; i < cdbRuns; i++) {
            RunTag r = new RunTag(FIRST_RUN + i, TAG);
            runs.add(r);
            answers[i] = answer(r, i % 4).getBytes(StandardCharsets.UTF_8);
            expectedNeedingMaps += i % 4 == 0 ? 0 : 1;
        }
        // headers and body go out as two writes: with Nagle on, each answer waits for the client's delayed ACK (40 ms)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        serverThreads = Executors.newFixedThreadPool(Math.max(8, concurrency));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/api/cdb_rest/payloadiovs/", this::serve);
        server.createContext("/api/cdb_rest/globalTags", e -> reply(e, GLOBAL_TAGS));
        server.setExecutor(serverThreads);
        server.start();
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/cdb_rest/");
        lookup = RestCdbLookup.builder(base).globalTag("newcdbtag").concurrency(concurrency).build();
        fetcher = HttpFetcher.create(HttpSettings.defaults(), TokenProvider.none());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        lookup.close();
        fetcher.close();
        server.stop(0);
        serverThreads.shutdownNow();
    }

    /** The positional rows served at run {@code r}: kind 0 every map, 1 one outdated, 2 none, 3 all but the hot map. */
    private static String answer(RunTag r, int kind) {
        StringBuilder s = new StringBuilder("[");
        for (CalibrationSpec spec : MAPS) {
            if (kind == 2 || (kind == 3 && spec.fileStem().equals("EMCalHotMap"))) {
                continue;
            }
            String file = kind == 1 && spec.payloadType().equals("CEMC_meanTime")
                    ? spec.expectedFileName(new RunTag(r.run(), "new_newcdbtag_v007")) : spec.expectedFileName(r);
            String md5 = PayloadUrls.md5(spec.payloadType() + file);
            s.append(s.length() > 1 ? ", " : "").append(String.format(Locale.ROOT, "[\"%s\", \"%s\", \"%s\", null, 0, %d, 0, %d]",
                    spec.payloadType(), PayloadUrls.stored(spec.payloadType(), md5, file), md5, r.run(), r.run() + 1));
        }
        return s.append(']').toString();
    }

    private void serve(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        int at = query.indexOf("minorIOV=") + "minorIOV=".length();
        int end = query.indexOf('&', at);
        reply(exchange, answers[(int) (Long.parseLong(end < 0 ? query.substring(at) : query.substring(at, end)) - FIRST_RUN)]);
    }


    private void reply(HttpExchange exchange, byte[] body) throws IOException {
        try (exchange) {
            if (serverLatencyMs > 0) {
                try {
                    Thread.sleep(serverLatencyMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public int restConcurrent() {
        int needing = 0;
        for (RunCdbState s : lookup.check(runs, MAPS)) {
            if (s.undecided().isPresent()) {
                throw new IllegalStateException(s.undecided().get());
            }
            needing += s.needsMaps() ? 1 : 0;
        }
        return checked(needing);
    }

    @Benchmark
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public int sequentialPerMap() {
        int needing = 0;
        for (RunTag r : runs) {
            boolean needs = false;
            for (CalibrationSpec spec : MAPS) {
                HttpUrl url = lookup.urlFor(r.run());
                Map<String, PayloadRef> payloads = PayloadIovs.parse(fetcher.fetch(url), url.toString());
                needs |= CdbVerdicts.verdict(r, spec, payloads).kind() != CalibrationVerdict.Kind.UP_TO_DATE;
            }
            needing += needs ? 1 : 0;
        }
        return checked(needing);
    }

    private int checked(int needing) {
        if (needing != expectedNeedingMaps) {
            throw new IllegalStateException(needing + " runs need maps, expected " + expectedNeedingMaps);
        }
        return needing;
    }
}
