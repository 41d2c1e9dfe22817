package org.runops.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;

/**
 * The OMS {@code runs} resource on loopback, serving runs {@code firstRun..lastRun} whose serialised rows the caller
 * supplies by run number (real-shaped rows from {@code ../shared} for the pull benchmark, generated ones for the launcher's
 * class-data-sharing training). The JDK's HTTP server (keep-alive, Content-Length, no gzip) on {@value #THREADS} named
 * daemon threads, the client's default page concurrency.
 *
 * <p>It understands exactly what {@code OmsQuery.url} and an omsapi-like client send: {@code filter[run_number][GE]},
 * {@code filter[run_number][LE]}, {@code sort=run_number}, {@code page[offset]} and {@code page[limit]} (required),
 * percent-encoded or not. Anything else is a 400 naming it, so a query it does not understand never gets a silently
 * wrong answer. Answers {@code {"data":[...],"links":{},"meta":{"totalResourceCount":N}}} with N the rows selected.
 *
 * <p>Run the JVM with {@value #NO_DELAY}: the JDK server writes headers and body separately, and with Nagle on an answer
 * can wait for the client's delayed ACK (40 ms).
 */
public final class LoopbackOmsRuns implements AutoCloseable {
    public static final String API_ROOT = "/agg/api/v1";
    /** The JVM option that turns Nagle off in the JDK's HTTP server (read once, when the server classes load). */
    public static final String NO_DELAY = "-Dsun.net.httpserver.nodelay=true";
    private static final int THREADS = 4;
    private static final byte[] HEAD = "{\"data\":[".getBytes(StandardCharsets.US_ASCII);

    /** Told when each request arrived and ended ({@link System#nanoTime}), e.g. to split a client's time. */
    @FunctionalInterface
    public interface Served {
        void served(long arrivedNanos, long endedNanos);
    }

    private final long firstRun;
    private final long lastRun;
    private final LongFunction<byte[]> rows;
    private final Served served;
    private final HttpServer server;
    private final ExecutorService threads;

    private LoopbackOmsRuns(long firstRun, long lastRun, LongFunction<byte[]> rows, Served served) throws IOException {
        if (firstRun > lastRun) {
            throw new IllegalArgumentException("runs " + firstRun + ".." + lastRun + ": the first must not be after the last");
        }
        this.firstRun = firstRun;
        this.lastRun = lastRun;
        this.rows = rows;
        this.served = served;
        AtomicInteger n = new AtomicInteger();
        threads = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "oms-loopback-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::serve);
        server.setExecutor(threads);
        server.start();
    }

    /** Serves runs {@code firstRun..lastRun}; {@code rows} gives a run's serialised JSON object. */
    public static LoopbackOmsRuns start(long firstRun, long lastRun, LongFunction<byte[]> rows) throws IOException {
        return start(firstRun, lastRun, rows, (arrived, ended) -> {});
    }

    /** As {@link #start(long, long, LongFunction)}, telling {@code served} about every request. */
    public static LoopbackOmsRuns start(long firstRun, long lastRun, LongFunction<byte[]> rows, Served served) throws IOException {
        return new LoopbackOmsRuns(firstRun, lastRun, rows, served);
    }

    /** The API root to pass as {@code --url}, e.g. {@code http://127.0.0.1:PORT/agg/api/v1}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + API_ROOT);
    }

    private void serve(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            if (!exchange.getRequestMethod().equals("GET")) {
                reject(exchange, 405, "only GET is served, got " + exchange.getRequestMethod());
                return;
            }
            if (!exchange.getRequestURI().getRawPath().equals(API_ROOT + "/runs")) {
                reject(exchange, 404, "only " + API_ROOT + "/runs is served, got " + exchange.getRequestURI().getRawPath());
                return;
            }
            Page page;
            try {
                page = Page.parse(exchange.getRequestURI().getRawQuery(), firstRun, lastRun);
            } catch (IllegalArgumentException e) {
                reject(exchange, 400, e.getMessage());
                return;
            }
            write(exchange, page);
        } finally {
            served.served(arrived, System.nanoTime());
        }
    }

    private void write(HttpExchange exchange, Page page) throws IOException {
        byte[] tail = ("],\"links\":{},\"meta\":{\"totalResourceCount\":" + page.total() + "}}").getBytes(StandardCharsets.US_ASCII);
        byte[][] body = new byte[page.count()][];
        long length = HEAD.length + tail.length + Math.max(0, page.count() - 1);
        for (int i = 0; i < body.length; i++) {
            body[i] = rows.apply(page.firstRun() + i);
            length += body[i].length;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, length);
        // one syscall per 64 KB instead of one per 3 KB row
        try (OutputStream out = new BufferedOutputStream(exchange.getResponseBody(), 1 << 16)) {
            out.write(HEAD);
            for (int i = 0; i < body.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(body[i]);
            }
            out.write(tail);
        }
    }

    private static void reject(HttpExchange exchange, int status, String message) throws IOException {
        byte[] body = ("{\"errors\":[{\"detail\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One page: runs {@code firstRun..firstRun+count-1} of a selection of {@code total} runs. */
    record Page(long firstRun, int count, long total) {
        static Page parse(String rawQuery, long servedFirst, long servedLast) {
            Map<String, String> params = decode(rawQuery);
            long ge = number(params, "filter[run_number][GE]", Long.MIN_VALUE);
            long le = number(params, "filter[run_number][LE]", Long.MAX_VALUE);
            String sort = params.remove("sort");
            if (sort != null && !sort.equals("run_number")) {
                throw new IllegalArgumentException("only sort=run_number is served, got sort=" + sort);
            }
            long offset = number(params, "page[offset]", 0);
            long limit = number(params, "page[limit]", -1);
            if (limit < 1 || offset < 0) {
                throw new IllegalArgumentException("page[limit] >= 1 and page[offset] >= 0 are required, got limit " + limit
                        + ", offset " + offset);
            }
            if (!params.isEmpty()) {
                throw new IllegalArgumentException("parameters not served here: " + params.keySet());
            }
            long lo = Math.max(ge, servedFirst);
            long hi = Math.min(le, servedLast);
            long total = Math.max(0, hi - lo + 1);
            if (total == 0) {
                return new Page(lo, 0, 0);
            }
            long count = Math.max(0, Math.min(limit, total - offset));
            return new Page(lo + Math.min(offset, total), (int) count, total);
        }

        private static Map<String, String> decode(String rawQuery) {
            Map<String, String> params = new HashMap<>();
            if (rawQuery == null || rawQuery.isEmpty()) {
                return params;
            }
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException("parameter without a value: " + pair);
                }
                String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
                if (params.put(name, URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8)) != null) {
                    throw new IllegalArgumentException("parameter given twice: " + name);
                }
            }
            return params;
        }

        private static long number(Map<String, String> params, String name, long absent) {
            String value = params.remove(name);
            if (value == null) {
                return absent;
            }
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be an integer, got '" + value + "'");
            }
        }
    }
}
