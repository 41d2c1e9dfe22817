package org.runops.calo.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.runops.calo.ExecuteResult;
import org.runops.calo.Plan;
import org.runops.calo.RunTag;
import org.runops.calo.RunTask;
import org.runops.calo.SkippedRun;
import org.runops.core.ledger.AtomicFiles;

/** {@code plan.json}: the plan and what was done with it, for people and scripts (the demo flag included). */
public final class PlanJson {
    private static final JsonFactory JSON = new JsonFactory();

    private PlanJson() {}

    public static void write(Path file, ExecuteResult r) throws IOException {
        Plan p = r.plan();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(bytes).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            g.writeStringField("id", p.id());
            g.writeBooleanField("demo", p.demo());
            g.writeStringField("runType", p.options().runType().name());
            g.writeStringField("tagPolicy", p.options().policy().name());
            if (p.options().minEvents().isPresent()) {
                g.writeNumberField("minEvents", p.options().minEvents().getAsLong());
            }
            g.writeStringField("created", p.created().toString());
            g.writeStringField("catalog", p.catalog());
            g.writeStringField("cdb", p.cdb());
            strings(g, "calibrations", p.calibrations());
            g.writeNumberField("catalogRuns", p.catalogRuns().size());
            g.writeArrayFieldStart("runs");
            for (RunTask t : p.tasks()) {
                g.writeStartObject();
                g.writeNumberField("run", t.runTag().run());
                g.writeStringField("tag", t.runTag().tag());
                strings(g, "mapsNeeded", t.mapsNeeded());
                g.writeNumberField("files", t.files().size());
                g.writeStringField("fingerprint", PlanMaker.fingerprint(t));
                g.writeEndObject();
            }
            g.writeEndArray();
            skipped(g, "deferred", p.deferred());
            skipped(g, "dropped", p.dropped());
            g.writeArrayFieldStart("upToDate");
            for (RunTag rt : p.upToDate()) {
                g.writeNumber(rt.run());
            }
            g.writeEndArray();
            strings(g, "missingFiles", p.missingFiles());
            g.writeObjectFieldStart("execution");
            g.writeBooleanField("submitted", r.submitted().isPresent());
            if (r.submitted().isPresent()) {
                g.writeStringField("system", r.submitted().get().system());
                g.writeStringField("clusterId", r.submitted().get().clusterId());
            }
            g.writeStringField("submissionCommand", r.submissionCommand());
            g.writeArrayFieldStart("queued");
            for (RunTag rt : r.queued()) {
                g.writeNumber(rt.run());
            }
            g.writeEndArray();
            skipped(g, "waiting", r.waiting());
            skipped(g, "done", r.done());
            skipped(g, "givenUp", r.givenUp());
            g.writeEndObject();
            g.writeEndObject();
        }
        bytes.write('\n');
        AtomicFiles.write(file, bytes.toByteArray());
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private static void skipped(JsonGenerator g, String name, List<SkippedRun> runs) throws IOException {
        g.writeArrayFieldStart(name);
        for (SkippedRun s : runs) {
            g.writeStartObject();
            g.writeNumberField("run", s.runTag().run());
            g.writeStringField("tag", s.runTag().tag());
            g.writeStringField("cause", s.cause().name());
            g.writeStringField("reason", s.reason());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
