package org.runops.core.ledger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A separate process for {@link RunLeasesTest}: tries to lease runs 1..N and lists the ones it got. */
public final class LeaseRacer {
    private LeaseRacer() {}

    public static void main(String[] args) throws IOException {
        RunLeases leases = RunLeases.in(Path.of(args[0]), args[1], ProcessHandle.current().pid(), Duration.ofMinutes(30), Clock.systemUTC());
        int runs = Integer.parseInt(args[2]);
        List<String> won = new ArrayList<>();
        for (long run = 1; run <= runs; run++) {
            if (leases.tryAcquire(run).isPresent()) {
                won.add(Long.toString(run)); // held until exit, as while analysing
            }
        }
        Files.write(Path.of(args[3]), won);
    }
}
