package org.runops.dqm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/** Types the {@code hist} object of one jsonfairy answer; every error names the source and the field. */
final class FairyTree {
    private final String source;

    FairyTree(String source) {
        this.source = source;
    }

    Histogram histogram(JsonNode hist) {
        if (!hist.isObject()) {
            throw fail("hist", "an object", hist);
        }
        String type = text(hist, "type", "hist.type", null);
        try {
            return switch (type) {
                case "TH1" -> oneDimension(hist, type, false);
                case "TProfile" -> oneDimension(hist, type, true);
                case "TH2", "TProfile2D" -> twoDimensions(hist, type);
                default -> throw new DqmException(source + ": histogram type '" + type
                        + "' is not supported (expected TH1, TH2, TProfile or TProfile2D)");
            };
        } catch (IllegalArgumentException e) {
            throw new DqmException(source + ": inconsistent jsonfairy histogram: " + e.getMessage(), e);
        }
    }

    private Histogram oneDimension(JsonNode hist, String type, boolean profile) {
        JsonNode stats = object(hist, "stats", "hist.stats");
        JsonNode bins = object(hist, "bins", "hist.bins");
        double[] content = numbers(required(bins, "content", "hist.bins.content"), "hist.bins.content");
        double[] error = optionalNumbers(bins, "error", "hist.bins.error");
        double[] width = optionalNumbers(bins, "width", "hist.bins.width");
        String title = text(hist, "title", "hist.title", "");
        String name = text(stats, "name", "hist.stats.name", title);
        double entries = number(required(stats, "entries", "hist.stats.entries"), "hist.stats.entries");
        AxisStats x = axisStats(stats, "X");
        Axis xAxis = axis(hist, "xaxis", content.length);
        double underflow = optionalNumber(stats, "underflow", "hist.stats.underflow", 0);
        double overflow = optionalNumber(stats, "overflow", "hist.stats.overflow", 0);
        double integral = number(required(bins, "integral", "hist.bins.integral"), "hist.bins.integral");
        BinValues c = BinValues.wrap(content);
        BinValues e = BinValues.wrap(error);
        BinValues w = BinValues.wrap(width);
        if (!profile) {
            return new Histogram1D(type, title, name, entries, x, xAxis, underflow, overflow, integral, c, e, w);
        }
        return new Profile(type, title, name, entries, x, xAxis, underflow, overflow, integral, c, e, w,
                optionalDouble(hist, "yMin", "hist.yMin"), optionalDouble(hist, "yMax", "hist.yMax"),
                text(hist, "errorStyle", "hist.errorStyle", ""));
    }

    private Histogram2D twoDimensions(JsonNode hist, String type) {
        JsonNode stats = object(hist, "stats", "hist.stats");
        JsonNode bins = object(hist, "bins", "hist.bins");
        List<BinValues> content = rows(required(bins, "content", "hist.bins.content"), "hist.bins.content");
        List<BinValues> integral = rows(required(bins, "integral", "hist.bins.integral"), "hist.bins.integral");
        String title = text(hist, "title", "hist.title", "");
        String name = text(stats, "name", "hist.stats.name", title);
        double entries = number(required(stats, "entries", "hist.stats.entries"), "hist.stats.entries");
        Axis xAxis = axis(hist, "xaxis", content.isEmpty() ? 0 : content.get(0).size());
        Axis yAxis = axis(hist, "yaxis", content.size());
        return new Histogram2D(type, title, name, entries, axisStats(stats, "X"), axisStats(stats, "Y"), xAxis, yAxis,
                integral, content);
    }

    private AxisStats axisStats(JsonNode stats, String axis) {
        JsonNode mean = object(object(stats, "mean", "hist.stats.mean"), axis, "hist.stats.mean." + axis);
        JsonNode rms = object(object(stats, "rms", "hist.stats.rms"), axis, "hist.stats.rms." + axis);
        String m = "hist.stats.mean." + axis;
        String r = "hist.stats.rms." + axis;
        return new AxisStats(number(required(mean, "value", m + ".value"), m + ".value"),
                optionalNumber(mean, "error", m + ".error", Double.NaN),
                number(required(rms, "value", r + ".value"), r + ".value"),
                optionalNumber(rms, "error", r + ".error", Double.NaN));
    }

    /** {@code first}/{@code last} come only with more than one bin; without them the content gives the count. */
    private Axis axis(JsonNode hist, String field, int binsInContent) {
        String path = "hist." + field;
        JsonNode a = hist.get(field);
        if (a == null || a.isNull()) {
            return new Axis("", 1, binsInContent, Double.NaN, Double.NaN, List.of());
        }
        if (!a.isObject()) {
            throw fail(path, "an object", a);
        }
        String title = text(a, "title", path + ".title", "");
        JsonNode first = a.get("first");
        JsonNode last = a.get("last");
        List<Axis.Label> labels = labels(a.get("labels"), path + ".labels");
        if (first == null || last == null) {
            return new Axis(title, 1, binsInContent, Double.NaN, Double.NaN, labels);
        }
        int firstBin = binId(first, path + ".first");
        int lastBin = binId(last, path + ".last");
        return new Axis(title, firstBin, lastBin, number(required(first, "value", path + ".first.value"), path + ".first.value"),
                number(required(last, "value", path + ".last.value"), path + ".last.value"), labels);
    }

