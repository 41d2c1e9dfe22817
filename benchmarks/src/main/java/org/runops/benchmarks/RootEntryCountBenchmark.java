package org.runops.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.runops.core.root.RootFile;
import org.runops.core.root.RootKey;
import org.runops.testing.RootFileWriter;

/**
 * {@code RootFile.open(f).entries("Events")} on CMS EDM files, beside {@code rawRead}: the same
 * positional reads (offsets and lengths computed once in setup by an independent header parser) with
 * no parsing or decompression. The ratio says what the reader costs on top of the I/O it cannot avoid.
 *
 * <p>Files: the CMS EDM files with an Events tree in {@code ../shared/data/root} (page-cached after
 * warm-up); {@code generated-*} are made with RootFileWriter when {@code ../shared} is absent.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RootEntryCountBenchmark {

    @Param({
        "nanoAOD_2015_CMS_Open_Data_ttbar.root",
        "uproot-issue121.root",
        "SchemaEvolutionTestOLD13_0_0.root",
        "SchemaEvolutionTestOLD15_1_0_pre5_splitLevel99.root",
        "complex_old_format_CMSSW_4_3_0.root",
        "complex_old_format_CMSSW_2_2_13.root",
        "old_format_CMSSW_3_8_1.root",
        "empty_old_format_CMSSW_3_8_1.root",
        "generated-zlib",
        "generated-none"
    })
    public String file;

    private Path path;
    private Path tempDir;
    private long[] offsets;
    private int[] lengths;
    private ByteBuffer buffer;
    private int streamerInfoRead;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        if (file.startsWith("generated-")) {
            tempDir = BenchmarkFiles.tempDirectory("runops-bench-root-");
            RootFileWriter.Compression c = file.endsWith("zlib") ? RootFileWriter.Compression.ZLIB : RootFileWriter.Compression.NONE;
            path = RootFileWriter.create().compression(c).tree("Events", 1_000_000).write(tempDir.resolve(file + ".root"));
        } else {
            path = BenchmarkFiles.shared().resolve("data/root").resolve(file);
            if (!Files.isRegularFile(path)) {
                throw new IllegalStateException("no " + path + ": run from the repository root with ../shared beside it,"
                        + " or pass -p file=generated-zlib,generated-none");
            }
        }
        planReads();
        if (entries() < 0) {
            throw new IllegalStateException("no Events count in " + path);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        BenchmarkFiles.deleteRecursively(tempDir);
    }

    @Benchmark
    public long entries() {
        try (RootFile f = RootFile.open(path)) {
            return f.entries("Events").orElse(-1);
        }
    }

    /** The same count without decompressing StreamerInfo (only its position is checked). */
    @Benchmark
    public long entriesFast() {
        try (RootFile f = RootFile.open(path, RootFile.Verification.FAST)) {
            return f.entries("Events").orElse(-1);
        }
    }

    /** Baseline of {@link #entries}: its four reads, no parsing. */
    @Benchmark
    public long rawRead() throws IOException {
        return read(true);
    }

    /** Baseline of {@link #entriesFast}: the same reads less the StreamerInfo record. */
    @Benchmark
    public long rawReadFast() throws IOException {
        return read(false);
    }

    private long read(boolean withStreamerInfo) throws IOException {
        long sum = 0;
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            for (int i = 0; i < offsets.length; i++) {
                if (i == streamerInfoRead && !withStreamerInfo) {
                    continue;
                }
                buffer.clear().limit(lengths[i]);
                sum += ch.read(buffer, offsets[i]);
            }
        }
        return sum;
    }

    /**
     * The reads the reader makes: the first KB (header and top directory), the keys list, the
     * StreamerInfo record (checked as ROOT does), and the start of the Events record.
     */
    private void planReads() throws IOException {
        List<long[]> reads = new ArrayList<>();
        ByteBuffer head = ByteBuffer.allocate(1024);
        long size = Files.size(path);
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            ch.read(head, 0);
            reads.add(new long[] {0, Math.min(size, 1024)});
            boolean large = head.getInt(4) >= 1_000_000;
            int begin = head.getInt(8);
            int nbytesName = head.getInt(large ? 36 : 28);
            long seekInfo = large ? head.getLong(45) : head.getInt(37);
            int nbytesInfo = head.getInt(large ? 53 : 41);
            int dir = begin + nbytesName;
            short dirVersion = head.getShort(dir);
            int nbytesKeys = head.getInt(dir + 10);
            long seekKeys = dirVersion > 1000 ? head.getLong(dir + 34) : head.getInt(dir + 26);
            reads.add(new long[] {seekKeys, nbytesKeys});
            streamerInfoRead = reads.size();
            reads.add(new long[] {seekInfo, nbytesInfo}); // the whole StreamerInfo record, as ROOT reads it
        }
        try (RootFile f = RootFile.open(path)) {
            RootKey events = f.key("Events").orElseThrow();
            int stored = events.compressedLength();
            int first = events.isCompressed() ? Math.max(1024, Math.min(stored, 4096)) : Math.min(512, events.objectLength());
            reads.add(new long[] {events.seekKey() + events.keyLength(), Math.min(first, stored)});
        }
        offsets = reads.stream().mapToLong(r -> r[0]).toArray();
        lengths = reads.stream().mapToInt(r -> (int) r[1]).toArray();
        int max = 0;
        for (int l : lengths) {
            max = Math.max(max, l);
        }
        buffer = ByteBuffer.allocate(max);
    }
}
