package org.runops.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.runops.calo.CalibrationSpec;
import org.runops.calo.RunTag;
import org.runops.calo.internal.PayloadUrls;

/**
 * A nopayloaddb REST CDB on loopback for the CDB benchmarks: the JDK's HTTP server answering
 * {@code payloadiovs} with positional rows of the 7 default maps, pre-rendered, each answer after
 * {@code latencyMs}, and {@code globalTags}. The runs must be consecutive; run {@code i} (0-based) is of
 * kind {@code i % 4}: 0 every map up to date, 1 one map outdated (CEMC_meanTime of the previous tag), 2 no
 * map at all, 3 every map but the hot map — so 3 runs in 4 need maps.
 */
final class LoopbackCdb implements AutoCloseable {
    /**
     * The JVM option a benchmark using this server forks with (the smoke test's JVM gets it from the pom): the JDK
     * server writes headers and body separately, and with Nagle on each answer waits for the client's delayed ACK
     * (40 ms). A JVM-wide setting, so it belongs to the launch, not to this class.
     */
    static final String NO_DELAY = "-Dsun.net.httpserver.nodelay=true";

    static final String GLOBAL_TAG = "newcdbtag";
    private static final byte[] GLOBAL_TAGS = ("[{\"id\": 1, \"name\": \"" + GLOBAL_TAG + "\", \"status\": \"unlocked\"}]")
            .getBytes(StandardCharsets.UTF_8);

    private final long firstRun;
    private final byte[][] answers;
    private final int latencyMs;
    private final HttpServer server;
    private final ExecutorService threads;

    private LoopbackCdb(List<RunTag> runs, int serverThreads, int latencyMs) throws IOException {
        this.firstRun = runs.get(0).run();
        this.latencyMs = latencyMs;
        answers = new byte[runs.size()][];
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i).run() != firstRun + i) {
                throw new IllegalArgumentException("runs must be consecutive from " + firstRun + ", got " + runs.get(i).run() + " at " + i);
            }
            answers[i] = answer(runs.get(i), i % 4).getBytes(StandardCharsets.UTF_8);
        }
        threads = Executors.newFixedThreadPool(serverThreads);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/api/cdb_rest/payloadiovs/", this::serve);
        server.createContext("/api/cdb_rest/globalTags", e -> reply(e, GLOBAL_TAGS));
        server.setExecutor(threads);
        server.start();
    }

    /** Serves {@code runs} (consecutive) with {@code serverThreads} threads, each answer after {@code latencyMs}. */
    static LoopbackCdb start(List<RunTag> runs, int serverThreads, int latencyMs) throws IOException {
        return new LoopbackCdb(runs, serverThreads, latencyMs);
    }

    /** How many of {@code runs} runs need maps (kinds 1, 2 and 3). */
    static int needingMaps(int runs) {
        return runs - (runs + 3) / 4;
    }

    /** The API root, e.g. {@code http://127.0.0.1:PORT/api/cdb_rest/}. */
    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/cdb_rest/");
    }

    /** The positional rows served at run {@code r}: kind 0 every map, 1 one outdated, 2 none, 3 all but the hot map. */
    private static String answer(RunTag r, int kind) {
        StringBuilder s = new StringBuilder("[");
        for (CalibrationSpec spec : CalibrationSpec.DEFAULTS) {
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
        reply(exchange, answers[(int) (Long.parseLong(end < 0 ? query.substring(at) : query.substring(at, end)) - firstRun)]);
    }

    private void reply(HttpExchange exchange, byte[] body) throws IOException {
        try (exchange) {
            if (latencyMs > 0) {
                try {
                    Thread.sleep(latencyMs);
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

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
