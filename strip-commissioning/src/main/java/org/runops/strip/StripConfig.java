package org.runops.strip;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How the commissioning job runs on one host. Defaults are the original's (spec §1.1–1.2), except
 * {@code deleteRaw}, which is off: raw data is deleted only when asked, and only after validation.
 *
 * @param host             this host's name (history, leases)
 * @param storageRoot      the fff storage root ({@code /raid/fff})
 * @param dataDirectory    per-run analysis outputs and lock files ({@code /opt/cmssw/Data})
 * @param ledgerDirectory  analyzedruns.txt, failedruns.txt, ignoredruns.txt, history.jsonl, leases/
 * @param analysisCommand  the analysis command with {run} and {partition}
 * @param analysisTimeout  how long one analysis may run
 * @param endDelay         how long after ENDTIME a run is left alone
 * @param frequency        daemon mode: time between passes
 * @param analysedModes    run modes analysed
 * @param partitions       partitions this host takes
 * @param deleteRaw        delete raw files after a validated EDM (and a bad EDM when raw data is there)
 * @param leaseTtl         a run lease without heartbeat for this long is stale
 * @param databaseZone     the zone of the RUN table's naive DATE values
 */
public record StripConfig(String host, Path storageRoot, Path dataDirectory, Path ledgerDirectory, String analysisCommand,
        Duration analysisTimeout, Duration endDelay, Duration frequency, Set<RunMode> analysedModes, Set<Partition> partitions,
        boolean deleteRaw, Duration leaseTtl, ZoneId databaseZone) {

    public static final String DEFAULT_COMMAND =
            "sh /opt/cmssw/scripts/run_analysis_CC7.sh {run} False True {partition} False False True True";

    public StripConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(storageRoot, "storageRoot");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(ledgerDirectory, "ledgerDirectory");
        Objects.requireNonNull(analysisCommand, "analysisCommand");
        requirePositive(analysisTimeout, "analysisTimeout");
        requirePositive(endDelay, "endDelay");
        requirePositive(frequency, "frequency");
        requirePositive(leaseTtl, "leaseTtl");
        // Declaration order, not Set.copyOf's: that one iterates differently on every JVM start, and these sets are printed.
        analysedModes = Collections.unmodifiableSortedSet(new TreeSet<>(analysedModes));
        partitions = Collections.unmodifiableSortedSet(new TreeSet<>(partitions));
        if (partitions.isEmpty()) {
            throw new IllegalArgumentException("partitions: a host must take at least one");
        }
        Objects.requireNonNull(databaseZone, "databaseZone");
    }

    /** The original's settings on {@code host}: all four partitions, 2 h end delay, hourly passes. */
    public static StripConfig defaults(String host) {
        return new StripConfig(host, Path.of("/raid/fff"), Path.of("/opt/cmssw/Data"), Path.of("/opt/cmssw/scripts/SiStripCronJob"),
                DEFAULT_COMMAND, Duration.ofHours(4), Duration.ofHours(2), Duration.ofHours(1), RunMode.analysedByDefault(),
                EnumSet.allOf(Partition.class), false, Duration.ofMinutes(30), ZoneId.systemDefault());
    }

    /** The same settings with other directories (tests, demos, a second storage area). */
    public StripConfig withDirectories(Path storage, Path data, Path ledgers) {
        return new StripConfig(host, storage, data, ledgers, analysisCommand, analysisTimeout, endDelay, frequency, analysedModes,
                partitions, deleteRaw, leaseTtl, databaseZone);
    }

    public StripConfig withAnalysisCommand(String command, Duration timeout) {
        return new StripConfig(host, storageRoot, dataDirectory, ledgerDirectory, command, timeout, endDelay, frequency,
                analysedModes, partitions, deleteRaw, leaseTtl, databaseZone);
    }

    public StripConfig withFrequency(Duration daemonFrequency) {
        return new StripConfig(host, storageRoot, dataDirectory, ledgerDirectory, analysisCommand, analysisTimeout, endDelay,
                daemonFrequency, analysedModes, partitions, deleteRaw, leaseTtl, databaseZone);
    }

    public StripConfig withDeleteRaw(boolean delete) {
        return new StripConfig(host, storageRoot, dataDirectory, ledgerDirectory, analysisCommand, analysisTimeout, endDelay,
                frequency, analysedModes, partitions, delete, leaseTtl, databaseZone);
    }

    public StripConfig withPartitions(Set<Partition> hostPartitions) {
        return new StripConfig(host, storageRoot, dataDirectory, ledgerDirectory, analysisCommand, analysisTimeout, endDelay,
                frequency, analysedModes, hostPartitions, deleteRaw, leaseTtl, databaseZone);
    }

    public StripConfig withLeaseTtl(Duration ttl) {
        return new StripConfig(host, storageRoot, dataDirectory, ledgerDirectory, analysisCommand, analysisTimeout, endDelay,
                frequency, analysedModes, partitions, deleteRaw, ttl, databaseZone);
    }

    public StripConfig withDatabaseZone(java.time.ZoneId zone) {
        return new StripConfig(host, storageRoot, dataDirectory, ledgerDirectory, analysisCommand, analysisTimeout, endDelay,
                frequency, analysedModes, partitions, deleteRaw, leaseTtl, zone);
    }

    public DecisionPolicy policy() {
        return new DecisionPolicy(endDelay, analysedModes, partitions);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
    }
}
