package org.runops.datalogger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.datalogger.DataLoggerClient;
import org.runops.datalogger.DataLoggerException;
import org.runops.datalogger.DeviceName;
import org.runops.datalogger.DeviceRequest;
import org.runops.datalogger.EventOccurrence;
import org.runops.datalogger.FetchCheckpoint;
import org.runops.datalogger.FetchListener;
import org.runops.datalogger.FetchOptions;
import org.runops.datalogger.FetchStatus;
import org.runops.datalogger.SimulationProfile;
import org.runops.datalogger.TimeSeries;
import org.runops.datalogger.TimeWindow;
import org.runops.datalogger.TimelineSlot;

/** Chunking, parallelism, timeouts, retries, statuses and checkpoints, against the simulated backend and clients that really fail. */
class ChunkedFetchTest {
    private static final Instant T0 = Instant.parse("2020-03-10T05:00:00Z");
    private static final TimeWindow WINDOW = new TimeWindow(T0, T0.plus(Duration.ofMinutes(60)));
    private static final Duration CHUNK = Duration.ofMinutes(10);
    private static final DeviceRequest VIMIN = DeviceRequest.of("MLrn", "B:VIMIN");
    private static final DeviceRequest IB = DeviceRequest.of("MLrn", "I:IB");
    private static final DeviceRequest VIPHAS = DeviceRequest.of("MLrn", "B:VIPHAS");
    private static final DataLoggerClient SIM = DataLoggerClient.simulated(7, SimulationProfile.booster());

    @TempDir
    Path tmp;
    private final List<Duration> slept = new CopyOnWriteArrayList<>();

    private FetchOptions options() {
        return FetchOptions.defaults().withChunk(CHUNK).withParallelism(3).withTimeout(Duration.ofSeconds(30))
                .withRetries(2, Duration.ofSeconds(1)).withSleeper(slept::add);
    }

    /** The chunk index of a chunk window. */
    private static int chunkOf(TimeWindow w) {
        return (int) (Duration.between(T0, w.start()).toMinutes() / 10);
    }

