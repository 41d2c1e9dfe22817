package org.runops.runregistry.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.runops.runregistry.FlagValue;
import org.runops.runregistry.LumiFlags;
import org.runops.runregistry.LumiRange;
import org.runops.runregistry.RrDataset;
import org.runops.runregistry.RrRun;
import org.runops.runregistry.TripletSummary;

/**
 * Writes records in the Python client's flattened shape (the one of {@code rr_dataset_record_*.json}), which
 * {@link RrRecords} reads back to equal records: saved CLI output and fixtures are one format.
 */
public final class RrWriter {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RrWriter() {}

    public static ObjectNode dataset(RrDataset d) {
        ObjectNode o = NODES.objectNode();
        d.rrAttributes().forEach(o::set); // the run's rr attributes spread first, as the Python client does
        o.put("run_number", d.run());
        o.put("name", d.name());
        ObjectNode attributes = o.putObject("dataset_attributes");
        d.workspaceStates().forEach((ws, state) -> attributes.put(ws + "_state", state));
        ArrayNode gui = o.putArray("datasets_in_gui");
        d.datasetsInGui().forEach(gui::add);
        o.put("deleted", d.deleted());
        o.put("version", d.version());
        o.set("lumisections", summaries(d.triplets()));
        return o;
    }

    public static ObjectNode run(RrRun r) {
        ObjectNode o = NODES.objectNode();
        ObjectNode oms = o.putObject("oms_attributes");
        r.omsAttributes().forEach(oms::set);
        r.rrAttributes().forEach(o::set);
        o.set("lumisections", summaries(r.triplets()));
        o.put("run_number", r.run());
        return o;
    }

    public static ArrayNode datasets(List<RrDataset> list) {
        ArrayNode a = NODES.arrayNode(list.size());
        list.forEach(d -> a.add(dataset(d)));
        return a;
    }

    public static ArrayNode runs(List<RrRun> list) {
        ArrayNode a = NODES.arrayNode(list.size());
        list.forEach(r -> a.add(run(r)));
        return a;
    }

    /** {@code rr_lumisections}' shape: element i is lumisection i+1. */
    public static ArrayNode lumisections(List<LumiFlags> list) {
        ArrayNode a = NODES.arrayNode(list.size());
        list.forEach(ls -> a.add(flags(NODES.objectNode(), ls.flags())));
        return a;
    }

    public static ArrayNode ranges(List<LumiRange> list) {
        ArrayNode a = NODES.arrayNode(list.size());
        for (LumiRange r : list) {
            ObjectNode o = NODES.objectNode();
            o.put("start", r.start());
            o.put("end", r.end());
            a.add(flags(o, r.flags()));
        }
        return a;
    }

    private static ObjectNode flags(ObjectNode o, Map<String, FlagValue> flags) {
        flags.forEach((column, f) -> {
            ObjectNode v = o.putObject(column);
            v.put("status", f.status().serverName());
            v.put("cause", f.cause());
            v.put("comment", f.comment());
        });
        return o;
    }

    private static ObjectNode summaries(Map<String, TripletSummary> triplets) {
        ObjectNode o = NODES.objectNode();
        triplets.forEach((column, t) -> {
            ObjectNode s = o.putObject(column);
            t.counts().forEach((status, n) -> s.put(status.serverName(), n));
            ArrayNode causes = s.putArray("causes");
            t.causes().forEach(causes::add);
            ArrayNode comments = s.putArray("comments");
            t.comments().forEach(comments::add);
        });
        return o;
    }
}
