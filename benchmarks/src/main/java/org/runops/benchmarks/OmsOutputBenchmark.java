package org.runops.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
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
import org.runops.oms.OmsPage;
import org.runops.oms.OmsRecord;
import org.runops.oms.OmsTable;

/**
 * The output of {@code runops oms runs}: {@code OmsTable.of(records, "run_number").writeCsv/writeJson} of {@code rows}
 * parsed OMS runs (input {@code real2024}: the 28 real rows of {@code shared/data/oms/runs_377254-377296_int0185_2024-03.json}
 * repeated with new run numbers, as the loopback harness serves them; {@code generated}: rows of the same shape) into a
 * {@code PrintWriter} over a UTF-8 {@code OutputStreamWriter} over a byte-counting null stream, as the command writes to
 * picocli's {@code getOut()}. Baselines in the same run: {@code copyCsv}/{@code copyJson} write the very same text,
 * made in setup, through the same writer stack in 8 KB chunks (the floor of the char path: encoding and copying);
 * {@code copyCsvBytes} writes its UTF-8 bytes straight to the stream (the floor of a byte-level path). The secondary
 * result {@code bytes} is the output rate in bytes per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OmsOutputBenchmark {
    private static final int CHUNK = 8192;

    @Param({"real2024", "generated"})
    public String input;

    @Param("20000")
    public int rows;

    private List<OmsRecord> records;
    private char[] csvText;
    private char[] jsonText;
    private byte[] csvBytes;

    /** Bytes written, reported per second (JMH's secondary result {@code bytes}). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Output {
        public long bytes;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        List<String> templates = input.equals("real2024") ? OmsPageParseBenchmark.realRows() : OmsPageParseBenchmark.generatedRows();
        records = OmsPage.parse(OmsPageParseBenchmark.page(templates, rows), "benchmark page").records();
        if (records.size() != rows) {
            throw new IllegalStateException("expected " + rows + " rows, parsed " + records.size());
        }
        StringWriter csv = new StringWriter();
        OmsTable.of(records, "run_number").writeCsv(csv);
        csvText = csv.toString().toCharArray();
        csvBytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        StringWriter json = new StringWriter();
        OmsTable.of(records, "run_number").writeJson(json);
        jsonText = json.toString().toCharArray();
    }

    @Benchmark
    public long csv(Output output) {
        CountingStream sink = new CountingStream();
        PrintWriter out = writer(sink);
        OmsTable.of(records, "run_number").writeCsv(out);
        out.flush();
        return output.bytes += sink.count;
    }

    @Benchmark
    public long json(Output output) {
        CountingStream sink = new CountingStream();
        PrintWriter out = writer(sink);
        OmsTable.of(records, "run_number").writeJson(out);
        out.flush();
        return output.bytes += sink.count;
    }

    @Benchmark
    public long copyCsv(Output output) {
        return output.bytes += copy(csvText);
    }

    @Benchmark
    public long copyJson(Output output) {
        return output.bytes += copy(jsonText);
    }

    @Benchmark
    public long copyCsvBytes(Output output) throws IOException {
        CountingStream sink = new CountingStream();
        for (int i = 0; i < csvBytes.length; i += CHUNK) {
            sink.write(csvBytes, i, Math.min(CHUNK, csvBytes.length - i));
        }
        return output.bytes += sink.count;
    }

    private static long copy(char[] text) {
        CountingStream sink = new CountingStream();
        PrintWriter out = writer(sink);
        for (int i = 0; i < text.length; i += CHUNK) {
            out.write(text, i, Math.min(CHUNK, text.length - i));
        }
        out.flush();
        return sink.count;
    }

    /** picocli's {@code getOut()} stack: a PrintWriter over a UTF-8 OutputStreamWriter. */
    private static PrintWriter writer(OutputStream sink) {
        return new PrintWriter(new OutputStreamWriter(sink, StandardCharsets.UTF_8));
    }

    /** A null stream that counts what it is given and copies it once, as a buffered stream would (so no write is optimised away). */
    private static final class CountingStream extends OutputStream {
        private final byte[] scratch = new byte[CHUNK];
        long count;

        @Override
        public void write(int b) {
            scratch[0] = (byte) b;
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            for (int done = 0; done < len; done += CHUNK) {
                System.arraycopy(b, off + done, scratch, 0, Math.min(CHUNK, len - done));
            }
            count += len;
        }
    }
}
