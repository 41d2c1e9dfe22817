package org.runops.strip;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.h2.jdbcx.JdbcDataSource;
import org.runops.core.exec.ProcessRunner;

/** One pass in its own JVM for {@link StripPassProcessTest}: args = root dir, DB URL, analysis command. */
public final class PassProcess {
    private PassProcess() {}

    public static void main(String[] args) {
        Path root = Path.of(args[0]);
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(args[1]);
        StripConfig config = StripConfig.defaults("srv-" + ProcessHandle.current().pid())
                .withDirectories(root.resolve("fff"), root.resolve("Data"), root.resolve("ledgers"))
                .withAnalysisCommand(args[2], Duration.ofMinutes(5));
        new StripPass(config, RunDatabase.jdbc(ds), Clock.systemUTC(), ProcessRunner.create()).run(false);
    }
}
