package org.runops.examples.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import org.runops.datalogger.DataLoggerClient;
import org.runops.datalogger.SimulationProfile;
import picocli.CommandLine.Option;

/** Where {@code runops datalogger} commands get their data: {@code --backend acl|replay|simulated} and its settings. */
final class DataloggerBackendOptions {
    enum Backend { acl, replay, simulated }

    @Option(names = "--backend", defaultValue = "acl", paramLabel = "NAME",
            description = "acl (the ACL CGI over HTTP, as the original scripts), replay (recorded answers in --replay-dir) or simulated"
                    + " (deterministic Booster-like data; never passes for real) (default: ${DEFAULT-VALUE}).")
    private Backend backend;

    @Option(names = "--url", defaultValue = DataLoggerClient.DEFAULT_ACL_URL, paramLabel = "URL",
            description = "With --backend acl: the ACL CGI (default: ${DEFAULT-VALUE}).")
    private String url;

    @Option(names = "--zone", defaultValue = "America/Chicago", paramLabel = "ZONE",
            description = "With --backend acl: the zone the logger reads window strings in (default: ${DEFAULT-VALUE}).")
    private ZoneId zone;

    @Option(names = "--replay-dir", paramLabel = "DIR", description = "With --backend replay: the folder of recorded answers.")
    private Path replayDir;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "With --backend simulated: the seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    /** The client; simulated current readings ({@code G:SCTIME}) follow {@code clock}. */
    DataLoggerClient client(Clock clock) {
        return switch (backend) {
            case acl -> DataLoggerClient.acl(url, zone);
            case replay -> {
                if (replayDir == null) {
                    throw new IllegalArgumentException("--backend replay needs --replay-dir DIR, the folder of recorded answers");
                }
                yield DataLoggerClient.replay(replayDir);
            }
            case simulated -> DataLoggerClient.simulated(seed, SimulationProfile.booster(), clock);
        };
    }
}
