package org.runops.runregistry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.runops.runregistry.internal.FilterRenderer;
import org.runops.runregistry.internal.ShortFilters;

/**
 * A filter for {@code runs_filtered_ordered} / {@code datasets_filtered_ordered}, rendered into the server's
 * grammar (spec D§6): {@code {"run_number": {"and": [{">=": 355100}, {"<=": 355200}]}, "triplet_summary.tracker-strip.GOOD":
 * {">": 0}}}. Conditions on different keys under {@link #and} share one object; several on one key become that
 * key's {@code and}/{@code or} list; what cannot be put that way goes into a top-level {@code and}/{@code or} list.
 *
 * <pre>{@code
 * RrFilter f = RrFilter.and(RrFilter.runRange(355100, 355200), RrFilter.triplet("tracker-strip", FlagStatus.GOOD),
 *         RrFilter.name(Op.LIKE, "%PromptReco%"));
 * RrFilter same = RrFilter.and(RrFilter.parse("tracker-strip: GOOD"), RrFilter.parse("run_number: [355100, 355200]"));
 * }</pre>
 */
public sealed interface RrFilter permits RrFilter.Condition, RrFilter.All, RrFilter.Any {

    /** The server's operators. {@code like} is a case-insensitive SQL ILIKE with {@code %}; {@code notlike} its negation. */
    enum Op {
        EQ("="), GT(">"), LT("<"), GE(">="), LE("<="), NE("<>"), LIKE("like"), NOTLIKE("notlike");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        /** As the server spells it (lowercase: uppercase {@code NOTLIKE} would be case-sensitive on the server). */
        public String symbol() {
            return symbol;
        }

        /** The operator spelled {@code symbol} ({@code >=}, {@code like}, case-insensitive). */
        public static Op parse(String symbol) {
            String s = symbol.strip().toLowerCase(Locale.ROOT);
            for (Op op : values()) {
                if (op.symbol.equals(s)) {
                    return op;
                }
            }
            throw new IllegalArgumentException("unknown filter operator '" + symbol + "' (expected = > < >= <= <> like notlike)");
        }
    }

    /** {@code key op value}; the key is one of the server's ({@code run_number}, {@code rr_attributes.class}, ...). */
    record Condition(String key, Op op, Object value) implements RrFilter {
        private static final Pattern KEY = Pattern.compile(
                "run_number|name|(rr_attributes|oms_attributes)\\.[A-Za-z0-9_]+|dataset_attributes\\.[A-Za-z0-9_]+"
                        + "|triplet_summary\\.[A-Za-z0-9_]+-[A-Za-z0-9_]+\\.(GOOD|BAD|STANDBY|EXCLUDED|NOTSET|EMPTY|NO VALUE FOUND)");

