package org.runops.examples.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.runops.core.events.EventCountReport;
import org.runops.core.events.EventCountSource;
import org.runops.core.events.EventCountValidator;
import org.runops.testing.FffRunDirectoryWriter;
import org.runops.testing.RootFileWriter.Compression;
import org.runops.testing.RootFileWriter.Damage;
import org.runops.testing.RootFileWriter;

/**
 * The event-count engine on generated data: an fff storage area whose run directories cover every
 * verdict (match, lost events, crashed job, truncated copy, missing output, no EoR, corrupt metadata,
 * zero-event run), each checked the way the commissioning cron job checks it.
 */
public final class EventCountDemo {

    /** One demo run: what was staged and what the validator concluded. */
    public record Outcome(long run, String scenario, EventCountReport report) {}

    private final Path storageRoot;
    private final EventCountValidator validator = new EventCountValidator();

    public EventCountDemo(Path storageRoot) {
        this.storageRoot = storageRoot;
    }

    /** Stages every scenario under the storage root, validates each and returns the outcomes in run order. */
    public List<Outcome> run() {
        List<Outcome> outcomes = new ArrayList<>();
        outcomes.add(stage(400001, "complete run, EDM written by a clean job", 1000, 600, 400));
        outcomes.add(lostEvents());
        outcomes.add(crashedJob());
        outcomes.add(truncatedCopy());
        outcomes.add(missingOutput());
        outcomes.add(noEndOfRun());
        outcomes.add(corruptIndexFile());
        outcomes.add(zeroEventRun());
        return outcomes;
    }

    /** Prints one line per run and the reason for each verdict. */
    public static void print(List<Outcome> outcomes, PrintWriter out) {
        for (Outcome o : outcomes) {
            out.printf(Locale.ROOT, "  run%d  %-17s %s%n", o.run(), o.report().verdict(), o.scenario());
            out.printf(Locale.ROOT, "             why: %s%n", o.report().reason());
            o.report().problems().forEach(p -> out.printf(Locale.ROOT, "             problem: %s%n", p));
        }
        out.flush();
    }

    private Outcome stage(long run, String scenario, long... eventsPerLumi) {
        Path dir = daq(run, true, eventsPerLumi);
        long total = sum(eventsPerLumi);
        RootFileWriter.create().compression(Compression.ZLIB).tree("Events", total).write(edm(dir));
        return check(run, scenario, dir);
    }

    private Outcome lostEvents() {
        Path dir = daq(400002, true, 500, 500);
        RootFileWriter.create().compression(Compression.ZLIB).tree("Events", 998).write(edm(dir));
        return check(400002, "conversion dropped 2 events", dir);
    }

    private Outcome crashedJob() {
        Path dir = daq(400003, true, 700, 700);
        RootFileWriter.create().compression(Compression.ZLIB).tree("Events", 1400).damage(Damage.NEVER_CLOSED)
                .write(edm(dir));
        return check(400003, "conversion job killed before closing its output", dir);
    }

    private Outcome truncatedCopy() {
        Path dir = daq(400004, true, 300);
        RootFileWriter.create().compression(Compression.LZ4).tree("Events", 300).damage(Damage.TRUNCATED)
                .write(edm(dir));
        return check(400004, "EDM file cut short by a full disk", dir);
    }

    private Outcome missingOutput() {
        Path dir = daq(400005, true, 250);
        return check(400005, "analysis never produced the EDM file", dir);
    }

    private Outcome noEndOfRun() {
        Path dir = daq(400006, false, 120, 80);
        RootFileWriter.create().compression(Compression.ZSTD).tree("Events", 200).write(edm(dir));
        return check(400006, "no EoR file: count from the index files", dir);
    }

    private Outcome corruptIndexFile() {
        Path dir = daq(400007, false, 100, 100);
        try {
            Path index = dir.resolve("run400007_ls0002_index000000.jsn");
            Files.writeString(index, "{\n   \"data\" : [ \"10");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RootFileWriter.create().compression(Compression.LZMA).tree("Events", 200).write(edm(dir));
        return check(400007, "an index .jsn was half-written and there is no EoR", dir);
    }

    private Outcome zeroEventRun() {
        Path dir = FffRunDirectoryWriter.create(storageRoot, 400008).write();
        RootFileWriter.create().compression(Compression.NONE).tree("Events", 0).write(edm(dir));
        return check(400008, "run started and stopped without events", dir);
    }

    private Path daq(long run, boolean endOfRun, long... eventsPerLumi) {
        FffRunDirectoryWriter writer = FffRunDirectoryWriter.create(storageRoot, run).endOfRun(endOfRun);
        for (int ls = 0; ls < eventsPerLumi.length; ls++) {
            writer.lumiSection(ls + 1, eventsPerLumi[ls]);
        }
        return writer.write();
    }

    private Outcome check(long run, String scenario, Path dir) {
        EventCountReport report = validator.validate(EventCountSource.daq(dir), EventCountSource.rootTree(edm(dir), "Events"));
        return new Outcome(run, scenario, report);
    }

    private static Path edm(Path runDirectory) {
        return runDirectory.resolve(runDirectory.getFileName() + ".root");
    }

    private static long sum(long... values) {
        long total = 0;
        for (long v : values) {
            total += v;
        }
        return total;
    }
}
