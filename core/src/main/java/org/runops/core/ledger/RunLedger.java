package org.runops.core.ledger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * Each append is one {@code write} of the whole line followed by a force to disk, under an exclusive
 * file lock so processes sharing the file never interleave; a torn tail left by a killed writer is
 * moved to {@code <ledger>.torn} before the next append instead of being glued to it (which could
 * turn {@code run3248} + {@code 79\n} into a wrong run number).
 */
public final class RunLedger {
    private static final Logger LOG = LoggerFactory.getLogger(RunLedger.class);
    private static final java.util.concurrent.ConcurrentHashMap<Path, Object> JVM_LOCKS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Pattern LINE = Pattern.compile("run(\\d{1,18})((?:\\s+\\S+)*)");

    private final Path file;
    private final List<LedgerEntry> entries = new ArrayList<>();
    private final Set<Long> runs = new LinkedHashSet<>();
    private final List<String> problems = new ArrayList<>();

    private RunLedger(Path file) {
        this.file = file;
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
        byte[] line = (entry.line() + "\n").getBytes(StandardCharsets.US_ASCII);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            // File locks exclude other processes; within this JVM they throw instead of waiting, so
            // writers of the same file also queue on one monitor per path.
            synchronized (JVM_LOCKS.computeIfAbsent(file.toAbsolutePath().normalize(), k -> new Object())) {
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.READ); FileLock lock = ch.lock()) {
                    setAsideTornTail(ch);
                    ByteBuffer buffer = ByteBuffer.wrap(line);
                    long at = ch.size();
                    while (buffer.hasRemaining()) {
                        at += ch.write(buffer, at);
                    }
                    ch.force(true);
                }
            }
        } catch (IOException e) {
            throw new LedgerException("cannot append '" + entry.line() + "' to " + file + ": " + e.getMessage(), e);
        }
        entries.add(entry);
        runs.add(run);
        return entry;
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new LedgerException("cannot read ledger " + file + ": " + e.getMessage(), e);
        }
        int lineNumber = 0;
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            lineNumber++;
            if (end < 0) {
                problems.add(file + ":" + lineNumber + ": torn last line '" + abbreviate(text.substring(start))
                        + "' (no newline: a write that did not finish) is ignored");
                break;
            }
            parse(lineNumber, text.substring(start, end));
            start = end + 1;
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> LOG.warn("{}", p));
        }
    }

    private void parse(int lineNumber, String raw) {
        String line = raw.strip();
        if (line.isEmpty()) {
            return;
        }
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            problems.add(file + ":" + lineNumber + ": not a ledger line: '" + abbreviate(line) + "'");
            return;
        }
        String rest = m.group(2).strip();
        List<String> fields = rest.isEmpty() ? List.of() : List.of(rest.split("\\s+"));
        long run = Long.parseLong(m.group(1));
        entries.add(new LedgerEntry(lineNumber, run, fields));
        runs.add(run);
    }

    /** Moves bytes after the last newline (a killed writer's partial line) to {@code <ledger>.torn}. */
    private void setAsideTornTail(FileChannel ch) throws IOException {
        long size = ch.size();
        if (size == 0 || lastByte(ch, size) == '\n') {
            return;
        }
        long keep = size;
        ByteBuffer one = ByteBuffer.allocate(1);
        while (keep > 0) {
            one.clear();
            ch.read(one, keep - 1);
            if (one.get(0) == '\n') {
                break;
            }
            keep--;
        }
        ByteBuffer torn = ByteBuffer.allocate((int) Math.min(size - keep, 1 << 20));
        ch.read(torn, keep);
        Path aside = file.resolveSibling(file.getFileName() + ".torn");
        Files.write(aside, (new String(torn.array(), 0, torn.position(), StandardCharsets.ISO_8859_1) + "\n")
                .getBytes(StandardCharsets.ISO_8859_1), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        ch.truncate(keep);
        ch.force(true);
        LOG.warn("{}: moved a torn last line ({} bytes) to {} before appending", file, size - keep, aside);
    }

    private static byte lastByte(FileChannel ch, long size) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        ch.read(one, size - 1);
        return one.get(0);
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }
}
