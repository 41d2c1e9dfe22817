package org.runops.datalogger.stats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.runops.core.ledger.AtomicFiles;
import org.runops.datalogger.DataLoggerException;

/**
 * DB_to_JSON.py: the statistics history as a plotly.js figure, one subplot row per parameter with five
 * traces — max, +1sigma, mode (filled to +1sigma), -1sigma (filled to mode), min. The shape is the
 * original's except the axis names, which follow plotly ({@code xaxis}, {@code xaxis2}, ... in the layout,
 * {@code x}, {@code x2}, ... in traces, anchors {@code y2}/{@code x2}) so that the subplots really are
 * separate. Written as Python's {@code json.dump(indent=4)} writes it; undefined values are {@code null}
 * (plotly leaves a gap) where Python wrote the invalid {@code NaN}. {@code x} is the key time as stored.
 * When any file behind the shown statistics was simulated, the layout gets the title {@value #SIMULATED_TITLE}.
 */
public final class StatsJsonExporter {
    /** The original's output file name. */
    public static final String DEFAULT_FILE = "StatsHistoryBoringHolyMoly.json";

    static final String SIMULATED_TITLE = "SIMULATED DATA";

    private static final String LINE_COLOR = "rgba(0,100,50,0.2)";
    private static final int PANEL_HEIGHT = 200;
    private static final JsonFactory JSON = new JsonFactory();

    private StatsJsonExporter() {}

    /**
     * Reads {@code params} (all devices in the database when empty, see {@link StatsDatabase#deviceNames()}),
     * at most {@code limit} key times each (0 = all), and writes the figure atomically as {@code outdir/fileName}.
     */
    public static Path export(StatsDatabase db, List<String> params, int limit, Path outdir, String fileName) {
        List<StatsHistory> histories = histories(db, params, limit);
        Path target = outdir.resolve(fileName);
        try {
            AtomicFiles.write(target, render(histories, showsSimulated(db, histories)));
        } catch (IOException e) {
            throw new DataLoggerException("cannot write " + target + ": " + e.getMessage(), e);
        }
        return target;
    }

    static List<StatsHistory> histories(StatsDatabase db, List<String> params, int limit) {
        List<String> names = params.isEmpty() ? db.deviceNames() : params;
        List<StatsHistory> histories = new ArrayList<>(names.size());
        for (String name : names) {
            histories.add(db.history(name, limit));
        }
        return histories;
    }

    /** Whether any file distilled under a key time of {@code histories} came from the simulated backend. */
    static boolean showsSimulated(StatsDatabase db, List<StatsHistory> histories) {
        Set<Double> shown = new HashSet<>();
        for (StatsHistory h : histories) {
            for (double key : h.epochUTCsec()) {
                shown.add(key);
            }
        }
        return db.distilledFiles().stream().anyMatch(f -> f.simulated() && shown.contains(f.epochUTCsec()));
    }

    /** The figure as UTF-8 bytes, titled {@value #SIMULATED_TITLE} when {@code simulated}. */
    public static byte[] render(List<StatsHistory> histories, boolean simulated) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.setPrettyPrinter(pythonIndent4());
            g.writeStartObject();
            g.writeArrayFieldStart("data");
            for (int i = 0; i < histories.size(); i++) {
                writeTraces(g, histories.get(i), i == 0 ? "" : String.valueOf(i + 1));
            }
            g.writeEndArray();
            writeLayout(g, histories, simulated);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("JSON into memory", e);
        }
        return out.toByteArray();
    }

    private static void writeTraces(JsonGenerator g, StatsHistory h, String axis) throws IOException {
        double[] x = h.epochUTCsec();
        writeTrace(g, x, h.max(), axis, h.param() + " max", false);
        writeTrace(g, x, h.plusSigma(), axis, h.param() + " +1sigma", false);
        writeTrace(g, x, h.mode(), axis, h.param() + " mode", true);
        writeTrace(g, x, h.minusSigma(), axis, h.param() + " -1sigma", true);
        writeTrace(g, x, h.min(), axis, h.param() + " min", false);
    }

    private static void writeTrace(JsonGenerator g, double[] x, double[] y, String axis, String name, boolean fill)
            throws IOException {
        g.writeStartObject();
        writeNumbers(g, "x", x);
        writeNumbers(g, "y", y);
        g.writeStringField("xaxis", "x" + axis);
        g.writeStringField("yaxis", "y" + axis);
        g.writeStringField("type", "scatter");
        g.writeObjectFieldStart("line");
        g.writeStringField("color", LINE_COLOR);
        g.writeEndObject();
        g.writeStringField("name", name);
        if (fill) {
            g.writeStringField("fill", "tonexty");
        }
        g.writeEndObject();
    }

    private static void writeLayout(JsonGenerator g, List<StatsHistory> histories, boolean simulated) throws IOException {
        g.writeObjectFieldStart("layout");
        if (simulated) {
            g.writeObjectFieldStart("title");
            g.writeStringField("text", SIMULATED_TITLE);
            g.writeEndObject();
        }
        g.writeObjectFieldStart("grid");
        g.writeNumberField("rows", histories.size());
        g.writeNumberField("columns", 1);
        g.writeStringField("pattern", "independent");
        g.writeEndObject();
        g.writeNumberField("height", PANEL_HEIGHT * histories.size());
        g.writeBooleanField("showlegend", false);
        for (int i = 0; i < histories.size(); i++) {
            String k = i == 0 ? "" : String.valueOf(i + 1);
            g.writeObjectFieldStart("xaxis" + k);
            g.writeStringField("anchor", "y" + k);
            g.writeEndObject();
            g.writeObjectFieldStart("yaxis" + k);
            g.writeStringField("anchor", "x" + k);
            g.writeObjectFieldStart("title");
            g.writeStringField("text", histories.get(i).param());
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void writeNumbers(JsonGenerator g, String field, double[] values) throws IOException {
        g.writeArrayFieldStart(field);
        for (double v : values) {
            if (Double.isFinite(v)) {
                g.writeNumber(pythonRepr(v));
            } else {
                g.writeNull();
            }
        }
        g.writeEndArray();
    }

    /** Python's float repr: plain notation with at least one decimal between 1e-4 and 1e16. */
    static String pythonRepr(double v) {
        String s = Double.toString(v);
        double a = Math.abs(v);
        if (s.indexOf('E') < 0 || a < 1e-4 || a >= 1e16) {
            return s;
        }
        String plain = new BigDecimal(s).stripTrailingZeros().toPlainString();
        return plain.indexOf('.') < 0 ? plain + ".0" : plain;
    }

    private static DefaultPrettyPrinter pythonIndent4() {
        DefaultIndenter indent = new DefaultIndenter("    ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        return new DefaultPrettyPrinter(separators).withObjectIndenter(indent).withArrayIndenter(indent);
    }
}
