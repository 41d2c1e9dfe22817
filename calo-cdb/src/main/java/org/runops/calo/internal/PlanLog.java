package org.runops.calo.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.runops.core.ledger.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A plan's {@code log-<date>.txt}, lines formatted as the original's Python logging
 * ({@code %(asctime)s - %(name)s - %(levelname)s - %(message)s}, logger {@code __main__}); every line
 * also goes to slf4j. Written whole, atomically, when the plan is done.
 */
public final class PlanLog {
    private static final Logger LOG = LoggerFactory.getLogger(PlanLog.class);
    private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS", Locale.ROOT);

    private final Clock clock;
    private final List<String> lines = new ArrayList<>();

    public PlanLog(Clock clock) {
        this.clock = clock;
    }

    public void info(String message) {
        LOG.info(message);
        add("INFO", message);
    }

    public void debug(String message) {
        LOG.debug(message);
        add("DEBUG", message);
    }

    public void error(String message) {
        LOG.error(message);
        add("ERROR", message);
    }

    private void add(String level, String message) {
        lines.add(ASCTIME.format(clock.instant().atZone(clock.getZone())) + " - __main__ - " + level + " - " + message);
    }

    public void write(Path file) throws IOException {
        AtomicFiles.write(file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
