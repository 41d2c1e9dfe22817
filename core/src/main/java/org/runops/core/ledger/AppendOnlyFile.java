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
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.runops.core.RegularFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A text file of whole lines that only grows. Each append is one {@code write} of the whole line and
 * a force to disk, under an exclusive file lock so processes sharing the file never interleave. A torn
 * tail left by a killed writer (bytes after the last newline) is never glued to the next line: it is
 * moved to {@code <file>.torn} first. Readers get complete lines only, and are told about a torn tail.
 *
 * <p>The first append starts this object's writer thread and joins the file's gate in this JVM; {@link
 * #close()} stops the one and leaves the other. Reading needs neither.
 */
final class AppendOnlyFile implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AppendOnlyFile.class);
    /**
     * One monitor per file among the open appenders of this JVM. File locks are per JVM (a second
     * channel of the same JVM gets OverlappingFileLockException instead of waiting), so exclusion inside
     * the JVM cannot be per object; an entry lives only while an open appender of that file uses it.
     */
    private static final Map<Path, Gate> GATES = new HashMap<>();

    private static final class Gate {
        int users;
    }

    /** Complete lines (without newlines), the torn tail if any, and the offset just after the last complete line. */
    record Contents(List<String> lines, String tornTail, long end) {}

    private final Path file;
    private final Path key;
    private ExecutorService writer; // guarded by this; started by the first append
    private Gate gate; // guarded by this
    private boolean closed; // guarded by this

    AppendOnlyFile(Path file) {
        this.file = file;
        this.key = file.toAbsolutePath().normalize();
    }

    Path file() {
        return file;
    }

    /** The complete lines of the file; a missing file has none. */
    Contents read() {
        return readFrom(0);
    }

    /**
     * The complete lines from byte {@code from} on (an offset a previous read returned as its end), so
     * a reader can follow what other processes append without reading the whole file again.
     */
    Contents readFrom(long from) {
        if (!Files.exists(file)) {
            return new Contents(List.of(), null, 0);
        }
        byte[] bytes;
        try (FileChannel ch = RegularFiles.openChannel(file)) {
            long size = ch.size();
            if (size - from > Integer.MAX_VALUE - 16) {
                throw new LedgerException(file + " is too large to read (" + size + " bytes)");
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.max(0, size - from));
            while (buffer.hasRemaining() && ch.read(buffer, from + buffer.position()) > 0) {
                // fill
            }
            bytes = buffer.array();
        } catch (IOException e) {
            throw new LedgerException("cannot read " + file + ": " + RegularFiles.reason(e), e);
        }
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lines.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        String torn = start < bytes.length ? new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8) : null;
        return new Contents(lines, torn, from + start);
    }

    /**
     * Appends {@code line} and a newline as one write, forced to disk. An interrupt (a daemon being
     * stopped) must not cut a ledger line: a file channel closes itself when its thread is interrupted,
     * so the write runs on this object's writer thread, which nobody interrupts, and the caller waits for
     * it, keeping its interrupt status for after.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    void append(String line) {
        if (line.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a line cannot hold a newline");
        }
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        Future<?> done;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException(file + " was closed for appending");
            }
            if (writer == null) {
                writer = Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "runops-ledger-writer-" + file.getFileName());
                    t.setDaemon(true); // a forgotten close() must not keep the JVM alive
                    return t;
                });
                gate = join(key);
            }
            Gate g = gate;
            done = writer.submit(() -> {
                Path parent = key.getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                synchronized (g) {
                    write(bytes);
                }
                return null;
            });
        }
        try {
            uninterruptibly(done);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new LedgerException("cannot append to " + file + ": "
                    + (cause instanceof LedgerException l ? l.getMessage() : cause.toString()), cause);
        }
    }

    /** Finishes the appends already asked for, stops the writer thread and leaves the file's gate. */
    @Override
    public void close() {
        ExecutorService stopping;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            stopping = writer;
            writer = null;
        }
        if (stopping == null) {
            return;
        }
        stopping.shutdown(); // appends already submitted still run
        boolean interrupted = false;
        while (true) {
            try {
                if (stopping.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true; // as append: a stop request never cuts a line
            }
        }
        leave(key);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether an open appender of {@code file} in this JVM holds its gate (for tests). */
    static boolean gateHeld(Path file) {
        synchronized (GATES) {
            return GATES.containsKey(file.toAbsolutePath().normalize());
        }
    }

    private static Gate join(Path key) {
        synchronized (GATES) {
            Gate g = GATES.computeIfAbsent(key, k -> new Gate());
            g.users++;
            return g;
        }
    }

    private static void leave(Path key) {
        synchronized (GATES) {
            Gate g = GATES.get(key);
            if (g != null && --g.users == 0) {
                GATES.remove(key);
            }
        }
    }

    private static void uninterruptibly(Future<?> done) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    done.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void write(byte[] bytes) throws IOException, InterruptedException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ); FileLock lock = FileLocks.lock(ch, file, FileLocks.DEFAULT_WAIT)) {
            setAsideTornTail(ch);
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            long at = ch.size();
            while (buffer.hasRemaining()) {
                at += ch.write(buffer, at);
            }
            ch.force(true);
        }
    }

    private void setAsideTornTail(FileChannel ch) throws IOException {
        long size = ch.size();
        if (size == 0 || byteAt(ch, size - 1) == '\n') {
            return;
        }
        long keep = size;
        while (keep > 0 && byteAt(ch, keep - 1) != '\n') {
            keep--;
        }
        ByteBuffer torn = ByteBuffer.allocate((int) Math.min(size - keep, 1 << 20));
        ch.read(torn, keep);
        Path aside = file.resolveSibling(file.getFileName() + ".torn");
        byte[] tail = new byte[torn.position() + 1];
        System.arraycopy(torn.array(), 0, tail, 0, torn.position());
        tail[tail.length - 1] = '\n';
        Files.write(aside, tail, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        ch.truncate(keep);
        ch.force(true);
        LOG.warn("{}: moved a torn last line ({} bytes) to {} before appending", file, size - keep, aside);
    }

    private static byte byteAt(FileChannel ch, long position) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        ch.read(one, position);
        return one.get(0);
    }
}
