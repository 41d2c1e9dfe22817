package org.runops.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ServerSocketFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * A loopback offline DQM GUI for crawl tests, demos and benchmarks (mockwebserver3): the stateless samples
 * endpoint {@code /dqm/offline/data/json/samples?match=&run=} answers each run's datasets in the shape of
 * spec §3 (no real sample exists), and {@code /dqm/offline/jsonfairy/archive/<run>/<P>/<W>/<T>/<ME path>}
 * answers the given real histogram body for every known (run, dataset) and ME, or the given real
 * "unsupported type" body for a {@link #missing} ME or an unknown run/dataset. Faults and load: {@link #failing}
 * (HTTP 500 with a text body, as the GUI's exceptions), {@link #latency} per answer, and {@link #gate} (hold
 * each jsonfairy request until that many are in flight) with the highest concurrency seen.
 */
public final class FakeDqmGui implements AutoCloseable {
    private final byte[] histogram;
    private final byte[] unsupported;
    private final Map<Long, List<String>> datasets = new ConcurrentHashMap<>();
    private final Set<String> missing = ConcurrentHashMap.newKeySet();
    private final Map<String, Failure> failures = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger histogramRequests = new AtomicInteger();
    private final AtomicInteger sampleRequests = new AtomicInteger();
    private final Object gateLock = new Object();
    private final MockWebServer server = new MockWebServer();
    private volatile Duration latency = Duration.ZERO;
    private volatile int gateSize;
    private volatile Duration gateWait = Duration.ZERO;

    /** Serves {@code histogram} (a real jsonfairy body) and {@code unsupported} (the real "unsupported type" body). */
    public FakeDqmGui(byte[] histogram, byte[] unsupported) throws IOException {
        this.histogram = histogram.clone();
        this.unsupported = unsupported.clone();
        server.setServerSocketFactory(new NoDelayServerSockets());
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
        server.start();
    }

    /** {@code run} holds these datasets ({@code /P/W/T}); replaces what it held. */
    public FakeDqmGui run(long run, String... names) {
        datasets.put(run, List.of(names));
        return this;
    }

    /** Every ME path ending with {@code mePathSuffix} is answered "unsupported type". */
    public FakeDqmGui missing(String mePathSuffix) {
        missing.add(mePathSuffix);
        return this;
    }

    /** The next {@code times} jsonfairy requests for an ME path ending with {@code mePathSuffix} fail with HTTP 500. */
    public FakeDqmGui failing(String mePathSuffix, int times) {
        return failing(mePathSuffix, times, 500);
    }

    /**
     * The next {@code times} jsonfairy requests for an ME path ending with {@code mePathSuffix} are answered {@code status}
     * with a plain-text body (with 200: what the GUI sends when rendering throws, not JSON).
     */
    public FakeDqmGui failing(String mePathSuffix, int times, int status) {
        failures.put(mePathSuffix, new Failure(new AtomicInteger(times), status));
        return this;
    }

    private record Failure(AtomicInteger left, int status) {}

    /** Every answer waits {@code latency} first. */
    public FakeDqmGui latency(Duration latency) {
        this.latency = Objects.requireNonNull(latency, "latency");
        return this;
    }

    /** Each jsonfairy request waits until {@code size} are in flight, or at most {@code wait}. */
    public FakeDqmGui gate(int size, Duration wait) {
        this.gateSize = size;
        this.gateWait = Objects.requireNonNull(wait, "wait");
        return this;
    }

    /** The GUI's base URL, {@code http://127.0.0.1:<port>/dqm/offline/}. */
    public HttpUrl baseUrl() {
        return server.url("/dqm/offline/");
    }

    /** Most jsonfairy requests in flight at once so far. */
    public int maxConcurrentHistogramRequests() {
        return maxInFlight.get();
    }

    public int histogramRequests() {
        return histogramRequests.get();
    }

    public int sampleRequests() {
        return sampleRequests.get();
    }

    private MockResponse answer(RecordedRequest request) {
        pause(latency);
        HttpUrl url = request.getUrl();
        List<String> path = url.pathSegments();
        if (path.equals(List.of("dqm", "offline", "data", "json", "samples"))) {
            sampleRequests.incrementAndGet();
            return samples(url.queryParameter("run"));
        }
        if (path.size() >= 9 && path.subList(0, 4).equals(List.of("dqm", "offline", "jsonfairy", "archive"))) {
            histogramRequests.incrementAndGet();
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            try {
                holdAtGate();
                return histogram(path);
            } finally {
                inFlight.decrementAndGet();
            }
        }
        return new MockResponse.Builder().code(404).body("Not found: " + url.encodedPath()).build();
    }

    private MockResponse samples(String runPattern) {
        String digits = runPattern == null ? "" : runPattern.replaceAll("[^0-9]", "");
        List<String> names = digits.isEmpty() ? List.of() : datasets.getOrDefault(Long.parseLong(digits), List.of());
        StringBuilder b = new StringBuilder("{\"samples\":[{\"type\":\"offline_data\",\"items\":[");
        for (int i = 0; i < names.size(); i++) {
            b.append(i > 0 ? "," : "").append("{\"type\":\"offline_data\",\"run\":\"").append(digits).append("\",\"dataset\":\"")
                    .append(names.get(i)).append("\",\"version\":\"\",\"importversion\":1}");
        }
        b.append("]}]}");
        return new MockResponse.Builder().code(200).body(b.toString()).build();
    }

    private MockResponse histogram(List<String> path) {
        long run = Long.parseLong(path.get(4));
        String dataset = "/" + path.get(5) + "/" + path.get(6) + "/" + path.get(7);
        String me = String.join("/", path.subList(8, path.size()));
        for (Map.Entry<String, Failure> f : failures.entrySet()) {
            if (me.endsWith(f.getKey()) && f.getValue().left().getAndDecrement() > 0) {
                return new MockResponse.Builder().code(f.getValue().status()).body("Exception while rendering " + me).build();
            }
        }
        boolean known = datasets.getOrDefault(run, List.of()).contains(dataset) && missing.stream().noneMatch(me::endsWith);
        return new MockResponse.Builder().code(200).body(new okio.Buffer().write(known ? histogram : unsupported)).build();
    }

    private void holdAtGate() {
        int size = gateSize;
        if (size <= 1) {
            return;
        }
        long deadline = System.nanoTime() + gateWait.toNanos();
        synchronized (gateLock) {
            gateLock.notifyAll();
            long left;
            while (inFlight.get() < size && (left = deadline - System.nanoTime()) > 0) {
                try {
                    gateLock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static void pause(Duration d) {
        if (d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /**
     * Accepted sockets with TCP_NODELAY: mockwebserver writes an answer's headers and body separately, and with
     * Nagle on, each answer would wait for the client's delayed ACK (40 ms on Linux) — a cost of the fake, not of
     * the client under test, which a real GUI (Apache) does not have.
     */
    private static final class NoDelayServerSockets extends ServerSocketFactory {
        @Override
        public ServerSocket createServerSocket() throws IOException {
            return new ServerSocket() {
                @Override
                public Socket accept() throws IOException {
                    Socket s = super.accept();
                    s.setTcpNoDelay(true);
                    return s;
                }
            };
        }

        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            throw new UnsupportedOperationException("mockwebserver binds an unbound socket");
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog) throws IOException {
            throw new UnsupportedOperationException("mockwebserver binds an unbound socket");
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
            throw new UnsupportedOperationException("mockwebserver binds an unbound socket");
        }
    }
}
