package org.runops.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLeasesTest {

    @TempDir
    Path tmp;

    /** A clock the test moves by hand. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-11-24T12:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final TestClock clock = new TestClock();

    private RunLeases host(String name, long pid) {
        return RunLeases.in(tmp.resolve("leases"), name, pid, Duration.ofMinutes(30), clock);
    }

    @Test
    void oneHolderAtATime() {
        RunLeases a = host("srv-s2b17-29-01", 100);
        RunLeases b = host("srv-s2b17-30-01", 200);
        Optional<RunLeases.RunLease> lease = a.tryAcquire(338999);
        assertThat(lease).isPresent();
        assertThat(b.tryAcquire(338999)).isEmpty();
        assertThat(b.holder(338999)).hasValueSatisfying(h -> {
            assertThat(h.host()).isEqualTo("srv-s2b17-29-01");
            assertThat(h.pid()).isEqualTo(100);
        });
        lease.get().close();
        assertThat(b.holder(338999)).isEmpty();
        assertThat(b.tryAcquire(338999)).isPresent();
    }

    @Test
    void heldListsEveryLeaseInRunOrder() throws java.io.IOException {
        RunLeases a = host("a", 1);
        assertThat(a.held()).as("no lease directory yet").isEmpty();
        RunLeases.RunLease second = a.tryAcquire(20).orElseThrow();
        host("b", 2).tryAcquire(3).orElseThrow();
        Files.writeString(tmp.resolve("leases/run9.lease.tmp-x"), "not a lease");
        assertThat(a.held()).extracting(LeaseInfo::run, LeaseInfo::host).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3L, "b"), org.assertj.core.groups.Tuple.tuple(20L, "a"));
        second.close();
        assertThat(a.held()).extracting(LeaseInfo::run).containsExactly(3L);
    }

    @Test
    void aStaleLeaseIsTakenOverAndTheOldHolderLearnsIt() throws java.io.IOException {
        RunLeases a = host("a", 1);
        RunLeases b = host("b", 2);
        RunLeases.RunLease old = a.tryAcquire(7).orElseThrow();
        clock.now = clock.now.plus(Duration.ofMinutes(20));
        old.heartbeat();
        clock.now = clock.now.plus(Duration.ofMinutes(20));
        assertThat(b.tryAcquire(7)).as("heartbeat 20 min ago, TTL 30 min: still alive").isEmpty();
        clock.now = clock.now.plus(Duration.ofMinutes(11));
        RunLeases.RunLease taken = b.tryAcquire(7).orElseThrow();
        assertThat(taken.info().host()).isEqualTo("b");
        assertThatThrownBy(old::heartbeat).isInstanceOf(LedgerException.class).hasMessageContaining("no longer held");
        old.close(); // must not delete b's lease
        assertThat(b.holder(7)).hasValueSatisfying(h -> assertThat(h.host()).isEqualTo("b"));
        try (Stream files = new Stream(tmp.resolve("leases"))) {
            assertThat(files.names()).as("the stale file moved aside is gone").containsExactly(".lock", "run7.lease");
        }
    }

    @Test
    void aLeaseFileCutShortByACrashAgesByItsModificationTime() throws Exception {
        Files.createDirectories(tmp.resolve("leases"));
        Files.writeString(tmp.resolve("leases/run9.lease"), "run=9\nhost=");
        Files.setLastModifiedTime(tmp.resolve("leases/run9.lease"), java.nio.file.attribute.FileTime.from(clock.now.minus(Duration.ofHours(2))));
        assertThat(host("b", 2).tryAcquire(9)).isPresent();
    }

    @Test
    void twoProcessesRacingNeverLeaseTheSameRun() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> racers = List.of(0, 1).stream().map(i -> {
            try {
                return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), LeaseRacer.class.getName(),
                        tmp.resolve("shared-leases").toString(), "host" + i, "300", tmp.resolve("won" + i).toString())
                        .redirectErrorStream(true).redirectOutput(tmp.resolve("racer" + i + ".log").toFile()).start();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        for (Process p : racers) {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(Files.readString(tmp.resolve("racer0.log"))).isZero();
        }
        Set<String> first = new HashSet<>(Files.readAllLines(tmp.resolve("won0")));
        Set<String> second = new HashSet<>(Files.readAllLines(tmp.resolve("won1")));
        Set<String> both = new HashSet<>(first);
        both.retainAll(second);
        assertThat(both).as("runs leased by both processes").isEmpty();
        assertThat(first.size() + second.size()).isEqualTo(300);
    }

    @Test
    void hostLockHasOneHolderAndSaysWho() {
        Path file = tmp.resolve("locks/strip-daemon.lock");
        try (HostLock held = HostLock.tryAcquire(file, "runops strip daemon on srv-s2b17-29-01").orElseThrow()) {
            assertThat(HostLock.tryAcquire(file, "second daemon")).isEmpty();
            assertThat(HostLock.holder(file)).hasValueSatisfying(h -> assertThat(h).contains("srv-s2b17-29-01"));
        }
        try (HostLock next = HostLock.tryAcquire(file, "next pass").orElseThrow()) {
            assertThat(HostLock.holder(file)).hasValueSatisfying(h -> assertThat(h).contains("next pass"));
        }
    }

    /** Directory listing helper that closes its stream. */
    private static final class Stream implements AutoCloseable {
        private final java.util.stream.Stream<Path> paths;

        Stream(Path dir) throws java.io.IOException {
            this.paths = Files.list(dir);
        }

        List<String> names() {
            return paths.map(p -> p.getFileName().toString()).sorted().toList();
        }

        @Override
        public void close() {
            paths.close();
        }
    }

    @Test
    void aTakeoverIsOneGenerationHigherAndTheOldHolderNoLongerOwnsTheRun() {
        RunLeases a = host("srv-s2b17-29-01", 100);
        RunLeases b = host("srv-s2b17-30-01", 200);
        RunLeases.RunLease old = a.tryAcquire(7).orElseThrow();
        assertThat(old.info().generation()).isEqualTo(1);
        assertThat(a.staleAfter(old.info())).isEqualTo(clock.now.plus(Duration.ofMinutes(30)));
        clock.now = clock.now.plus(Duration.ofMinutes(31));
        RunLeases.RunLease taken = b.tryAcquire(7).orElseThrow();
        assertThat(taken.info().generation()).isEqualTo(2);
        assertThat(old.isOwned()).isFalse();
        assertThat(a.adopt(7, old.info().token())).isEmpty();
        assertThat(a.adopt(7, taken.info().token())).hasValueSatisfying(l -> assertThat(l.info()).isEqualTo(taken.info()));
    }

    @Test
    void keepAliveRenewsWhileTheHoldingThreadIsBusyAndStopsAtClose() throws Exception {
        RunLeases leases = RunLeases.in(tmp.resolve("leases"), "srv", 1, Duration.ofSeconds(30), Clock.systemUTC());
        RunLeases.RunLease lease = leases.tryAcquire(9).orElseThrow();
        Instant first = lease.info().heartbeat();
        lease.keepAlive(Duration.ofMillis(20));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!leases.holder(9).orElseThrow().heartbeat().isAfter(first)) { // this thread does nothing for the lease
            assertThat(System.nanoTime()).as("renewed by its own thread").isLessThan(deadline);
            Thread.sleep(10);
        }
        lease.close();
        assertThat(leases.holder(9)).isEmpty();
    }

    /**
     * Runs {@code rival} on a thread of its own from inside {@code leases}'s check-then-act gap and waits
     * until it has finished or is blocked (on the lease directory's lock): without that lock the rival's
     * whole operation lands in the gap, every time.
     */
    private <T> java.util.concurrent.atomic.AtomicReference<T> inTheGap(RunLeases leases, java.util.function.Supplier<T> rival,
            List<Thread> started) {
        java.util.concurrent.atomic.AtomicReference<T> got = new java.util.concurrent.atomic.AtomicReference<>();
        leases.betweenCheckAndAct(() -> {
            leases.betweenCheckAndAct(() -> {}); // once
            Thread t = new Thread(() -> got.set(rival.get()), "rival");
            t.start();
            started.add(t);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (t.getState() != Thread.State.TERMINATED && t.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
        });
        return got;
    }

    private static void joinAll(List<Thread> threads) throws InterruptedException {
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(t.isAlive()).as("rival finished").isFalse();
        }
    }

    @Test
    void twoTakersOfOneStaleLeaseNeverBothGetIt() throws Exception {
        RunLeases dead = host("dead", 1);
        RunLeases a = host("a", 2);
        RunLeases b = host("b", 3);
        dead.tryAcquire(7).orElseThrow();
        clock.now = clock.now.plus(Duration.ofMinutes(31));
        List<Thread> rivals = new java.util.ArrayList<>();
        var bGot = inTheGap(a, () -> b.tryAcquire(7), rivals);
        Optional<RunLeases.RunLease> aGot = a.tryAcquire(7);
        joinAll(rivals);
        assertThat(aGot.isPresent() && bGot.get().isPresent()).as("both took the stale lease").isFalse();
        RunLeases.RunLease winner = aGot.or(bGot::get).orElseThrow();
        assertThat(winner.isOwned()).isTrue();
        assertThat(winner.info().generation()).isEqualTo(2);
    }

    @Test
    void aStalledHoldersHeartbeatNeverOverwritesItsSuccessorsLease() throws Exception {
        RunLeases a = host("a", 1);
        RunLeases b = host("b", 2);
        RunLeases.RunLease stalled = a.tryAcquire(7).orElseThrow();
        clock.now = clock.now.plus(Duration.ofMinutes(31));
        List<Thread> rivals = new java.util.ArrayList<>();
        var bGot = inTheGap(a, () -> b.tryAcquire(7), rivals);
        stalled.heartbeat(); // checked ownership, then b comes, then it writes
        joinAll(rivals);
        if (bGot.get().isPresent()) {
            assertThat(bGot.get().get().isOwned()).as("the successor's lease survives the old holder's heartbeat").isTrue();
            assertThat(stalled.isOwned()).isFalse();
        } else {
            assertThat(stalled.isOwned()).as("the renewal came first: the run stayed with its holder").isTrue();
        }
    }

    @Test
    void closingAStaleLeaseNeverDeletesItsSuccessorsLease() throws Exception {
        RunLeases a = host("a", 1);
        RunLeases b = host("b", 2);
        RunLeases.RunLease stalled = a.tryAcquire(7).orElseThrow();
        clock.now = clock.now.plus(Duration.ofMinutes(31));
        List<Thread> rivals = new java.util.ArrayList<>();
        var bGot = inTheGap(a, () -> b.tryAcquire(7), rivals);
        stalled.close(); // checked ownership, then b comes, then it deletes
        joinAll(rivals);
        assertThat(bGot.get()).as("the run is free once the old holder released it").isPresent();
        assertThat(bGot.get().get().isOwned()).as("the successor still holds its lease").isTrue();
    }

    @Test
    void aLostLeaseIsLeaseLostButAnUnreadableOneIsNot() throws Exception {
        RunLeases a = host("a", 1);
        RunLeases.RunLease lease = a.tryAcquire(7).orElseThrow();
        Path file = tmp.resolve("leases/run7.lease");
        String content = Files.readString(file);
        Files.delete(file);
        Files.createDirectory(file); // reading it fails (as a transient I/O error would)
        assertThatThrownBy(lease::heartbeat).isInstanceOf(LedgerException.class).isNotInstanceOf(LeaseLostException.class);
        Files.delete(file);
        Files.writeString(file, content);
        lease.heartbeat(); // the error passed: renewed again
        assertThat(lease.isOwned()).isTrue();
        clock.now = clock.now.plus(Duration.ofMinutes(31));
        host("b", 2).tryAcquire(7).orElseThrow();
        assertThatThrownBy(lease::heartbeat).isInstanceOf(LeaseLostException.class).hasMessageContaining("no longer held");
        assertThatThrownBy(() -> lease.deleteIfOwned(tmp.resolve("x"))).isInstanceOf(LeaseLostException.class);
    }

    @Test
    void keepAliveGoesOnAfterAFailedRenewal() throws Exception {
        RunLeases leases = RunLeases.in(tmp.resolve("leases"), "srv", 1, Duration.ofSeconds(30), Clock.systemUTC());
        RunLeases.RunLease lease = leases.tryAcquire(9).orElseThrow();
        Path file = tmp.resolve("leases/run9.lease");
        Path saved = tmp.resolve("leases/saved");
        Files.move(file, saved);
        // Unreadable (a link to a directory), then readable again in one atomic rename: never missing, which is "released".
        Files.createSymbolicLink(file, Files.createDirectory(tmp.resolve("leases/somedir")));
        lease.keepAlive(Duration.ofMillis(10));
        Thread.sleep(100); // several renewals fail
        Files.move(saved, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        Instant first = leases.holder(9).orElseThrow().heartbeat();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!leases.holder(9).orElseThrow().heartbeat().isAfter(first)) {
            assertThat(System.nanoTime()).as("still renewing after the failures").isLessThan(deadline);
            Thread.sleep(10);
        }
        lease.close();
    }

    @Test
    void anUnreadableEntryInTheLeaseDirectoryIsSkipped() throws Exception {
        RunLeases a = host("a", 1);
        a.tryAcquire(3).orElseThrow();
        Files.createDirectory(tmp.resolve("leases/run5.lease"));
        assertThat(a.held()).extracting(LeaseInfo::run).containsExactly(3L);
    }
}
