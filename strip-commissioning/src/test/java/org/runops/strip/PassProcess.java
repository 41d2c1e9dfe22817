package org.runops.strip;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.h2.jdbcx.JdbcDataSource;
import org.runops.core.exec.ProcessRunner;

/**
 * One pass in its own JVM for the process tests: args = root dir, DB URL, analysis command, and optionally
 * host name and lease TTL in ms (defaults: {@code srv-<pid>}, the default TTL).
 */
public final class PassProcess {
    private PassProcess() {}

    public static void main(String[] args) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(args[1]);
        new StripPass(config(args), RunDatabase.jdbc(ds), Clock.systemUTC(), ProcessRunner.create()).run(false);
    }

    /** The configuration the process tests' child JVMs run with (see the class comment for {@code args}). */
    static StripConfig config(String... args) {
        Path root = Path.of(args[0]);
        StripConfig config = StripConfig.defaults(args.length > 3 ? args[3] : "srv-" + ProcessHandle.current().pid())
                .withDirectories(root.resolve("fff"), root.resolve("Data"), root.resolve("ledgers"))
                .withAnalysisCommand(args[2], Duration.ofMinutes(5));
        return args.length > 4 ? config.withLeaseTtl(Duration.ofMillis(Long.parseLong(args[4]))) : config;
    }
}
