package org.runops.core.ledger;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small JVM that runs a command as its child and renews a run lease for exactly as long as the child
 * lives: the lease's liveness is the analysis's, not its starter's. When the process that took the lease
 * is killed, the analysis it started goes on and keeps the run (nobody starts a second one beside it);
 * when the analysis ends the renewals stop, and the lease goes stale after its TTL unless its holder
 * releases it first. It starts the command only while the lease still carries the holder's token, and exits
 * with the command's exit code (75 when the lease was lost before the start). TERM to the keeper stops the
 * child too.
 *
 * <pre>{@code
 * List<String> cmd = LeaseKeeper.command(lease, Duration.ofMinutes(10), List.of("sh", "run_analysis_CC7.sh", "338999"));
 * processRunner.run(ProcessSpec.of(cmd, workDir, timeout, log));
 * }</pre>
 */
public final class LeaseKeeper {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);
    /** EX_TEMPFAIL: the run is someone else's now; nothing was started. */
    public static final int LEASE_LOST = 75;

    private LeaseKeeper() {}

    /** {@code command}, run under a keeper (in a JVM of this one's classpath) renewing {@code lease} every {@code every}. */
    public static List<String> command(RunLeases.RunLease lease, Duration every, List<String> command) {
        List<String> kept = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx32m", // a small, quick JVM: it only waits and renews
                "-cp", System.getProperty("java.class.path"), LeaseKeeper.class.getName(),
                lease.leases().directory().toAbsolutePath().toString(), Long.toString(lease.info().run()), lease.info().token(),
                Long.toString(lease.leases().ttl().toMillis()), Long.toString(Math.max(1, every.toMillis())), "--"));
        kept.addAll(command);
        return kept;
    }

    /** args: lease directory, run, token, TTL ms, renewal interval ms, {@code --}, command... */
    public static void main(String[] args) throws Exception {
        if (args.length < 7 || !args[5].equals("--")) {
            System.err.println("usage: LeaseKeeper LEASE_DIR RUN TOKEN TTL_MS EVERY_MS -- COMMAND...");
            System.exit(64);
        }
        long run = Long.parseLong(args[1]);
        RunLeases leases = RunLeases.in(Path.of(args[0]), "keeper", ProcessHandle.current().pid(),
                Duration.ofMillis(Long.parseLong(args[3])), Clock.systemUTC());
        long every = Long.parseLong(args[4]);
        Optional<RunLeases.RunLease> adopted = leases.adopt(run, args[2]);
        if (adopted.isEmpty()) {
            LOG.warn("run {}: the lease is no longer held by its starter; the command was not started", run);
            System.exit(LEASE_LOST);
        }
        RunLeases.RunLease lease = adopted.get();
        Process child = new ProcessBuilder(List.of(args).subList(6, args.length)).inheritIO().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            child.descendants().forEach(ProcessHandle::destroy);
            child.destroy();
        }, "runops-lease-keeper-stop"));
        boolean renewing = true;
        while (!child.waitFor(every, TimeUnit.MILLISECONDS)) {
            if (renewing) {
                try {
                    lease.heartbeat();
                } catch (LeaseLostException e) {
                    // Taken over (this host stalled past the TTL): the recorder's fence refuses our result.
                    LOG.warn("run {}: {}; no longer renewing it", run, e.getMessage());
                    renewing = false;
                } catch (RuntimeException e) {
                    // A read or write that failed this time (NFS hiccup) is no takeover: renew again next time.
                    LOG.warn("run {}: renewal failed, trying again in {} ms: {}", run, every, e.getMessage());
                }
            }
        }
        System.exit(child.exitValue());
    }
}
