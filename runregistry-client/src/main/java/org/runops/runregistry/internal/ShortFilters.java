package org.runops.runregistry.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.runops.runregistry.FlagStatus;
import org.runops.runregistry.RrFilter;
import org.runops.runregistry.RrFilter.Op;

/** The Python client's short filter forms (rrc utils.py {@code transform_to_rr_*_filter}), as text and as a map. */
public final class ShortFilters {
    private static final Pattern FORM = Pattern.compile("\\s*([A-Za-z0-9_.\\-]+)\\s*[:=]\\s*(.*?)\\s*");
    private static final Pattern OPERATOR = Pattern.compile("(>=|<=|<>|=|>|<|(?i:notlike|like)(?=\\s))\\s*(.*)");
    private static final Pattern RANGE = Pattern.compile("\\[\\s*([^,\\]]+?)\\s*,\\s*([^,\\]]+?)\\s*\\]");
    /** {@code like%x%}: an operator glued to its pattern, which would otherwise be compared for equality as text. */
    private static final Pattern GLUED_LIKE = Pattern.compile("(?i)((?:not)?like)([%_'\"].*)");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d*(?:[eE][-+]?\\d+)?|-?\\d+[eE][-+]?\\d+");
    private static final Pattern COLUMN = Pattern.compile("[A-Za-z0-9_]+-[A-Za-z0-9_]+");
    private static final Set<String> PREFIXES = Set.of("rr_attributes.", "oms_attributes.", "dataset_attributes.", "triplet_summary.");

    private ShortFilters() {}

    public static RrFilter parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("filter '" + text + "' is not 'key: value' (e.g. 'tracker-strip: GOOD',"
                    + " 'run_number: [355100, 355200]', 'energy: >= 6000', 'hlt_key: like %physics%')");
        }
        String key = m.group(1);
        String value = m.group(2);
        if (value.isEmpty()) {
            throw new IllegalArgumentException("filter '" + text + "' has no value");
        }
        Matcher range = RANGE.matcher(value);
        if (range.matches()) {
            Object from = scalar(range.group(1));
            Object to = scalar(range.group(2));
            if (!(from instanceof Number) || !(to instanceof Number)) {
                throw new IllegalArgumentException("filter '" + text + "': a range [from, to] takes two numbers");
            }
            return range(key, (Number) from, (Number) to, "filter '" + text + "'");
        }
        Matcher glued = GLUED_LIKE.matcher(value);
        if (glued.matches()) {
            throw new IllegalArgumentException("filter '" + text + "': put a space after " + glued.group(1) + " ('" + key + ": "
                    + glued.group(1) + " " + glued.group(2) + "'); glued to the pattern it would be compared as text");
        }
        Matcher op = OPERATOR.matcher(value);
        if (op.matches()) {
            return condition(key, Op.parse(op.group(1)), scalar(op.group(2)));
        }
        return condition(key, Op.EQ, scalar(value));
    }

    public static RrFilter parse(Map<String, ?> form) {
        List<RrFilter> parts = new ArrayList<>(form.size());
        form.forEach((key, value) -> parts.add(entry(key, value)));
        return parts.size() == 1 ? parts.get(0) : new RrFilter.All(parts);
    }

    private static RrFilter entry(String key, Object value) {
        if (value instanceof List<?> list) {
            if (list.size() == 2 && list.get(0) instanceof Number from && list.get(1) instanceof Number to) {
                return range(key, from, to, key + ": " + list);
            }
            throw new IllegalArgumentException(key + ": a list is a range [from, to] of two numbers, got " + list);
        }
        if (!(value instanceof Map<?, ?> map)) {
            return condition(key, Op.EQ, value);
        }
        List<RrFilter> parts = new ArrayList<>(map.size());
        map.forEach((k, v) -> {
            String op = String.valueOf(k);
            if (op.equals("and") || op.equals("or")) {
                if (!(v instanceof List<?> alternatives) || alternatives.isEmpty()) {
                    throw new IllegalArgumentException(key + ": '" + op + "' takes a non-empty list, got " + v);
                }
                List<RrFilter> sub = new ArrayList<>(alternatives.size());
                alternatives.forEach(a -> sub.add(entry(key, a)));
                parts.add(op.equals("and") ? new RrFilter.All(sub) : new RrFilter.Any(sub));
            } else {
                parts.add(condition(key, Op.parse(op), v));
            }
        });
        return parts.size() == 1 ? parts.get(0) : new RrFilter.All(parts);
    }

    /** {@code from <= key <= to}; a reversed range would match nothing, so it is refused. */
    private static RrFilter range(String key, Number from, Number to, String what) {
        if (from.doubleValue() > to.doubleValue()) {
            throw new IllegalArgumentException(what + ": range [" + from + ", " + to + "] must ascend");
        }
        return RrFilter.and(condition(key, Op.GE, from), condition(key, Op.LE, to));
    }

    /** One condition on a short or full key, placed where the Python client places it. */
    private static RrFilter condition(String key, Op op, Object value) {
        if (key.equals("run_number") || key.equals("name")) {
            return RrFilter.where(key, op, value);
        }
        if (key.equals("dataset_name")) {
            return RrFilter.where("name", op, value);
        }
        for (String prefix : PREFIXES) {
            if (key.startsWith(prefix)) {
                return RrFilter.where(key, op, value);
            }
        }
        if (COLUMN.matcher(key).matches()) {
            FlagStatus status = value instanceof String s && op == Op.EQ ? FlagStatus.lookup(s).orElse(null) : null;
            if (status == null) {
                throw new IllegalArgumentException(key + ": a column takes a status (GOOD, BAD, STANDBY, EXCLUDED, NOTSET, EMPTY),"
                        + " got " + op.symbol() + " " + value);
            }
            return RrFilter.triplet(key, status);
        }
        if (ShortFormKeys.DATASET.contains(key)) {
            return RrFilter.where("dataset_attributes." + key, op, value);
        }
        if (ShortFormKeys.RR.contains(key)) {
            return RrFilter.rr(key, op, value);
        }
        if (ShortFormKeys.OMS.contains(key)) {
            return RrFilter.oms(key, op, value);
        }
        throw new IllegalArgumentException("filter key '" + key + "' is not one the Python client knows (run_number, name,"
                + " dataset_name, a column such as tracker-strip, an OMS, RR or dataset attribute such as energy, class,"
                + " tracker_state); for another attribute write it in full: oms_attributes." + key + ", rr_attributes." + key
                + " or dataset_attributes." + key);
    }

    /** A number, a boolean, or text (quotes removed). */
    private static Object scalar(String text) {
        String t = text.strip();
        if (INTEGER.matcher(t).matches()) {
            return Long.parseLong(t);
        }
        if (DECIMAL.matcher(t).matches()) {
            return Double.parseDouble(t);
        }
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.equals("true") || lower.equals("false")) {
            return Boolean.parseBoolean(lower);
        }
        if (t.length() >= 2 && (t.startsWith("\"") && t.endsWith("\"") || t.startsWith("'") && t.endsWith("'"))) {
            return t.substring(1, t.length() - 1);
        }
        return t;
    }
}
