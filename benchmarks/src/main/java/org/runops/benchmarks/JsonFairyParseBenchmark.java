package org.runops.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
import org.runops.dqm.Histogram2D;
import org.runops.dqm.JsonFairy;

/**
 * jsonfairy answers per second through {@link JsonFairy#parse} (the typed {@link Histogram2D} a crawl and the
 * studies table read, thousands per crawl), beside {@code tokenizeOnly}: jackson walking the same bytes and
 * decoding every number, building nothing. Input {@code real}: the TrackEtaPhi map of run 321012
 * ({@code shared/data/dqm/jsonfairy_offline_321012_…json}, 32×31 cells, 6.6 kB); {@code generated}: a map of the
 * same shape made here (for a checkout without ../shared).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JsonFairyParseBenchmark {
    private static final JsonFactory JSON = new JsonFactory();
    private static final String REAL = "data/dqm/jsonfairy_offline_321012_StreamExpress_Run2018D-Express-v1_TrackEtaPhi_ImpactPoint_GenTk.json";

    @Param({"real", "generated"})
    public String input;

    private byte[] body;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        body = input.equals("real") ? real() : generated();
        Histogram2D h = (Histogram2D) JsonFairy.parse(body, "benchmark").orElseThrow();
        if (h.content().size() != 32 || h.xAxis().nbins() != 31) {
            throw new IllegalStateException("expected a 32x31 map, got " + h.content().size() + "x" + h.xAxis().nbins());
        }
    }

    @Benchmark
    public double parse() {
        return JsonFairy.parse(body, "benchmark").orElseThrow().entries();
    }

    /** The least any parser must do: walk the bytes and decode every number, building nothing. */
    @Benchmark
    public double tokenizeOnly() throws IOException {
        double sum = 0;
        try (JsonParser p = JSON.createParser(body)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                    sum += p.getDoubleValue();
                } else if (t == JsonToken.VALUE_STRING) {
                    sum += p.getTextLength();
                }
            }
        }
        return sum;
    }

    private static byte[] real() throws IOException {
        Path file = BenchmarkFiles.shared().resolve(REAL);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("input real needs " + file.toAbsolutePath() + " (run from the repository root"
                    + " or set -Druntops.shared=...); use -p input=generated without it");
        }
        return Files.readAllBytes(file);
    }

    /** A TH2 answer of the real map's shape: 32 rows of 31 counts, the real stats and axes. */
    static byte[] generated() {
        StringBuilder rows = new StringBuilder();
        long sum = 0;
        for (int y = 0; y < 32; y++) {
            rows.append(y > 0 ? "," : "").append('[');
            for (int x = 0; x < 31; x++) {
                long v = 1306 + (x * 7919L + y * 104729L) % 34000;
                sum += v;
                rows.append(x > 0 ? "," : "").append(v);
            }
            rows.append(']');
        }
        String json = "{\"hist\":{\"type\":\"TH2\",\"title\":\"TrackEtaPhi_ImpactPoint_GenTk\",\"stats\":{\"name\":\"TrackEtaPhi_ImpactPoint_GenTk\","
                + "\"entries\":" + sum + ".000000,\"mean\":{\"X\":{\"value\":-0.0241293,\"error\":0.000312038},\"Y\":{\"value\":-0.00116678,"
                + "\"error\":0.000349952}},\"rms\":{\"X\":{\"value\":1.63532,\"error\":0.000220644},\"Y\":{\"value\":1.83402,\"error\":0.000247454}},"
                + "\"underflow\":0,\"overflow\":0},\"xaxis\":{\"title\":\"Track #eta\",\"first\":{\"id\":1,\"value\":-3},\"last\": {\"id\":31,\"value\":3}},"
                + "\"yaxis\":{\"title\":\"Track #phi\",\"first\":{\"id\":1,\"value\":-3.14159},\"last\": {\"id\":32,\"value\":3.14159}},"
                + "\"values\":{\"min\":1306,\"max\":35303},\"bins\":{\"integral\":[[0,0,0],[0," + sum + ",0],[0,0,0]],\"content\":[" + rows + "]}}}";
        return json.getBytes(StandardCharsets.US_ASCII);
    }
}
