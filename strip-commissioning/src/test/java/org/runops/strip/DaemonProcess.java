package org.runops.strip;

import java.time.Clock;
import java.time.Duration;
import org.h2.jdbcx.JdbcDataSource;
import org.runops.core.exec.ProcessRunner;

/**
 * A daemon in its own JVM for the process tests: args as {@link PassProcess} (host defaults to
 * {@code srv-daemon}), then optionally the frequency in ms.
 */
public final class DaemonProcess {
    private DaemonProcess() {}

    public static void main(String[] args) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(args[1]);
        StripConfig config = PassProcess.config(args.length > 3 ? args : new String[] {args[0], args[1], args[2], "srv-daemon"});
        if (args.length > 5) {
            config = config.withFrequency(Duration.ofMillis(Long.parseLong(args[5])));
        }
        StripPass pass = new StripPass(config, RunDatabase.jdbc(ds), Clock.systemUTC(),
                ProcessRunner.create().withGracePeriod(Duration.ofSeconds(2)));
        new StripDaemon(pass).runUntilTerminated(Duration.ofSeconds(30));
    }
}
