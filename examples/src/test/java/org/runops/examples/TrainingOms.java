package org.runops.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback OMS {@code runs} endpoint for the archive training ({@link CdsTraining}): runs {@code first..last}, every
 * attribute type of the real 2024 rows (numbers, strings, booleans, lists, nulls, unit metadata, relationships), paged by
 * the requested offset/limit with the correct {@code totalResourceCount}. Generated, so it works without {@code ../shared}.
 */
final class TrainingOms implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final long first;
    private final long last;

    TrainingOms(long first, long last) throws IOException {
        this.first = first;
        this.last = last;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/agg/api/v1/runs", this::answer);
        server.setExecutor(pool);
        server.start();
    }

    /** The base URL to pass as {@code runops oms runs --url}. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/agg/api/v1";
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
            long ge = Math.max(first, Long.parseLong(q.getOrDefault("filter[run_number][GE]", Long.toString(first))));
            long le = Math.min(last, Long.parseLong(q.getOrDefault("filter[run_number][LE]", Long.toString(last))));
            long total = Math.max(0, le - ge + 1);
            long offset = Long.parseLong(q.getOrDefault("page[offset]", "0"));
            long limit = Long.parseLong(q.getOrDefault("page[limit]", "1000"));
            StringBuilder b = new StringBuilder("{\"data\":[");
            for (long i = offset; i < Math.min(total, offset + limit); i++) {
                row(b.append(i > offset ? "," : ""), ge + i);
            }
            b.append("],\"links\":{},\"meta\":{\"totalResourceCount\":").append(total).append("}}");
            byte[] body = b.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }

    private static void row(StringBuilder b, long run) {
        String self = "https://cmsoms.cern.ch/agg/api/v1/runs/" + run;
        b.append(String.format(Locale.ROOT, "{\"id\":\"%d\",\"type\":\"runs\",\"attributes\":{\"run_number\":%d,\"fill_number\":%d,"
                + "\"components\":[\"TRACKER\",\"PIXEL\",\"ECAL\"],\"components_out\":[],\"b_field\":3.8,\"energy\":6800.0,"
                + "\"init_lumi\":%.3f,\"end_lumi\":null,\"delivered_lumi\":%.4f,\"recorded_lumi\":%.4f,\"tier0_transfer\":true,"
                + "\"stable_beam\":%b,\"duration\":%d,\"sequence\":\"GLOBAL-RUN\",\"hlt_key\":\"/cdaq/physics/Run2024/2e34/v1.0.%d/HLT/V2\","
                + "\"l1_key\":\"l1_trg_collisions2024/v%d\",\"crossing_angle_stop\":null,\"cmssw_version\":\"CMSSW_14_0_%d\","
                + "\"start_time\":\"2024-03-01T10:00:00Z\",\"end_time\":\"2024-03-01T11:%02d:00Z\",\"era\":\"Run2024B\"},"
                + "\"relationships\":{\"runkeys\":{\"links\":{\"self\":\"%s/relationships/runkeys\",\"related\":\"%s/runkeys\"}}},"
                + "\"links\":{\"self\":\"%s\"},\"meta\":{\"row\":{\"init_lumi\":{\"units\":\"10^{33}cm^{-2}s^{-1}\"},"
                + "\"delivered_lumi\":{\"units\":\"pb^{-1}\"},\"recorded_lumi\":{\"units\":\"pb^{-1}\"}}}}",
                run, run, 9000 + run / 20, (run % 97) * 0.125, (run % 89) * 1.5, (run % 89) * 1.4, run % 3 != 0, 3600 + run % 600,
                run % 7, run % 11, run % 5, run % 60, self, self, self));
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