        public Condition {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(value, () -> "value of " + key);
            if (!KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("unknown filter key '" + key + "' (expected run_number, name, rr_attributes.<a>,"
                        + " oms_attributes.<a>, dataset_attributes.<ws>_state or triplet_summary.<ws>-<col>.<STATUS>)");
            }
            if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
                value = ((Number) value).longValue();
            } else if (value instanceof Float f) {
                value = f.doubleValue();
            }
            if (!(value instanceof Long || value instanceof Double || value instanceof String || value instanceof Boolean)) {
                throw new IllegalArgumentException(key + ": a filter value is a number, text or boolean, got " + value.getClass().getSimpleName());
            }
            if ((op == Op.LIKE || op == Op.NOTLIKE) && !(value instanceof String)) {
                throw new IllegalArgumentException(key + ": " + op.symbol() + " compares text, got " + value);
            }
            if (value instanceof Boolean && op != Op.EQ) {
                throw new IllegalArgumentException(key + ": a boolean is compared with = only, got " + op.symbol());
            }
            if (value instanceof Double d && !Double.isFinite(d)) {
                throw new IllegalArgumentException(key + ": a filter number must be finite, got " + d);
            }
        }
    }

    /** Every part holds (the server's {@code and}); no parts: no filter. */
    record All(List<RrFilter> parts) implements RrFilter {
        public All {
            parts = List.copyOf(parts);
        }
    }

    /** At least one part holds (the server's {@code or}). */
    record Any(List<RrFilter> parts) implements RrFilter {
        public Any {
            parts = List.copyOf(parts);
            if (parts.isEmpty()) {
                throw new IllegalArgumentException("an 'or' needs at least one part");
            }
        }
    }

    /** No filter: every run or dataset. */
    static RrFilter none() {
        return new All(List.of());
    }

    static RrFilter and(RrFilter... parts) {
        return parts.length == 1 ? parts[0] : new All(Arrays.asList(parts));
    }

    static RrFilter or(RrFilter... parts) {
        return parts.length == 1 ? parts[0] : new Any(Arrays.asList(parts));
    }

    static RrFilter where(String key, Op op, Object value) {
        return new Condition(key, op, value);
    }

    static RrFilter runNumber(long run) {
        return new Condition("run_number", Op.EQ, run);
    }

    static RrFilter runNumber(Op op, long run) {
        return new Condition("run_number", op, run);
    }

    /** Runs {@code from..to}, both inclusive. */
    static RrFilter runRange(long from, long to) {
        if (to < from) {
            throw new IllegalArgumentException("run range must ascend, got " + from + ".." + to);
        }
        return new All(List.of(runNumber(Op.GE, from), runNumber(Op.LE, to)));
    }

    /** The dataset name ({@code /PromptReco/Collisions2018A/DQM}, {@code online}); {@link Op#LIKE} takes {@code %} patterns. */
    static RrFilter name(Op op, String name) {
        return new Condition("name", op, name);
    }

    /** {@code rr_attributes.<attribute>} ({@code class}, {@code state}, {@code significant}, ...). */
    static RrFilter rr(String attribute, Op op, Object value) {
        return new Condition("rr_attributes." + attribute, op, value);
    }

    /** {@code oms_attributes.<attribute>} ({@code energy}, {@code b_field}, {@code hlt_key}, ...). */
    static RrFilter oms(String attribute, Op op, Object value) {
        return new Condition("oms_attributes." + attribute, op, value);
    }

    /** {@code dataset_attributes.<workspace>_state = state} ({@code tracker}, {@code COMPLETED}). */
    static RrFilter workspaceState(String workspace, String state) {
        return new Condition("dataset_attributes." + workspace + "_state", Op.EQ, state);
    }

    /** At least one lumisection of {@code column} ({@code tracker-strip}) has {@code status}: {@code triplet_summary.<col>.<S> > 0}. */
    static RrFilter triplet(String column, FlagStatus status) {
        return new Condition("triplet_summary." + column + "." + status.serverName(), Op.GT, 0L);
    }

    /**
     * One short form as users of the Python client write it, {@code key: value} (or {@code key=value}):
     * {@code tracker-strip: GOOD} (a column and a status), {@code run_number: [355100, 355200]} (inclusive),
     * {@code run_number: 355100}, {@code class: Collisions22}, {@code tracker_state: COMPLETED}, an operator before the
     * value ({@code energy: >= 6000}, {@code hlt_key: like %physics%}), {@code significant: true}. Short keys go where the
     * Python client puts them: {@code run_number} and {@code name}/{@code dataset_name} as they are, {@code <ws>-<col>} to
     * the triplet summary, {@code <ws>_state} to {@code dataset_attributes}, the run's Registry attributes ({@code class},
     * {@code state}, {@code significant}, {@code stop_reason}, {@code run_needs_to_be_updated_manually}) to
     * {@code rr_attributes}, keys with a prefix as they are, every other key to {@code oms_attributes}.
     */
    static RrFilter parse(String shortForm) {
        return ShortFilters.parse(shortForm);
    }

    /** The Python client's map form: {@code {"tracker-strip": "GOOD", "run_number": [a, b], "energy": {">=": 6000}}}, all AND-ed. */
    static RrFilter parse(Map<String, ?> shortForm) {
        return ShortFilters.parse(shortForm);
    }

    /** The server's JSON for this filter ({@code {}} for none). */
    default ObjectNode render() {
        return FilterRenderer.render(this);
    }

    /** {@link #render()} as compact text. */
    default String toJson() {
        return render().toString();
    }

    /** Whether this filter lets everything through: judged on what is sent, so an {@code or} with {@code none()} counts too. */
    default boolean isEmpty() {
        return render().isEmpty();
    }
}
