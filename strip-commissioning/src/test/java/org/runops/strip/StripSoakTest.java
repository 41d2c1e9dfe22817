package org.runops.strip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two "hosts" (daemon JVMs with different host names on one ledger directory, all partitions each: the
 * original's single-machine mode, so they compete for every run) killed with SIGKILL every few seconds
 * and restarted, then left to finish: every run recorded exactly once and analysed exactly once, and
 * ledgers, history and leases agree. In {@code verify}: 60 runs, 30 s of kills. The long version:
 * {@code ./mvnw -pl strip-commissioning -am verify -Dtest=StripSoakTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Drunops.soak.runs=200 -Drunops.soak.seconds=120}.
 */
class StripSoakTest {
    @TempDir
    Path tmp;

    @Test
    void twoHostsKilledOverAndOverRecordAndAnalyseEveryRunOnce() throws Exception {
        int runs = Integer.getInteger("runops.soak.runs", 60);
        Duration killing = Duration.ofSeconds(Integer.getInteger("runops.soak.seconds", 30));
        Random random = new Random(Long.getLong("runops.soak.seed", 9));
        int kills = 0;
        try (SharedStorage s = SharedStorage.create(tmp, runs, Duration.ofMillis(300), Duration.ofSeconds(3))) {
            List<String> hosts = List.of("srv-s2b17-29-01", "srv-s2b17-30-01");
            List<Process> daemons = new ArrayList<>();
            List<Long> killAt = new ArrayList<>();
            for (String host : hosts) {
                daemons.add(s.daemon(host, Duration.ofMillis(500), host + ".log"));
                killAt.add(System.nanoTime() + nextKill(random));
            }
            long end = System.nanoTime() + killing.toNanos();
            while (System.nanoTime() < end && s.recorded().size() < runs) {
                for (int h = 0; h < hosts.size(); h++) {
                    if (System.nanoTime() >= killAt.get(h)) {
                        daemons.get(h).destroyForcibly(); // SIGKILL: mid-analysis, mid-commit, wherever it is
                        SharedStorage.exit(daemons.get(h), Duration.ofSeconds(30));
                        kills++;
                        daemons.set(h, s.daemon(hosts.get(h), Duration.ofMillis(500), hosts.get(h) + ".log"));
                        killAt.set(h, System.nanoTime() + nextKill(random));
                    }
                }
                Thread.sleep(100);
            }
            int recordedUnderKills = s.recorded().size();
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while (s.recorded().size() < runs) {
                    assertThat(System.nanoTime()).as("every run recorded; recorded " + s.recorded().size()).isLessThan(deadline);
                    Thread.sleep(200);
                }
            } finally {
                for (Process d : daemons) {
                    d.destroy(); // SIGTERM: a clean stop
                    SharedStorage.exit(d, Duration.ofSeconds(60));
                }
            }
            System.out.println(String.format(Locale.ROOT, "soak: %d runs, %d kills in %d s, %d recorded while killing", runs, kills,
                    killing.toSeconds(), recordedUnderKills));
            assertThat(kills).as("kills").isPositive();
            s.assertConsistent();
            assertThat(s.analyses()).as("analyses per run").isEqualTo(SharedStorage.once(runs));
        }
    }

    /** 2 to 5 s. */
    private static long nextKill(Random random) {
        return Duration.ofMillis(2000 + random.nextInt(3000)).toNanos();
    }
}
