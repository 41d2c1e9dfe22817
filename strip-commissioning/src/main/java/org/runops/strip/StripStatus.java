package org.runops.strip;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.runops.core.ledger.HistoryLog;
import org.runops.core.ledger.HistoryRecord;
import org.runops.core.ledger.LeaseInfo;
import org.runops.core.ledger.LedgerEntry;
import org.runops.core.ledger.PassRecord;
import org.runops.core.ledger.RunLeases;
import org.runops.core.ledger.RunLedger;

/**
 * Where the commissioning job stands, read from its ledger directory (what {@code runops strip status}
 * prints): each ledger's count and last line, the runs in progress (leases), the last passes and the
 * last decision (history), and when the next pass is due.
 *
 * <pre>{@code
 * StripStatus s = StripStatus.read(config, Clock.systemUTC(), 5);
 * s.ledgers().get(0).runs(); s.inProgress(); s.lastPasses(); s.nextPassDue();
 * }</pre>
 *
 * @param ledgerDirectory where it was read
 * @param ledgers         {@code analyzedruns.txt}, {@code failedruns.txt}, {@code ignoredruns.txt}, in that order
 * @param inProgress      the run leases held now, in run order
 * @param lastPasses      the last passes a daemon recorded, oldest first
 * @param lastDecision    the last decision about a run
 * @param nextPassDue     when the daemon's last recorded pass planned the next one (empty without daemon passes)
 * @param problems        unreadable ledger and history lines
 */
public record StripStatus(Path ledgerDirectory, List<LedgerStatus> ledgers, List<RunInProgress> inProgress, List<PassRecord> lastPasses,
        Optional<HistoryRecord> lastDecision, Optional<Instant> nextPassDue, List<String> problems) {

    public StripStatus {
        Objects.requireNonNull(ledgerDirectory, "ledgerDirectory");
        ledgers = List.copyOf(ledgers);
        inProgress = List.copyOf(inProgress);
        lastPasses = List.copyOf(lastPasses);
        Objects.requireNonNull(lastDecision, "lastDecision");
        Objects.requireNonNull(nextPassDue, "nextPassDue");
        problems = List.copyOf(problems);
    }

    /**
     * One ledger.
     *
     * @param name     its file name
     * @param file     its path
     * @param runs     distinct runs in it
     * @param lines    complete lines, duplicates included
     * @param last     its last complete line
     * @param problems lines that were not ledger lines, and a torn last line
     */
    public record LedgerStatus(String name, Path file, int runs, int lines, Optional<LedgerEntry> last, int problems) {
        public LedgerStatus {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(last, "last");
        }
    }

    /**
     * A run leased by a pass.
     *
     * @param lease       who holds it, since when, last heartbeat
     * @param stale       its holder sent no heartbeat within the lease TTL (it died; the next pass takes the run over)
     * @param staleAfter  when it can be taken over if no heartbeat comes first (in the past when stale)
     */
    public record RunInProgress(LeaseInfo lease, boolean stale, Instant staleAfter) {
        public RunInProgress {
            Objects.requireNonNull(lease, "lease");
            Objects.requireNonNull(staleAfter, "staleAfter");
        }
    }

    /**
     * Reads the ledger directory of {@code config}; missing files read as empty.
     *
     * @param clock  for judging leases stale
     * @param passes how many of the last passes to keep
     */
    public static StripStatus read(StripConfig config, Clock clock, int passes) {
        if (passes < 0) {
            throw new IllegalArgumentException("passes must not be negative: " + passes);
        }
        Path directory = config.ledgerDirectory();
        List<LedgerStatus> ledgers = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (StripLedgers files = StripLedgers.open(directory)) {
            for (RunLedger ledger : List.of(files.good(), files.failed(), files.ignored())) {
                List<LedgerEntry> entries = ledger.entries();
                ledgers.add(new LedgerStatus(ledger.file().getFileName().toString(), ledger.file(), ledger.runs().size(), entries.size(),
                        entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1)), ledger.problems().size()));
                problems.addAll(ledger.problems());
            }
        }
        HistoryLog.Contents history = StripLedgers.history(directory).contents();
        problems.addAll(history.problems());
        List<PassRecord> allPasses = history.passes();
        List<PassRecord> last = allPasses.subList(Math.max(0, allPasses.size() - passes), allPasses.size());
        Optional<HistoryRecord> lastDecision = history.records().isEmpty() ? Optional.empty()
                : Optional.of(history.records().get(history.records().size() - 1));
        Optional<Instant> nextPassDue = allPasses.isEmpty() ? Optional.empty()
                : Optional.of(allPasses.get(allPasses.size() - 1).nextPassDue());
        RunLeases leases = StripLedgers.leases(directory, config.host(), ProcessHandle.current().pid(), config.leaseTtl(), clock);
        List<RunInProgress> inProgress = leases.held().stream()
                .map(l -> new RunInProgress(l, leases.isStale(l), leases.staleAfter(l))).toList();
        return new StripStatus(directory, ledgers, inProgress, last, lastDecision, nextPassDue, problems);
    }
}
