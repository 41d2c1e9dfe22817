package org.runops.runregistry.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.runops.runregistry.FlagStatus;
import org.runops.runregistry.FlagValue;
import org.runops.runregistry.LumiFlags;
import org.runops.runregistry.LumiRange;
import org.runops.runregistry.RrDataset;
import org.runops.runregistry.RrRun;
import org.runops.runregistry.RunRegistryException;
import org.runops.runregistry.TripletSummary;

/**
 * Reads Run Registry records from JSON trees, in both shapes that exist: the server's (spec D§6: {@code rr_attributes},
 * {@code oms_attributes}, {@code DatasetTripletCache.triplet_summary}, a dataset's run as {@code Run{...}}) and the
 * Python client's flattened one (the run's rr attributes spread over the record, the summary as {@code lumisections}).
 * Every error is a {@link RunRegistryException} naming {@code where} (a URL or file) and the record.
 */
public final class RrRecords {
    /** A flattened dataset's own fields; every other top-level field is one of the run's rr attributes. */
    private static final Set<String> DATASET_FIELDS = Set.of("run_number", "name", "dataset_attributes", "datasets_in_gui",
            "deleted", "version", "lumisections", "Run", "DatasetTripletCache");
    /** A flattened run's fields that are not rr attributes. */
    private static final Set<String> RUN_FIELDS = Set.of("run_number", "oms_attributes", "lumisections", "DatasetTripletCache");
    private static final String STATE_SUFFIX = "_state";

    private RrRecords() {}

    /** One run, either shape. */
    public static RrRun run(JsonNode node, String where) {
        requireObject(node, where, "a run record");
        String what = where + " (run " + node.path("run_number") + ")";
        Map<String, JsonNode> rr = node.has("rr_attributes")
                ? optionalObject(node, "rr_attributes", what).map(RrRecords::fields).orElse(Map.of())
                : rest(node, RUN_FIELDS);
        Map<String, JsonNode> oms = optionalObject(node, "oms_attributes", what).map(RrRecords::fields).orElse(Map.of());
        try {
            return new RrRun(runNumber(node, where), text(rr, "class", what), text(rr, "state", what),
                    bool(rr.get("significant"), "significant", what), rr, oms, summaries(node, what));
        } catch (IllegalArgumentException e) {
            throw new RunRegistryException(what + ": " + e.getMessage(), e);
        }
    }

    /** One dataset, either shape. */
    public static RrDataset dataset(JsonNode node, String where) {
        requireObject(node, where, "a dataset record");
        long run = runNumber(node, where);
        String what = where + " (run " + run + ", dataset " + node.path("name") + ")";
        Map<String, JsonNode> rr;
        Optional<JsonNode> runNode = optionalObject(node, "Run", what);
        if (runNode.isPresent()) {
            rr = optionalObject(runNode.get(), "rr_attributes", what + " Run").map(RrRecords::fields).orElse(Map.of());
        } else {
            rr = rest(node, DATASET_FIELDS);
        }
        JsonNode name = node.get("name");
        if (name == null || !name.isTextual()) {
            throw new RunRegistryException(what + ": field 'name' must be the dataset name (text), got " + describe(name));
        }
        try {
            return new RrDataset(run, name.asText(), text(rr, "class", what), text(rr, "state", what),
                    bool(rr.get("significant"), "significant", what), workspaceStates(node, what), summaries(node, what),
                    texts(node.get("datasets_in_gui"), "datasets_in_gui", what), bool(node.get("deleted"), "deleted", what),
                    integer(node.get("version"), "version", what, 0), rr);
        } catch (IllegalArgumentException e) {
            throw new RunRegistryException(what + ": " + e.getMessage(), e);
        }
    }