    private int binId(JsonNode edge, String path) {
        if (!edge.isObject()) {
            throw fail(path, "an object {id, value}", edge);
        }
        double id = number(required(edge, "id", path + ".id"), path + ".id");
        if (id != Math.rint(id) || id < 0 || id > Integer.MAX_VALUE - 1) {
            throw fail(path + ".id", "a bin number", edge.get("id"));
        }
        return (int) id;
    }

    private List<Axis.Label> labels(JsonNode labels, String path) {
        if (labels == null || labels.isNull()) {
            return List.of();
        }
        if (!labels.isArray()) {
            throw fail(path, "an array", labels);
        }
        List<Axis.Label> out = new ArrayList<>(labels.size());
        for (int i = 0; i < labels.size(); i++) {
            JsonNode l = labels.get(i);
            String at = path + "[" + i + "]";
            if (!l.isObject()) {
                throw fail(at, "an object {center, value}", l);
            }
            out.add(new Axis.Label(optionalNumber(l, "center", at + ".center", Double.NaN), text(l, "value", at + ".value", "")));
        }
        return out;
    }

    private List<BinValues> rows(JsonNode node, String path) {
        if (!node.isArray()) {
            throw fail(path, "an array of rows", node);
        }
        List<BinValues> rows = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            rows.add(BinValues.wrap(numbers(node.get(i), path + "[" + i + "]")));
        }
        return rows;
    }

    private double[] optionalNumbers(JsonNode parent, String field, String path) {
        JsonNode n = parent.get(field);
        return n == null || n.isNull() ? new double[0] : numbers(n, path);
    }

    private double[] numbers(JsonNode node, String path) {
        if (!node.isArray()) {
            throw fail(path, "an array of numbers", node);
        }
        double[] values = new double[node.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode v = node.get(i);
            values[i] = v.isNumber() ? v.doubleValue() : number(v, path + "[" + i + "]");
        }
        return values;
    }

    private OptionalDouble optionalDouble(JsonNode parent, String field, String path) {
        JsonNode n = parent.get(field);
        return n == null || n.isNull() ? OptionalDouble.empty() : OptionalDouble.of(number(n, path));
    }

    private double optionalNumber(JsonNode parent, String field, String path, double absent) {
        JsonNode n = parent.get(field);
        return n == null || n.isNull() ? absent : number(n, path);
    }

    /** A number, or the GUI's strings for non-finite values ({@code nan}, {@code inf}, {@code -inf}, any case). */
    private double number(JsonNode n, String path) {
        if (n.isNumber()) {
            return n.doubleValue();
        }
        if (n.isTextual()) {
            String t = n.textValue().strip().toLowerCase(Locale.ROOT);
            switch (t) {
                case "nan", "-nan", "+nan" -> {
                    return Double.NaN;
                }
                case "inf", "+inf", "infinity", "+infinity" -> {
                    return Double.POSITIVE_INFINITY;
                }
                case "-inf", "-infinity" -> {
                    return Double.NEGATIVE_INFINITY;
                }
                default -> {
                    if (!t.isEmpty() && (Character.isDigit(t.charAt(t.length() - 1)) || t.charAt(t.length() - 1) == '.')) {
                        try {
                            return Double.parseDouble(t); // a space-padded number sent as text
                        } catch (NumberFormatException e) {
                            // fall through to the error below
                        }
                    }
                }
            }
        }
        throw fail(path, "a number", n);
    }

    private String text(JsonNode parent, String field, String path, String absent) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            if (absent == null) {
                throw new DqmException(source + ": jsonfairy field " + path + " is missing");
            }
            return absent;
        }
        if (n.isValueNode()) {
            return n.asText();
        }
        throw fail(path, "a text", n);
    }

    private JsonNode object(JsonNode parent, String field, String path) {
        JsonNode n = required(parent, field, path);
        if (!n.isObject()) {
            throw fail(path, "an object", n);
        }
        return n;
    }

    private JsonNode required(JsonNode parent, String field, String path) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            throw new DqmException(source + ": jsonfairy field " + path + " is missing");
        }
        return n;
    }

    private DqmException fail(String path, String expected, JsonNode got) {
        String shown = got.toString();
        return new DqmException(source + ": jsonfairy field " + path + " should be " + expected + ", got "
                + (shown.length() > 80 ? shown.substring(0, 80) + "…" : shown));
    }
}
