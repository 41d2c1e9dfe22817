package org.runops.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.runops.core.exec.ShutdownHooks;
import org.runops.datalogger.DataLoggerClient;
import org.runops.datalogger.TimelineLogger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code runops datalogger timeline}: Timeline_Logger, supervised. */
@Command(name = "timeline", mixinStandardHelpOptions = true,
        header = "Log the Timeline Generator's supercycles into the TimeLineLogs table until SIGTERM.",
        description = {
            "Every supercycle: read G:SCTIME (setting = supercycle length, reading = seconds into it); with more than 5 s",
            "left, read the current timeline and insert its slots into TimeLineLogs of the SQLite database (INSERT OR IGNORE:",
            "a supercycle logged twice adds nothing; the backend is recorded in each row), then sleep into the next",
            "supercycle. A failure (server down, database locked) is logged and tried again after 1 s, 2 s, 4 s ... at most",
            "--max-backoff; a missing database folder or a foreign TimeLineLogs table stops it. One health line per attempt",
            "goes to stderr. --once logs one supercycle and exits (for cron and tests), failing on the first error."
        })
final class DataloggerTimelineCommand implements Callable<Integer> {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    private DataloggerBackendOptions backend;

    @Option(names = "--db", defaultValue = "GMPSAI.db", paramLabel = "FILE", description = "SQLite database (default: ${DEFAULT-VALUE}).")
    private Path db;

    @Option(names = "--once", description = "Log one supercycle, then exit.")
    private boolean once;

    @Option(names = "--max-backoff", defaultValue = "60s", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Longest wait between failed attempts (default: ${DEFAULT-VALUE}).")
    private Duration maxBackoff;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try (DataLoggerClient client = backend.client(Clock.systemUTC())) {
            TimelineLogger logger = TimelineLogger.builder(client, db).maxBackoff(maxBackoff).onHealth(h -> {
                err.println(h.describe());
                err.flush();
            }).build();
            if (once) {
                int rows = logger.logOneSupercycle();
                spec.commandLine().getOut().println("timeline: " + rows + " new rows in " + db + " from backend " + client.backendName());
                return ExitCodes.OK;
            }
            // SIGTERM: the logger stops and the JVM waits (10 s at most, as TimelineLogger.close) for run() to return
            ShutdownHooks.whileRunning("runops-timeline-shutdown", logger::stop, Duration.ofSeconds(10), logger::run);
            return ExitCodes.OK;
        }
    }
}
