package org.runops.strip;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.h2.jdbcx.JdbcDataSource;
import org.runops.core.exec.ProcessRunner;

/** A daemon in its own JVM for {@link StripDaemonTest}: args = root dir, DB URL, analysis command. */
public final class DaemonProcess {
    private DaemonProcess() {}

    public static void main(String[] args) {
        Path root = Path.of(args[0]);
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(args[1]);
        StripConfig config = StripConfig.defaults("srv-daemon")
                .withDirectories(root.resolve("fff"), root.resolve("Data"), root.resolve("ledgers"))
                .withAnalysisCommand(args[2], Duration.ofMinutes(5));
        StripPass pass = new StripPass(config, RunDatabase.jdbc(ds), Clock.systemUTC(),
                ProcessRunner.create().withGracePeriod(Duration.ofSeconds(2)));
        new StripDaemon(pass).runUntilTerminated(Duration.ofSeconds(30));
    }
}
