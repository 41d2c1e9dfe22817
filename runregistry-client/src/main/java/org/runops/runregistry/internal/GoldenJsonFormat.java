package org.runops.runregistry.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import org.runops.runregistry.GoldenJson;
import org.runops.runregistry.RunRegistryException;

/** Reading and writing the golden-JSON text format {@code {"<run>": [[first, last], ...], ...}}. */
public final class GoldenJsonFormat {
    /** The longest one-line run entry, comma included; longer ones get one range per line (RR's files, prettier's width). */
    private static final int WIDTH = 80;

    private GoldenJsonFormat() {}

    public static GoldenJson parse(byte[] json, String source) {
        JsonNode root = RrJson.tree(json, source);
        if (!root.isObject()) {
            throw new RunRegistryException(source + ": a golden JSON is an object {\"<run>\": [[first, last], ...]}, got "
                    + RrRecords.describe(root));
        }
        GoldenJson.Builder b = GoldenJson.builder();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            long run = runNumber(e.getKey(), source);
            JsonNode ranges = e.getValue();
            if (!ranges.isArray()) {
                throw new RunRegistryException(source + ": run " + run + " must map to a list of [first, last] ranges, got "
                        + RrRecords.describe(ranges));
            }
            for (JsonNode r : ranges) {
                if (!r.isArray() || r.size() != 2 || !lumisection(r.get(0)) || !lumisection(r.get(1)) || r.get(1).asInt() < r.get(0).asInt()) {
                    throw new RunRegistryException(source + ": run " + run + " has range " + RrRecords.describe(r)
                            + " (expected [first, last], 1 ≤ first ≤ last)");
                }
                b.add(run, r.get(0).asInt(), r.get(1).asInt());
            }
        }
        return b.build();
    }

    /** The text of {@code runs} (normalised flat pairs by run), 4-space indent, newline at the end. */
    public static String write(NavigableMap<Long, int[]> runs) {
        if (runs.isEmpty()) {
            return "{}\n";
        }
        StringBuilder out = new StringBuilder(runs.size() * 48).append("{\n");
        StringBuilder line = new StringBuilder(WIDTH * 2);
        int left = runs.size();
        for (Map.Entry<Long, int[]> e : runs.entrySet()) {
            String comma = --left > 0 ? "," : "";
            int[] p = e.getValue();
            line.setLength(0);
            line.append("    \"").append(e.getKey()).append("\": [");
            for (int i = 0; i < p.length; i += 2) {
                line.append(i == 0 ? "" : ", ").append('[').append(p[i]).append(", ").append(p[i + 1]).append(']');
            }
            line.append(']').append(comma);
            if (line.length() <= WIDTH) {
                out.append(line).append('\n');
                continue;
            }
            out.append("    \"").append(e.getKey()).append("\": [\n");
            for (int i = 0; i < p.length; i += 2) {
                out.append("        [").append(p[i]).append(", ").append(p[i + 1]).append(']').append(i + 2 < p.length ? ",\n" : "\n");
            }
            out.append("    ]").append(comma).append('\n');
        }
        return out.append("}\n").toString();
    }

    private static boolean lumisection(JsonNode v) {
        return v.isIntegralNumber() && v.canConvertToInt() && v.asInt() >= 1;
    }

    private static long runNumber(String key, String source) {
        boolean digits = !key.isEmpty() && key.length() <= 18;
        for (int i = 0; i < key.length() && digits; i++) {
            digits = key.charAt(i) >= '0' && key.charAt(i) <= '9';
        }
        long run = digits ? Long.parseLong(key) : 0;
        if (run <= 0) {
            throw new RunRegistryException(source + ": key \"" + key + "\" is not a run number");
        }
        return run;
    }
}
