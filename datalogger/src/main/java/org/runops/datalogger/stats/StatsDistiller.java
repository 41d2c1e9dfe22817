package org.runops.datalogger.stats;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.runops.datalogger.DataFileReader;
import org.runops.datalogger.DataFiles;
import org.runops.datalogger.DataLoggerException;

/**
 * DistillFileStatsToDB.py: for every series of a data file, the statistics of its values and of its
 * sample intervals ({@code Interval_<key>}), found in one streaming pass, stored under the file's key time
 * ({@link FileKeyTime}); the provenance row takes the backend and window from the file attributes
 * ({@link DataFiles#ATTR_BACKEND}, ...). Each file is one transaction: a file that cannot be read to the end (truncated,
 * foreign, badly named) stores nothing and is reported, and the next file goes on. Distilling a file
 * again overwrites its rows with the same values.
 */
public final class StatsDistiller {
    private final StatsDatabase database;
    private final Function<Path, DataFileReader> opener;
    private final Clock clock;
    private final DistillLimits limits;

    public StatsDistiller(StatsDatabase database, Function<Path, DataFileReader> opener, Clock clock, DistillLimits limits) {
        this.database = Objects.requireNonNull(database, "database");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** Distils each file in turn; one failing file does not stop the others. */
    public List<DistillOutcome> distill(List<Path> files) {
        List<DistillOutcome> outcomes = new ArrayList<>(files.size());
        for (Path file : files) {
            outcomes.add(distill(file));
        }
        return List.copyOf(outcomes);
    }

    /** Distils one file; a problem with the file is returned, not thrown, and leaves the database as it was. */
    public DistillOutcome distill(Path file) {
        try {
            double key = FileKeyTime.epochKey(file);
            List<ParameterStats> stats = new ArrayList<>();
            Map<String, String> attributes;
            try (DataFileReader reader = opener.apply(file)) {
                attributes = reader.attributes();
                List<String> keys = reader.keys();
                if (limits.maxParams() > 0 && keys.size() > limits.maxParams()) {
                    keys = keys.subList(0, limits.maxParams());
                }
                for (String series : keys) {
                    SeriesStatsCollector collector = limits.maxRows() > 0
                            ? new SeriesStatsCollector(limits.maxRows()) : new SeriesStatsCollector();
                    reader.scan(series, collector);
                    ParameterStats values = collector.values(series);
                    if (values.count() == 0) {
                        continue; // a device the logger had no values for (or refused): the original file has no key for it
                    }
                    stats.add(values);
                    stats.add(collector.intervals(series));
                }
            }
            int series = stats.size() / 2;
            database.store(new DistilledFile(file.getFileName().toString(), key,
                    attributes.getOrDefault(DataFiles.ATTR_BACKEND, DistilledFile.UNKNOWN_BACKEND),
                    attributes.get(DataFiles.ATTR_WINDOW_START), attributes.get(DataFiles.ATTR_WINDOW_END), clock.instant(), series), stats);
            return DistillOutcome.stored(file, series);
        } catch (DataLoggerException e) {
            String name = file.getFileName().toString();
            String message = String.valueOf(e.getMessage());
            return DistillOutcome.failed(file, message.contains(name) ? message : file + ": " + message);
        }
    }
}
