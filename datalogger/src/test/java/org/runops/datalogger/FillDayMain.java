package org.runops.datalogger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A backfill day job for the library's tests, run as its own JVM by a batch system: {@link NannyJob#fillDay}
 * on the simulated backend. Arguments: {@code OUTDIR PARAMFILE CHUNK DRAFTDIR HOLD DAY}; unless {@code HOLD} is
 * {@code -}, it first waits (at most 60 s) until the file {@code HOLD} exists, so a test can see it in flight.
 * Exit code 0 when the day is on disk afterwards, 1 otherwise.
 */
public final class FillDayMain {
    private FillDayMain() {}

    public static void main(String[] args) throws InterruptedException {
        Path outDir = Path.of(args[0]);
        Duration chunk = Duration.parse(args[2]);
        LocalDate day = LocalDate.parse(args[5]);
        if (!args[4].equals("-")) {
            Instant deadline = Instant.now().plusSeconds(60);
            while (!Files.exists(Path.of(args[4])) && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
        }
        try (DataLoggerClient client = DataLoggerClient.simulated(1, SimulationProfile.booster())) {
            NannyJob.Options o = new NannyJob.Options(Path.of(args[1]), Instant.EPOCH, chunk, "1.0.0", Path.of(args[3]), outDir, false,
                    FetchOptions.defaults(), false, GrabListener.none());
            new NannyJob(client, Clock.systemUTC()).fillDay(o, day);
            List<Path> missing = NannyDay.missing(new NannyDay(day, chunk).files(outDir, "1.0.0", client.backendName()));
            System.exit(missing.isEmpty() ? 0 : 1);
        }
    }
}
