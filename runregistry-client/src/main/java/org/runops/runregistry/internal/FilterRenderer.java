package org.runops.runregistry.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.runops.runregistry.RrFilter;

/**
 * Renders an {@link RrFilter} into the server's grammar (rrb's filter → Sequelize translation): an object of
 * {@code key → condition} whose keys all hold, a condition being {@code {op: value}} or a key-level
 * {@code {"and"|"or": [conditions]}}; top-level {@code "and"}/{@code "or"} lists of such objects where a
 * disjunction spans several keys.
 */
public final class FilterRenderer {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String AND = "and";
    private static final String OR = "or";

    private FilterRenderer() {}

    public static ObjectNode render(RrFilter filter) {
        if (filter instanceof RrFilter.Condition c) {
            return condition(c);
        }
        return filter instanceof RrFilter.All all ? all(all.parts()) : any(((RrFilter.Any) filter).parts());
    }

    private static ObjectNode condition(RrFilter.Condition c) {
        ObjectNode cond = NODES.objectNode();
        cond.set(c.op().symbol(), value(c.value()));
        ObjectNode o = NODES.objectNode();
        o.set(c.key(), cond);
        return o;
    }

    private static ObjectNode all(List<RrFilter> parts) {
        ObjectNode out = NODES.objectNode();
        for (RrFilter p : parts) {
            for (Iterator<Map.Entry<String, JsonNode>> it = render(p).fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = e.getKey();
                JsonNode have = out.get(key);
                if (have == null) {
                    out.set(key, e.getValue());
                } else if (key.equals(AND)) {
                    ((ArrayNode) have).addAll((ArrayNode) e.getValue());
                } else if (key.equals(OR)) {
                    // two disjunctions over several keys: both must hold, side by side in the top-level and
                    ObjectNode second = NODES.objectNode();
                    second.set(OR, e.getValue());
                    andList(out).add(second);
                } else {
                    out.set(key, keyAnd(have, e.getValue()));
                }
            }
        }
        return out;
    }

    private static ObjectNode any(List<RrFilter> parts) {
        List<ObjectNode> rendered = new ArrayList<>(parts.size());
        String sharedKey = null;
        boolean oneKey = true;
        for (RrFilter p : parts) {
            ObjectNode o = render(p);
            if (o.isEmpty()) {
                return o; // one alternative lets everything through
            }
            rendered.add(o);
            String key = o.size() == 1 ? o.fieldNames().next() : null;
            oneKey &= key != null && !key.equals(AND) && !key.equals(OR) && (sharedKey == null || sharedKey.equals(key));
            sharedKey = key;
        }
        ObjectNode out = NODES.objectNode();
        if (oneKey) {
            ArrayNode alternatives = NODES.arrayNode();
            for (ObjectNode o : rendered) {
                JsonNode cond = o.get(sharedKey);
                if (cond.size() == 1 && cond.has(OR)) {
                    alternatives.addAll((ArrayNode) cond.get(OR));
                } else {
                    alternatives.add(cond);
                }
            }
            out.putObject(sharedKey).set(OR, alternatives);
        } else {
            out.putArray(OR).addAll(rendered);
        }
        return out;
    }

    /** Two conditions on one key, both to hold: {@code {"and": [...]}}, flattening an existing and-list. */
    private static ObjectNode keyAnd(JsonNode have, JsonNode more) {
        ObjectNode cond = NODES.objectNode();
        ArrayNode list = cond.putArray(AND);
        for (JsonNode c : List.of(have, more)) {
            if (c.size() == 1 && c.has(AND)) {
                list.addAll((ArrayNode) c.get(AND));
            } else {
                list.add(c);
            }
        }
        return cond;
    }

    private static ArrayNode andList(ObjectNode out) {
        JsonNode list = out.get(AND);
        return list != null ? (ArrayNode) list : out.putArray(AND);
    }

    private static JsonNode value(Object v) {
        if (v instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (v instanceof Double d) {
            return NODES.numberNode(d);
        }
        return v instanceof Boolean b ? NODES.booleanNode(b) : NODES.textNode((String) v);
    }
}
