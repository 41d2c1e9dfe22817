package org.runops.calo.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.runops.calo.CaloException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A plan's {@code log-<date>.txt}, lines formatted as the original's Python logging
 * ({@code %(asctime)s - %(name)s - %(levelname)s - %(message)s}, logger {@code __main__}); every line
 * also goes to slf4j. Each line is appended as it is logged, so a plan that fails half-way leaves the
 * log of what it did.
 */
public final class PlanLog {
    private static final Logger LOG = LoggerFactory.getLogger(PlanLog.class);
    private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS", Locale.ROOT);

    private final Clock clock;
    private final Path file;

    public PlanLog(Clock clock, Path file) {
        this.clock = clock;
        this.file = file;
    }

    public void info(String message) {
        LOG.info(message);
        append("INFO", message);
    }

    public void error(String message) {
        LOG.error(message);
        append("ERROR", message);
    }

    /** One write per line: the file holds every line logged so far, whatever happens next. */
    private void append(String level, String message) {
        String line = ASCTIME.format(clock.instant().atZone(clock.getZone())) + " - __main__ - " + level + " - " + message + "\n";
        try {
            Files.write(file, line.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE, StandardOpenOption.DSYNC);
        } catch (IOException e) {
            throw new CaloException("cannot append to the plan log " + file + ": " + e.getMessage(), e);
        }
    }
}