    /** The records of a JSON array, or of a single record, read by {@code reader}. */
    public static <T> List<T> each(JsonNode node, String where, java.util.function.BiFunction<JsonNode, String, T> reader) {
        if (!node.isArray()) {
            return List.of(reader.apply(node, where));
        }
        List<T> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            out.add(reader.apply(node.get(i), where + " [" + i + "]"));
        }
        return out;
    }

    /** One column's summary: status counts plus {@code causes} and {@code comments}. */
    public static TripletSummary summary(JsonNode node, String where) {
        requireObject(node, where, "a flag summary");
        Map<FlagStatus, Integer> counts = new EnumMap<>(FlagStatus.class);
        List<String> causes = List.of();
        List<String> comments = List.of();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            switch (e.getKey()) {
                case "causes" -> causes = texts(e.getValue(), "causes", where);
                case "comments" -> comments = texts(e.getValue(), "comments", where);
                default -> {
                    FlagStatus s = FlagStatus.lookup(e.getKey()).orElseThrow(() -> new RunRegistryException(where
                            + ": unknown status '" + e.getKey() + "' (expected GOOD, BAD, STANDBY, EXCLUDED, NOTSET, EMPTY, NO VALUE FOUND, causes or comments)"));
                    long n = integer(e.getValue(), e.getKey(), where, -1);
                    if (n < 0 || n > Integer.MAX_VALUE) {
                        throw new RunRegistryException(where + ": count of " + e.getKey() + " must be a lumisection count, got " + e.getValue());
                    }
                    counts.merge(s, (int) n, Integer::sum);
                }
            }
        }
        return new TripletSummary(counts, causes, comments);
    }

    /** {@code rr_lumisections}: element i is lumisection i+1, as {@code {<column>: {status, cause, comment}}}. */
    public static List<LumiFlags> lumisections(JsonNode node, String where) {
        if (!node.isArray()) {
            throw new RunRegistryException(where + ": expected an array of lumisections, got " + describe(node));
        }
        List<LumiFlags> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            String what = where + " (lumisection " + (i + 1) + ")";
            JsonNode ls = node.get(i);
            requireObject(ls, what, "the flags of a lumisection");
            out.add(new LumiFlags(i + 1, flags(ls, what, Set.of())));
        }
        return out;
    }

    /** {@code *_ranges}: {@code [{start, end, <column>: {status, cause, comment}}]}, 1-based, inclusive, ascending, disjoint. */
    public static List<LumiRange> ranges(JsonNode node, String where) {
        if (!node.isArray()) {
            throw new RunRegistryException(where + ": expected an array of lumisection ranges, got " + describe(node));
        }
        List<LumiRange> out = new ArrayList<>(node.size());
        int previousEnd = 0;
        for (int i = 0; i < node.size(); i++) {
            String what = where + " (range " + i + ")";
            JsonNode r = node.get(i);
            requireObject(r, what, "a lumisection range");
            long start = integer(r.get("start"), "start", what, -1);
            long end = integer(r.get("end"), "end", what, -1);
            if (start <= previousEnd || end < start || end > Integer.MAX_VALUE) {
                throw new RunRegistryException(what + ": [" + start + ", " + end + "] is not a 1-based inclusive range after lumisection "
                        + previousEnd + " (ranges must ascend without overlap)");
            }
            out.add(new LumiRange((int) start, (int) end, flags(r, what, Set.of("start", "end"))));
            previousEnd = (int) end;
        }
        return out;
    }

    /** A JSON array of texts ({@code get_all_dataset_names_of_run}). */
    public static List<String> names(JsonNode node, String where) {
        if (!node.isArray()) {
            throw new RunRegistryException(where + ": expected an array of dataset names, got " + describe(node));
        }
        return texts(node, "dataset names", where);
    }

    private static Map<String, FlagValue> flags(JsonNode node, String where, Set<String> skip) {
        Map<String, FlagValue> flags = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (skip.contains(e.getKey())) {
                continue;
            }
            JsonNode f = e.getValue();
            if (f.isValueNode()) {
                continue; // a scalar field beside the columns is not a flag
            }
            if (!f.isObject()) {
                throw new RunRegistryException(where + ": column " + e.getKey() + " must be {status, cause, comment}, got " + describe(f));
            }
            JsonNode status = f.get("status");
            FlagStatus s = status == null || !status.isTextual() ? null : FlagStatus.lookup(status.asText()).orElse(null);
            if (s == null) {
                throw new RunRegistryException(where + ": column " + e.getKey() + " has status " + describe(status)
                        + " (expected GOOD, BAD, STANDBY, EXCLUDED, NOTSET, EMPTY or NO VALUE FOUND)");
            }
            flags.put(e.getKey(), new FlagValue(s, optionalText(f.get("cause"), "cause", where), optionalText(f.get("comment"), "comment", where)));
        }
        return flags;
    }

    private static Map<String, TripletSummary> summaries(JsonNode record, String where) {
        JsonNode summary;
        if (record.has("lumisections")) {
            summary = record.get("lumisections");
        } else {
            JsonNode cache = record.get("DatasetTripletCache");
            summary = cache == null || cache.isNull() ? null : cache.isObject() ? cache.get("triplet_summary") : cache;
        }
        if (summary == null || summary.isNull()) {
            return Map.of(); // the server fills its cache later: no summary yet
        }
        requireObject(summary, where, "the triplet summary (column → counts)");
        Map<String, TripletSummary> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = summary.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), summary(e.getValue(), where + " column " + e.getKey()));
        }
        return out;
    }

    private static Map<String, String> workspaceStates(JsonNode record, String where) {
        Map<String, String> states = new LinkedHashMap<>();
        Optional<JsonNode> attributes = optionalObject(record, "dataset_attributes", where);
        if (attributes.isEmpty()) {
            return states;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = attributes.get().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            // other dataset attributes (appeared_in, ...) are not workspace states
            if (key.endsWith(STATE_SUFFIX) && key.length() > STATE_SUFFIX.length() && !e.getValue().isNull()) {
                if (!e.getValue().isTextual()) {
                    throw new RunRegistryException(where + ": dataset_attributes." + key + " must be a state (text), got " + describe(e.getValue()));
                }
                states.put(key.substring(0, key.length() - STATE_SUFFIX.length()), e.getValue().asText());
            }
        }
        return states;
    }

    private static long runNumber(JsonNode node, String where) {
        long run = integer(node.get("run_number"), "run_number", where, -1);
        if (run <= 0) {
            throw new RunRegistryException(where + ": field 'run_number' must be a positive run number, got " + describe(node.get("run_number")));
        }
        return run;
    }

    /** An integral number (or digits as text); {@code absent} when missing or null, or -1 meaning "required". */
    private static long integer(JsonNode v, String field, String where, long absent) {
        if (v == null || v.isNull()) {
            if (absent >= 0) {
                return absent;
            }
            throw new RunRegistryException(where + ": field '" + field + "' is missing");
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.asLong();
        }
        if (v.isTextual() && !v.asText().isEmpty() && v.asText().length() < 19 && v.asText().chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Long.parseLong(v.asText());
        }
        throw new RunRegistryException(where + ": field '" + field + "' must be an integer, got " + describe(v));
    }

    private static boolean bool(JsonNode v, String field, String where) {
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw new RunRegistryException(where + ": field '" + field + "' must be true or false, got " + describe(v));
        }
        return v.asBoolean();
    }

    private static String text(Map<String, JsonNode> attributes, String field, String where) {
        return optionalText(attributes.get(field), field, where);
    }

    private static String optionalText(JsonNode v, String field, String where) {
        if (v == null || v.isNull()) {
            return "";
        }
        if (!v.isValueNode()) {
            throw new RunRegistryException(where + ": field '" + field + "' must be text, got " + describe(v));
        }
        return v.asText();
    }

    private static List<String> texts(JsonNode v, String field, String where) {
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new RunRegistryException(where + ": field '" + field + "' must be a list, got " + describe(v));
        }
        List<String> out = new ArrayList<>(v.size());
        for (JsonNode e : v) {
            if (!e.isValueNode() || e.isNull()) {
                throw new RunRegistryException(where + ": field '" + field + "' must list texts, got " + describe(e));
            }
            out.add(e.asText());
        }
        return out;
    }

    private static Optional<JsonNode> optionalObject(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isObject()) {
            throw new RunRegistryException(where + ": field '" + field + "' must be an object, got " + describe(v));
        }
        return Optional.of(v);
    }

    private static void requireObject(JsonNode node, String where, String what) {
        if (node == null || !node.isObject()) {
            throw new RunRegistryException(where + ": expected " + what + " (a JSON object), got " + describe(node));
        }
    }

    private static Map<String, JsonNode> fields(JsonNode object) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static Map<String, JsonNode> rest(JsonNode object, Set<String> except) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> {
            if (!except.contains(e.getKey())) {
                out.put(e.getKey(), e.getValue());
            }
        });
        return out;
    }

    /** A short description of a JSON value for messages: its type and at most 60 characters. */
    static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        String s = v.toString();
        String type = v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        return type + " " + (s.length() > 60 ? s.substring(0, 60) + "…" : s);
    }
}