    @AfterEach
    void noFetchThreadOutlivesItsFetch() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!fetchThreads().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(fetchThreads()).isEmpty();
    }

    private static List<String> fetchThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("runops-datalogger-")).toList();
    }

    @Test
    void chunkedParallelFetchEqualsOneWholeWindowRequest() {
        List<DeviceRequest> devices = List.of(VIMIN, IB, VIPHAS, DeviceRequest.of("MLrn", "B_VIMIN"));
        List<TimeSeries> chunked = SIM.fetchAll(devices, WINDOW, options().withChunk(Duration.ofMinutes(7)));

        assertThat(chunked).hasSize(4);
        for (int i = 0; i < devices.size(); i++) {
            assertThat(chunked.get(i)).isEqualTo(SIM.fetch(devices.get(i), WINDOW));
        }
        assertThat(slept).isEmpty();
    }

    @Test
    void failedAttemptsAreRetriedWithExponentialBackoff() {
        Map<Integer, AtomicInteger> calls = new ConcurrentHashMap<>();
        List<Boolean> retryFlags = new CopyOnWriteArrayList<>();
        ScriptedClient client = new ScriptedClient((d, w) -> {
            if (chunkOf(w) == 2 && calls.computeIfAbsent(2, k -> new AtomicInteger()).incrementAndGet() <= 2) {
                throw new UncheckedIOException(new IOException("connection reset"));
            }
            return null;
        });
        FetchListener listener = new FetchListener() {
            @Override
            public void chunkFailed(DeviceRequest device, TimeWindow chunk, RuntimeException cause, boolean willRetry) {
                retryFlags.add(willRetry);
            }
        };

        TimeSeries s = client.fetchAll(List.of(VIMIN), WINDOW, options().withListener(listener)).get(0);

        assertThat(s).isEqualTo(SIM.fetch(VIMIN, WINDOW));
        assertThat(slept).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(retryFlags).containsExactly(true, true);
        assertThat(client.requests.get()).isEqualTo(6 + 2);
    }

    @Test
    void aRequestThatHangsIsInterruptedAtItsTimeoutAndRetried() {
        AtomicInteger hung = new AtomicInteger();
        AtomicBoolean interrupted = new AtomicBoolean();
        ScriptedClient client = new ScriptedClient((d, w) -> {
            if (chunkOf(w) == 4 && hung.getAndIncrement() == 0) {
                try {
                    Thread.sleep(Duration.ofMinutes(10).toMillis());
                } catch (InterruptedException e) {
                    interrupted.set(true);
                    throw new IllegalStateException("interrupted", e);
                }
            }
            return null;
        });

        TimeSeries s = client.fetchAll(List.of(VIMIN), WINDOW, options().withTimeout(Duration.ofMillis(300))).get(0);

        assertThat(s).isEqualTo(SIM.fetch(VIMIN, WINDOW));
        assertThat(interrupted).isTrue();
        assertThat(slept).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void chunksThatFailForGoodMakeTheDevicePartialOrErrorAndTheOthersAreKept() {
        ScriptedClient client = new ScriptedClient((d, w) -> {
            if (d.equals(IB) && (chunkOf(w) == 1 || chunkOf(w) == 3)) {
                throw new DataLoggerException("HTTP 500 from acl.pl for " + d);
            }
            if (d.equals(VIPHAS)) {
                throw new UncheckedIOException(new IOException("server gone"));
            }
            return null;
        });

        List<TimeSeries> all = client.fetchAll(List.of(VIMIN, IB, VIPHAS), WINDOW, options());

        assertThat(all.get(0)).isEqualTo(SIM.fetch(VIMIN, WINDOW));
        TimeSeries ib = all.get(1);
        assertThat(ib.status().kind()).isEqualTo(FetchStatus.Kind.PARTIAL);
        assertThat(ib.status().detail()).contains("2 of 6 chunks missing after 2 retries", new TimeWindow(T0.plusSeconds(600), T0.plusSeconds(1200)).toString(),
                new TimeWindow(T0.plusSeconds(1800), T0.plusSeconds(2400)).toString(), "HTTP 500");
        List<Double> expected = new ArrayList<>();
        for (TimeWindow w : WINDOW.split(CHUNK)) {
            if (chunkOf(w) != 1 && chunkOf(w) != 3) {
                TimeSeries part = SIM.fetch(IB, w);
                for (int i = 0; i < part.size(); i++) {
                    expected.add(part.utcSeconds(i));
                }
            }
        }
        assertThat(ib.utcSecondsArray()).containsExactly(expected.stream().mapToDouble(Double::doubleValue).toArray());
        TimeSeries viphas = all.get(2);
        assertThat(viphas.status().kind()).isEqualTo(FetchStatus.Kind.ERROR);
        assertThat(viphas.status().detail()).contains("every chunk failed", "server gone");
        assertThat(viphas.size()).isZero();
    }

    @Test
    void aRefusedDeviceIsAskedOnceAndAnEmptyOneIsEmpty() {
        DataLoggerClient strict = DataLoggerClient.simulated(7, SimulationProfile.booster().strict());
        DeviceRequest unknown = DeviceRequest.of("MLrn", "B:NOSUCH");
        DeviceRequest silent = DeviceRequest.of("MLrn", "B:QUIET");
        ScriptedClient client = new ScriptedClient(strict, (d, w) -> d.equals(silent)
                ? TimeSeries.withoutSamples(d, w, FetchStatus.empty("No values")) : null);

        List<TimeSeries> all = client.fetchAll(List.of(unknown, silent, VIMIN), WINDOW, options().withParallelism(1));

        assertThat(all.get(0).status().kind()).isEqualTo(FetchStatus.Kind.ERROR);
        assertThat(all.get(0).status().detail()).contains("B:NOSUCH", "DIO_NO_SUCH");
        assertThat(client.requestsFor(unknown)).as("refused: the other 5 chunks are not asked for").isEqualTo(1);
        assertThat(all.get(1).status()).isEqualTo(FetchStatus.empty("No values"));
        assertThat(all.get(2).status()).isEqualTo(FetchStatus.ok());
    }

    @Test
    void noMoreThanParallelismRequestsRunAtOnceAndThatManyDo() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch allThree = new CountDownLatch(3);
        ScriptedClient client = new ScriptedClient((d, w) -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            allThree.countDown();
            try {
                allThree.await(10, TimeUnit.SECONDS); // the first three requests meet here: they ran together
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                inFlight.decrementAndGet();
            }
            return null;
        });

        List<TimeSeries> all = client.fetchAll(List.of(VIMIN, IB, VIPHAS), WINDOW, options().withParallelism(3));

        assertThat(all).allSatisfy(s -> assertThat(s.status()).isEqualTo(FetchStatus.ok()));
        assertThat(allThree.getCount()).isZero();
        assertThat(most.get()).isEqualTo(3);
        assertThat(client.requests.get()).isEqualTo(18);
    }

    @Test
    void aResumedFetchAsksOnlyForTheMissingChunks() throws IOException {
        Path cp = tmp.resolve("checkpoints");
        ScriptedClient broken = new ScriptedClient((d, w) -> {
            if (d.equals(IB) && chunkOf(w) >= 4) {
                throw new UncheckedIOException(new IOException("server gone"));
            }
            return null;
        });
        List<TimeSeries> first = broken.fetchAll(List.of(VIMIN, IB), WINDOW, options().withRetries(0, Duration.ZERO).withCheckpoint(cp));
        assertThat(first.get(1).status().kind()).isEqualTo(FetchStatus.Kind.PARTIAL);
        try (Stream<Path> files = Files.list(cp)) {
            assertThat(files.filter(f -> f.toString().endsWith(".chunk")).count()).isEqualTo(6 + 4);
        }

        AtomicReference<int[]> started = new AtomicReference<>();
        ScriptedClient healthy = new ScriptedClient((d, w) -> null);
        FetchListener listener = new FetchListener() {
            @Override
            public void started(int devices, int chunks, int alreadyDone) {
                started.set(new int[] {devices, chunks, alreadyDone});
            }
        };
        List<TimeSeries> second = healthy.fetchAll(List.of(VIMIN, IB), WINDOW, options().withCheckpoint(cp).withListener(listener));

        assertThat(healthy.requests.get()).isEqualTo(2);
        assertThat(healthy.requestsFor(IB)).isEqualTo(2);
        assertThat(started.get()).containsExactly(2, 12, 10);
        assertThat(second.get(0)).isEqualTo(SIM.fetch(VIMIN, WINDOW));
        assertThat(second.get(1)).isEqualTo(SIM.fetch(IB, WINDOW));
    }

    @Test
    void aDamagedCheckpointIsFetchedAgainAndClearRemovesOnlyThatBackendsWindow() throws IOException {
        Path cp = tmp.resolve("checkpoints");
        ScriptedClient client = new ScriptedClient((d, w) -> null);
        client.fetchAll(List.of(VIMIN), WINDOW, options().withCheckpoint(cp));
        FetchCheckpoint checkpoint = FetchCheckpoint.in(cp);
        TimeWindow third = WINDOW.split(CHUNK).get(2);
        Path file = checkpoint.file("simulated", VIMIN, third);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2)); // torn
        Path fourth = checkpoint.file("simulated", VIMIN, WINDOW.split(CHUNK).get(3));
        byte[] flipped = Files.readAllBytes(fourth);
        flipped[flipped.length / 2] ^= 1; // altered
        Files.write(fourth, flipped);
        Path foreign = Files.writeString(cp.resolve("notes.txt"), "mine");

        ScriptedClient again = new ScriptedClient((d, w) -> null);
        TimeSeries s = again.fetchAll(List.of(VIMIN), WINDOW, options().withCheckpoint(cp)).get(0);

        assertThat(again.requests.get()).isEqualTo(2);
        assertThat(s).isEqualTo(SIM.fetch(VIMIN, WINDOW));
        assertThat(checkpoint.read("simulated", VIMIN, third)).hasValueSatisfying(t -> assertThat(t).isEqualTo(SIM.fetch(VIMIN, third)));

        TimeWindow later = new TimeWindow(WINDOW.end(), WINDOW.end().plus(CHUNK));
        checkpoint.write("simulated", SIM.fetch(VIMIN, later));
        checkpoint.write("replay", SIM.fetch(VIMIN, WINDOW.split(CHUNK).get(0)).withStatus(FetchStatus.ok()));
        assertThat(checkpoint.clear("simulated", WINDOW)).isEqualTo(6);
        try (Stream<Path> left = Files.list(cp)) {
            assertThat(left.map(p -> p.getFileName().toString()).toList()).hasSize(3).contains("notes.txt")
                    .anyMatch(n -> n.startsWith("replay--MLrn--B%3AVIMIN--")).anyMatch(n -> n.startsWith("simulated--") && n.contains(String.valueOf(later.start().getEpochSecond())));
        }
        assertThat(foreign).exists();
    }

    @Test
    void anInterruptStopsTheFetchPromptlyAndKeepsTheFinishedChunks() throws InterruptedException {
        Path cp = tmp.resolve("checkpoints");
        CountDownLatch hanging = new CountDownLatch(1);
        ScriptedClient client = new ScriptedClient((d, w) -> {
            if (chunkOf(w) == 3) {
                hanging.countDown();
                try {
                    Thread.sleep(Duration.ofMinutes(10).toMillis());
                } catch (InterruptedException e) {
                    throw new IllegalStateException("interrupted", e);
                }
            }
            return null;
        });
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean flagKept = new AtomicBoolean();
        Thread caller = new Thread(() -> {
            try {
                client.fetchAll(List.of(VIMIN), WINDOW, options().withParallelism(1).withTimeout(Duration.ofMinutes(20)).withCheckpoint(cp));
            } catch (RuntimeException e) {
                thrown.set(e);
                flagKept.set(Thread.currentThread().isInterrupted());
            }
        });
        caller.start();
        assertThat(hanging.await(10, TimeUnit.SECONDS)).isTrue();
        caller.interrupt();
        caller.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(caller.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(DataLoggerException.class).hasMessageContaining("interrupted").hasMessageContaining(cp.toString());
        assertThat(flagKept).isTrue();
        FetchCheckpoint checkpoint = FetchCheckpoint.in(cp);
        List<TimeWindow> chunks = WINDOW.split(CHUNK);
        for (int c = 0; c < 3; c++) {
            assertThat(checkpoint.read("simulated", VIMIN, chunks.get(c))).as("chunk %d", c).isPresent();
        }
        assertThat(checkpoint.read("simulated", VIMIN, chunks.get(3))).isEmpty();
    }

    @Test
    void samplesALoggerSendsBeyondTheChunkBoundsAreNotCountedTwice() {
        ScriptedClient inclusive = new ScriptedClient((d, w) -> {
            TimeSeries wider = SIM.fetch(d, new TimeWindow(w.start().minusSeconds(1), w.end().plusSeconds(1)));
            return TimeSeries.of(d, w, wider.utcSecondsArray(), wider.valuesArray(), FetchStatus.ok());
        });
        assertThat(inclusive.fetchAll(List.of(VIMIN), WINDOW, options()).get(0)).isEqualTo(SIM.fetch(VIMIN, WINDOW));
    }

    @Test
    void anUnexpectedAnswerIsAFailureNotData() {
        ScriptedClient client = new ScriptedClient((d, w) -> SIM.fetch(IB, w));
        TimeSeries s = client.fetchAll(List.of(VIMIN), WINDOW, options().withRetries(0, Duration.ZERO)).get(0);
        assertThat(s.status().kind()).isEqualTo(FetchStatus.Kind.ERROR);
        assertThat(s.status().detail()).contains("answered", "I:IB");
    }

    /**
     * The simulated backend behind a script: {@code script} runs first for each request and may throw, hang,
     * or answer (non-null); null lets the simulated backend answer. Counts requests per device.
     */
    private static final class ScriptedClient implements DataLoggerClient {
        final AtomicInteger requests = new AtomicInteger();
        final Map<DeviceRequest, AtomicInteger> perDevice = new ConcurrentHashMap<>();
        final DataLoggerClient inner;
        final BiFunction<DeviceRequest, TimeWindow, TimeSeries> script;

        ScriptedClient(BiFunction<DeviceRequest, TimeWindow, TimeSeries> script) {
            this(SIM, script);
        }

        ScriptedClient(DataLoggerClient inner, BiFunction<DeviceRequest, TimeWindow, TimeSeries> script) {
            this.inner = inner;
            this.script = script;
        }

        int requestsFor(DeviceRequest d) {
            return perDevice.getOrDefault(d, new AtomicInteger()).get();
        }

        @Override
        public TimeSeries fetch(DeviceRequest device, TimeWindow window) {
            requests.incrementAndGet();
            perDevice.computeIfAbsent(device, k -> new AtomicInteger()).incrementAndGet();
            TimeSeries scripted = script.apply(device, window);
            return scripted != null ? scripted : inner.fetch(device, window);
        }

        @Override
        public List<EventOccurrence> eventLog(int event, TimeWindow window) {
            return inner.eventLog(event, window);
        }

        @Override
        public List<TimelineSlot> currentTimeline() {
            return inner.currentTimeline();
        }

        @Override
        public double readReading(DeviceName device) {
            return inner.readReading(device);
        }

        @Override
        public double readSetting(DeviceName device) {
            return inner.readSetting(device);
        }

        @Override
        public String backendName() {
            return inner.backendName();
        }
    }
}
