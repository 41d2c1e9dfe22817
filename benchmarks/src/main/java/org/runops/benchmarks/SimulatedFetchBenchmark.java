package org.runops.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.Warmup;
import org.runops.datalogger.DataLoggerClient;
import org.runops.datalogger.DeviceRequest;
import org.runops.datalogger.FetchOptions;
import org.runops.datalogger.FetchStatus;
import org.runops.datalogger.LoggerNode;
import org.runops.datalogger.SimulationProfile;
import org.runops.datalogger.TimeSeries;
import org.runops.datalogger.TimeWindow;

/**
 * {@code DataLoggerClient.fetchAll} of the 47 ParamList devices of the embedded Booster profile over
 * {@code minutes} (1440 = a 24 h, 15 Hz day, ≈ 61 M samples) from the simulated backend, in 1 h chunks
 * with {@code parallelism} requests at a time. {@code parallelism=1} is the baseline (the original
 * scripts fetched one device after the other). The secondary result {@code samples} is samples per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(1)
public class SimulatedFetchBenchmark {
    private static final Instant MIDNIGHT_CHICAGO = Instant.parse("2020-03-10T05:00:00Z");

    @Param({"1440"})
    public int minutes;

    @Param({"4", "1"})
    public int parallelism;

    private DataLoggerClient client;
    private List<DeviceRequest> devices;
    private TimeWindow window;
    private FetchOptions options;

    /** Samples fetched, reported by JMH as a rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Samples {
        public long samples;

        @Setup(Level.Iteration)
        public void reset() {
            samples = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        SimulationProfile booster = SimulationProfile.booster();
        client = DataLoggerClient.simulated(42, booster);
        devices = booster.channels().keySet().stream().sorted(Comparator.comparing(d -> d.text()))
                .map(d -> new DeviceRequest(d, LoggerNode.MLRN)).toList();
        if (devices.size() != 47) {
            throw new IllegalStateException("expected the 47 ParamList devices, got " + devices.size());
        }
        window = new TimeWindow(MIDNIGHT_CHICAGO, MIDNIGHT_CHICAGO.plus(Duration.ofMinutes(minutes)));
        options = FetchOptions.defaults().withParallelism(parallelism);
    }

    @Benchmark
    public long fetchAll(Samples counter) {
        long n = 0;
        for (TimeSeries s : client.fetchAll(devices, window, options)) {
            if (s.status().kind() != FetchStatus.Kind.OK) {
                throw new IllegalStateException(s.toString());
            }
            n += s.size();
        }
        counter.samples += n;
        return n;
    }
}
