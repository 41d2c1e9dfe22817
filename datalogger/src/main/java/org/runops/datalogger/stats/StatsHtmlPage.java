package org.runops.datalogger.stats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.runops.core.ledger.AtomicFiles;
import org.runops.datalogger.DataLoggerException;

/**
 * The plot site as one self-contained HTML file: the charting library (uPlot, from its webjar on the class
 * path) and the data are inlined, so the page opens from disk with no network. One panel per device with
 * max, mode ± std (a shaded band) and min, drag-to-zoom and double-click reset, a device filter box, and
 * two time axes over the real window starts: UTC below, America/Chicago above. A line says which backends
 * made the distilled files, in red when any was simulated. Each panel carries its
 * point count ({@code data-points}, and {@code window.runopsPanels[device]}) for checks; the uPlot objects are
 * {@code window.runopsPlots[device]} and the two time formatters {@code window.runopsTime.utc/chicago}.
 */
public final class StatsHtmlPage {
    private static final String UPLOT_PROPERTIES = "META-INF/maven/org.webjars.npm/uplot/pom.properties";
    private static final String TEMPLATE = "stats-page.html";
    private static final JsonFactory JSON = new JsonFactory();

    private StatsHtmlPage() {}

    /** Writes {@code params} (every device when empty) of {@code db} as the page {@code html}, atomically. */
    public static void write(StatsDatabase db, List<String> params, ZoneId zone, Path html) {
        List<StatsHistory> histories = StatsJsonExporter.histories(db, params, 0);
        String title = "GMPS-AI statistics history: " + db.path().getFileName();
        try {
            AtomicFiles.write(html, render(histories, zone, title, provenance(db.distilledFiles())).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DataLoggerException("cannot write page " + html + ": " + e.getMessage(), e);
        }
    }

    /** Where the statistics came from, e.g. {@code 3 files distilled: simulated 2, unknown 1}; simulated data says so loudly. */
    static String provenance(List<DistilledFile> files) {
        Map<String, Long> backends = new TreeMap<>();
        for (DistilledFile f : files) {
            backends.merge(f.backend(), 1L, Long::sum);
        }
        StringBuilder text = new StringBuilder(backends.containsKey(DistilledFile.SIMULATED_BACKEND) ? "SIMULATED DATA: " : "")
                .append(files.size()).append(files.size() == 1 ? " file" : " files").append(" distilled");
        String separator = " by backend: ";
        for (Map.Entry<String, Long> b : backends.entrySet()) {
            text.append(separator).append(b.getKey()).append(' ').append(b.getValue());
            separator = ", ";
        }
        return text.toString();
    }

    static String render(List<StatsHistory> histories, ZoneId zone, String title, String provenance) {
        String version = uplotVersion();
        String dist = "META-INF/resources/webjars/uplot/" + version + "/dist/";
        // the script and style bodies must not close their element early; the data is escaped by scriptSafeJson
        String js = resource(dist + "uPlot.iife.min.js").replace("</", "<\\/");
        String css = resource(dist + "uPlot.min.css").replace("</", "<\\/");
        return resource(StatsHtmlPage.class.getPackageName().replace('.', '/') + "/" + TEMPLATE)
                .replace("@@TITLE@@", escapeHtml(title))
                .replace("@@PROVENANCE_CLASS@@", provenance.startsWith("SIMULATED") ? "simulated" : "real")
                .replace("@@PROVENANCE@@", escapeHtml(provenance))
                .replace("@@UPLOT_VERSION@@", version)
                .replace("@@UPLOT_CSS@@", css)
                .replace("@@UPLOT_JS@@", js)
                .replace("@@DATA@@", scriptSafeJson(histories, zone));
    }

    /** The data as JSON in which {@code <}, {@code >} and {@code &} only appear as {@code \\u} escapes (inside strings, where JSON allows them). */
    static String scriptSafeJson(List<StatsHistory> histories, ZoneId zone) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("devices");
            for (StatsHistory h : histories) {
                g.writeStartObject();
                g.writeStringField("name", h.param());
                g.writeArrayFieldStart("t");
                for (double key : h.epochUTCsec()) {
                    g.writeNumber(FileKeyTime.trueStart(key, zone).getEpochSecond());
                }
                g.writeEndArray();
                numbers(g, "max", h.max());
                numbers(g, "plus", h.plusSigma());
                numbers(g, "mode", h.mode());
                numbers(g, "minus", h.minusSigma());
                numbers(g, "min", h.min());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("JSON into memory", e);
        }
        return out.toString().replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    private static void numbers(JsonGenerator g, String field, double[] values) throws IOException {
        g.writeArrayFieldStart(field);
        for (double v : values) {
            if (Double.isFinite(v)) {
                g.writeNumber(v);
            } else {
                g.writeNull();
            }
        }
        g.writeEndArray();
    }

    private static String uplotVersion() {
        Properties p = new Properties();
        try (InputStream in = open(UPLOT_PROPERTIES)) {
            p.load(in);
        } catch (IOException e) {
            throw new DataLoggerException("cannot read " + UPLOT_PROPERTIES + " from the class path: " + e.getMessage(), e);
        }
        return p.getProperty("version");
    }

    private static String resource(String name) {
        try (InputStream in = open(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DataLoggerException("cannot read " + name + " from the class path: " + e.getMessage(), e);
        }
    }

    private static InputStream open(String name) {
        InputStream in = StatsHtmlPage.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new DataLoggerException(name + " is missing from the class path (the uplot webjar or the runops-datalogger jar)");
        }
        return in;
    }

    private static String escapeHtml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
