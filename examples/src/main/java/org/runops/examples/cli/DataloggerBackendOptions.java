package org.runops.examples.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.runops.datalogger.AclClient;
import org.runops.datalogger.DataLoggerClient;
import org.runops.datalogger.SimulationProfile;
import picocli.CommandLine.Option;

/**
 * Where {@code runops datalogger} commands get data from: a picocli mixin shared by the subcommands. How
 * the chunked fetches run is {@link DataloggerFetchOptions}, for the commands that make them.
 */
final class DataloggerBackendOptions {
    @Option(names = "--backend", defaultValue = "acl", paramLabel = "NAME",
            description = "acl (the ACL CGI over HTTP, as the original scripts), replay (recorded answers in --replay-dir) or "
                    + "simulated (deterministic Booster-like data, marked as such in every file) (default: ${DEFAULT-VALUE}).")
    private String backend;

    @Option(names = "--url", defaultValue = DataLoggerClient.DEFAULT_ACL_URL, paramLabel = "URL",
            description = "With --backend acl: the ACL CGI (default: ${DEFAULT-VALUE}).")
    private String url;

    @Option(names = "--zone", defaultValue = "America/Chicago", paramLabel = "ZONE",
            description = "Time zone of the logger's local times, of --stopat/--startat and of file names (default: ${DEFAULT-VALUE}).")
    private ZoneId zone;

    @Option(names = "--replay-dir", paramLabel = "DIR", description = "With --backend replay: the folder of recorded answers.")
    private Path replayDir;

    @Option(names = "--record-dir", paramLabel = "DIR",
            description = "With --backend acl: also keep every answer in DIR, for --backend replay later (e.g. to reproduce a problem).")
    private Path recordDir;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "With --backend simulated: the seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--timeout", defaultValue = "60s", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Longest one request may take, connection and answer (default: ${DEFAULT-VALUE}).")
    private Duration timeout;

    /** The chosen backend; {@code clock} drives the simulated backend's current readings. */
    DataLoggerClient client(Clock clock) {
        return switch (backend.toLowerCase(Locale.ROOT)) {
            case "acl" -> {
                AclClient.Builder acl = AclClient.builder(url).zone(zone).callTimeout(timeout);
                yield (recordDir == null ? acl : acl.recordTo(recordDir)).build();
            }
            case "replay" -> {
                if (replayDir == null) {
                    throw new IllegalArgumentException("--backend replay needs --replay-dir DIR");
                }
                yield AclClient.replay(replayDir, zone);
            }
            case "simulated" -> DataLoggerClient.simulated(seed, SimulationProfile.booster(), clock);
            default -> throw new IllegalArgumentException("--backend must be acl, replay or simulated, got '" + backend + "'");
        };
    }

    /** The backend's name as its files carry it (acl, replay or simulated), checked. */
    String backendName() {
        String name = backend.toLowerCase(Locale.ROOT);
        if (!List.of("acl", "replay", "simulated").contains(name)) {
            throw new IllegalArgumentException("--backend must be acl, replay or simulated, got '" + backend + "'");
        }
        return name;
    }

    /** These options as arguments for another runops command (e.g. a batch job), folders absolute. */
    List<String> args() {
        List<String> args = new ArrayList<>(List.of("--backend", backendName(), "--url", url, "--zone", zone.getId(), "--seed",
                Long.toString(seed), "--timeout", timeout.toString()));
        if (replayDir != null) {
            args.addAll(List.of("--replay-dir", replayDir.toAbsolutePath().toString()));
        }
        if (recordDir != null) {
            args.addAll(List.of("--record-dir", recordDir.toAbsolutePath().toString()));
        }
        return args;
    }

    /** The longest one request may take. */
    Duration timeout() {
        return timeout;
    }

    ZoneId zone() {
        return zone;
    }
}
