package org.runops.examples.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.runops.datalogger.DataLoggerClient;
import org.runops.datalogger.DataFiles;
import org.runops.datalogger.DeviceName;
import org.runops.datalogger.GrabResult;
import org.runops.datalogger.GrabWindow;
import org.runops.datalogger.ParamGrabJob;
import org.runops.datalogger.SimulationProfile;
import org.runops.datalogger.stats.DistillLimits;
import org.runops.datalogger.stats.DistillOutcome;
import org.runops.datalogger.stats.StatsDatabase;
import org.runops.datalogger.stats.StatsDistiller;
import org.runops.datalogger.stats.StatsHtmlPage;
import org.runops.datalogger.stats.StatsJsonExporter;
import org.runops.datalogger.stats.StatsTrendPlot;

/**
 * The GMPS-AI workflow on one simulated hour of the Booster GMPS devices (Chicago midnight to 1 am on
 * 2020-03-10), grabbed as three 20-minute files so the statistics have a trend: grab, distil into
 * {@code GMPSAI.db}, then the plotly JSON, the HTML page and the PNG plot. Every file says it is simulated.
 */
public final class DataloggerDemo {
    /** 2020-03-10 01:00 in Chicago (CDT): the end of the simulated hour. */
    private static final Instant HOUR_END = Instant.parse("2020-03-10T06:00:00Z");
    private static final String[] STOPS = {"2020-03-10 00:20:00", "2020-03-10 00:40:00", "2020-03-10 01:00:00"};

    public record Outcome(List<GrabResult> grabs, List<DistillOutcome> distilled, Path database, Path json, Path html, Path png) {
        public Outcome {
            grabs = List.copyOf(grabs);
            distilled = List.copyOf(distilled);
        }

        public long samples() {
            return grabs.stream().mapToLong(GrabResult::totalSamples).sum();
        }
    }

    private DataloggerDemo() {}

    public static Outcome run(Path work) {
        Clock clock = Clock.fixed(HOUR_END, ZoneOffset.UTC);
        Path params = writeParamList(work.resolve("ParamList.txt"));
        List<GrabResult> grabs = new ArrayList<>();
        try (DataLoggerClient simulated = DataLoggerClient.simulated(42, SimulationProfile.booster(), clock)) {
            ParamGrabJob job = new ParamGrabJob(simulated, clock);
            for (String stop : STOPS) {
                GrabWindow window = new GrabWindow(Optional.of(stop), Optional.empty(), 0, 0, 20, 0);
                grabs.add(job.run(ParamGrabJob.Options.defaults(params).withPaths(work.resolve("draft"), work.resolve("data")).withWindow(window)));
            }
        }
        Path db = work.resolve(StatsDatabase.DEFAULT_FILE);
        try (StatsDatabase stats = StatsDatabase.open(db)) {
            List<Path> files = grabs.stream().map(g -> g.file().orElseThrow()).toList();
            List<DistillOutcome> distilled = new StatsDistiller(stats, DataFiles::open, clock, DistillLimits.NONE).distill(files);
            Path json = StatsJsonExporter.export(stats, List.of(), 0, work, StatsJsonExporter.DEFAULT_FILE);
            Path html = work.resolve("stats.html");
            StatsHtmlPage.write(stats, List.of(), DataLoggerClient.FERMILAB_ZONE, html);
            Path png = work.resolve("stats.png");
            StatsTrendPlot.write(stats, List.of(), DataLoggerClient.FERMILAB_ZONE, png);
            return new Outcome(grabs, distilled, db, json, html, png);
        }
    }

    /** The Booster devices the simulation knows, one {@code MLrn DEVICE} line each, as in ParamList.txt. */
    private static Path writeParamList(Path file) {
        StringBuilder lines = new StringBuilder();
        for (DeviceName device : SimulationProfile.booster().channels().keySet().stream().sorted(java.util.Comparator.comparing(DeviceName::text)).toList()) {
            lines.append("MLrn ").append(device.text()).append('\n');
        }
        try {
            return Files.writeString(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo's parameter list " + file, e);
        }
    }
}
