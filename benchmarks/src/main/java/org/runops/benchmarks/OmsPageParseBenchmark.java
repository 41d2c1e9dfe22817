package org.runops.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.runops.oms.OmsPage;

/**
 * Records per second parsing a 1,000-row OMS {@code runs} page with {@link OmsPage#parse} (rows with
 * 43 attributes, relationships, links and meta.row units, as the 2024 integration server sends them),
 * beside {@code tokenizeOnly}: jackson walking the same bytes and decoding every scalar, with no
 * records built. Input {@code real2024}: the 28 real rows of
 * {@code shared/data/oms/runs_377254-377296_int0185_2024-03.json} repeated with new run numbers;
 * {@code generated}: rows of the same shape made here (for a checkout without ../shared).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OmsPageParseBenchmark {
    private static final int ROWS = 1000;
    private static final JsonFactory JSON = new JsonFactory();

    @Param({"real2024", "generated"})
    public String input;

    private byte[] page;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        List<String> rows = input.equals("real2024") ? realRows() : generatedRows();
        page = page(rows, ROWS);
        int parsed = OmsPage.parse(page, "benchmark page").records().size();
        if (parsed != ROWS) {
            throw new IllegalStateException("expected " + ROWS + " rows, parsed " + parsed);
        }
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public int parse() {
        return OmsPage.parse(page, "benchmark page").records().size();
    }

    /**
     * The least any parser must do: walk the same bytes and decode every scalar, skipping (undecoded)
     * the {@code relationships} and {@code links} the parser also skips, and building no records.
     */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long tokenizeOnly() throws IOException {
        long sum = 0;
        try (JsonParser p = JSON.createParser(page)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                switch (t) {
                    case FIELD_NAME -> {
                        String name = p.currentName();
                        if (name.equals("relationships") || name.equals("links")) {
                            p.nextToken();
                            p.skipChildren();
                        }
                    }
                    case VALUE_NUMBER_INT -> sum += p.getLongValue();
                    case VALUE_NUMBER_FLOAT -> sum += (long) p.getDoubleValue();
                    case VALUE_STRING -> sum += p.getText().length();
                    default -> sum++;
                }
            }
        }
        return sum;
    }

    /** Each real data[] row as compact JSON text, with its run number as {@code @RUN@}. */
    static List<String> realRows() throws IOException {
        Path file = BenchmarkFiles.shared().resolve("data/oms/runs_377254-377296_int0185_2024-03.json");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("input real2024 needs " + file.toAbsolutePath() + " (run from the repository root"
                    + " or set -Druntops.shared=...); use -p input=generated without it");
        }
        List<String> rows = new ArrayList<>();
        try (JsonParser p = JSON.createParser(Files.readAllBytes(file))) {
            while (p.nextToken() != null) {
                if (p.currentToken() == JsonToken.FIELD_NAME && p.currentName().equals("data") && p.getParsingContext().getParent().inRoot()) {
                    p.nextToken();
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        StringWriter w = new StringWriter();
                        try (JsonGenerator g = JSON.createGenerator(w)) {
                            g.copyCurrentStructure(p);
                        }
                        rows.add(w.toString());
                    }
                    break;
                }
            }
        }
        List<String> templated = new ArrayList<>();
        for (String row : rows) {
            String run = row.replaceAll("(?s).*\"run_number\":(\\d+).*", "$1");
            templated.add(row.replace(run, "@RUN@"));
        }
        return templated;
    }

    /** Rows of the real shape: 43 attributes, 9 relationships, links, meta.row units. */
    static List<String> generatedRows() {
        StringBuilder attrs = new StringBuilder("\"run_number\":@RUN@,\"fill_number\":9412,\"components\":[\"CSC\",\"DAQ\",\"DT\",\"ECAL\","
                + "\"HCAL\",\"PIXEL\",\"TRACKER\",\"TRG\"],\"start_time\":\"2024-03-01T10:00:00Z\",\"end_time\":\"2024-03-01T11:00:00Z\","
                + "\"stable_beam\":false,\"hlt_key\":\"/cdaq/cosmic/commissioning2024/v1.1.4/HLT/V2\",\"b_field\":3.8,\"energy\":7101.0,"
                + "\"init_lumi\":null,\"end_lumi\":null,\"sequence\":\"GLOBAL-RUN\",\"era\":\"2024A\"");
        for (int i = 13; i < 43; i++) { // 13 named above, filled up to the real rows' 43
            attrs.append(",\"attr_").append(i).append("\":").append(i % 3 == 0 ? "\"text value " + i + "\"" : i % 3 == 1 ? i * 1000L : i * 1.25);
        }
        StringBuilder rel = new StringBuilder();
        for (String r : new String[] {"runkeys", "l1configurationkey", "l1algorithmtriggers", "hltconfigdata", "deadtime", "daqreadouts",
            "fill", "l1triggerrate", "lumisections"}) {
            rel.append(rel.length() == 0 ? "" : ",").append('"').append(r).append("\":{\"links\":{\"self\":\"https://https://vocms0185.cern.ch/agg/api/v1/runs/@RUN@/relationships/")
                    .append(r).append("\",\"related\":\"https://https://vocms0185.cern.ch/agg/api/v1/runs/@RUN@/").append(r).append("\"}}");
        }
        String row = "{\"id\":\"@RUN@\",\"type\":\"runs\",\"attributes\":{" + attrs + "},\"relationships\":{" + rel + "},"
                + "\"links\":{\"self\":\"https://https://vocms0185.cern.ch/agg/api/v1/runs/@RUN@\"},"
                + "\"meta\":{\"row\":{\"init_lumi\":{\"units\":\"10^{33}cm^{-2}s^{-1}\"},\"end_lumi\":{\"units\":\"10^{33}cm^{-2}s^{-1}\"},"
                + "\"delivered_lumi\":{\"units\":\"pb^{-1}\"},\"recorded_lumi\":{\"units\":\"pb^{-1}\"}}}}";
        return List.of(row);
    }

    /** One page of {@code count} rows, the templates repeated in turn with run numbers 400000, 400001, ... */
    static byte[] page(List<String> rows, int count) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(count * 5000);
        out.write("{\"data\":[".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(rows.get(i % rows.size()).replace("@RUN@", Integer.toString(400000 + i)).getBytes(StandardCharsets.UTF_8));
        }
        out.write(("],\"links\":{\"first\":\"https://https://x\",\"next\":null},\"meta\":{\"totalResourceCount\":" + count + "}}")
                .getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
