package org.runops.core.ledger;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only run ledger in the SiStripCronJob format ({@code analyzedruns.txt},
 * {@code failedruns.txt}): one {@code run<N>[ field...]} line per record.
 *
 * <p>Reading tolerates what real ledgers hold: duplicate runs, blank lines, surrounding spaces, and a
 * torn last line (no newline: a write that never finished), which is reported and not counted.
 * Appends go through {@link AppendOnlyFile}: one write + force under a file lock, and a torn tail left
 * by a killed writer is moved to {@code <ledger>.torn} instead of being glued to the next line (which
 * could turn {@code run3248} + {@code 79\n} into a wrong run number). The first append starts a writer
 * thread; {@link #close()} stops it (a ledger only read holds nothing).
 */
public final class RunLedger implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunLedger.class);
    private static final Pattern LINE = Pattern.compile("run(\\d{1,18})((?:\\s+\\S+)*)");

    private final Path file;
    private final AppendOnlyFile store;
    private final List<LedgerEntry> entries = new ArrayList<>();
    private final Set<Long> runs = new LinkedHashSet<>();
    private final List<String> problems = new ArrayList<>();
    private long readUpTo;
    private int lines;
    private boolean tornReported;

    private RunLedger(Path file) {
        this.file = file;
        this.store = new AppendOnlyFile(file);
    }

    /** Reads {@code file}; a missing file is an empty ledger (created by the first append). */
    public static RunLedger open(Path file) {
        Objects.requireNonNull(file, "file");
        RunLedger ledger = new RunLedger(file);
        ledger.load();
        return ledger;
    }

    public Path file() {
        return file;
    }

    /** Whether {@code run} has a complete line in the ledger. */
    public synchronized boolean contains(long run) {
        return runs.contains(run);
    }

    /** The distinct runs, in order of first appearance. */
    public synchronized Set<Long> runs() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(runs));
    }

    /** Every complete line, in file order, duplicates included. */
    public synchronized List<LedgerEntry> entries() {
        return List.copyOf(entries);
    }

    /** Lines that were not ledger entries, and a torn last line; reported, never fatal. */
    public synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    /**
     * Appends {@code run<N>[ field...]} as one write, forced to disk.
     *
     * @throws LedgerException when the file cannot be written (nothing is half-written then)
     */
    public synchronized LedgerEntry append(long run, String... fields) {
        for (String f : fields) {
            if (f.isBlank() || f.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("ledger fields are single words, got '" + f + "'");
            }
        }
        LedgerEntry entry = new LedgerEntry(entries.size() + 1, run, List.of(fields));
        store.append(entry.line());
        refresh(); // our line, and whatever other processes appended before it
        return entry;
    }

    /**
     * Reads what was appended since the last read (by any process). A file that shrank was rewritten
     * by hand, and is read again from the start.
     */
    public synchronized void refresh() {
        long size = sizeOnDisk();
        if (size < readUpTo) {
            entries.clear();
            runs.clear();
            problems.clear();
            readUpTo = 0;
            lines = 0;
        }
        load();
    }

    private void load() {
        AppendOnlyFile.Contents contents = store.readFrom(readUpTo);
        for (String line : contents.lines()) {
            parse(++lines, line);
        }
        readUpTo = contents.end();
        if (contents.tornTail() != null && !tornReported) {
            tornReported = true;
            String problem = file + ":" + (lines + 1) + ": torn last line '" + abbreviate(contents.tornTail())
                    + "' (no newline: a write that did not finish) is ignored";
            problems.add(problem);
            LOG.warn("{}", problem);
        }
    }

    private long sizeOnDisk() {
        try {
            return java.nio.file.Files.exists(file) ? java.nio.file.Files.size(file) : 0;
        } catch (java.io.IOException e) {
            throw new LedgerException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private void parse(int lineNumber, String raw) {
        String line = raw.strip();
        if (line.isEmpty()) {
            return;
        }
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            String problem = file + ":" + lineNumber + ": not a ledger line: '" + abbreviate(line) + "'";
            problems.add(problem);
            LOG.warn("{}", problem);
            return;
        }
        String rest = m.group(2).strip();
        List<String> fields = rest.isEmpty() ? List.of() : List.of(rest.split("\\s+"));
        long run = Long.parseLong(m.group(1));
        entries.add(new LedgerEntry(lineNumber, run, fields));
        runs.add(run);
    }

    /** Stops this ledger's writer thread; it can still be read, no longer appended to. */
    @Override
    public void close() {
        store.close();
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }
}
