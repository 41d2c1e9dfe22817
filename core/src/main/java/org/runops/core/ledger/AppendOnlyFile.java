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
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A text file of whole lines that only grows. Each append is one {@code write} of the whole line and
 * a force to disk, under an exclusive file lock so processes sharing the file never interleave (plus a
 * per-path monitor in this JVM, where file locks throw instead of waiting). A torn tail left by a
 * killed writer (bytes after the last newline) is never glued to the next line: it is moved to
 * {@code <file>.torn} first. Readers get complete lines only, and are told about a torn tail.
 */
final class AppendOnlyFile {
    private static final Logger LOG = LoggerFactory.getLogger(AppendOnlyFile.class);
    private static final ConcurrentHashMap<Path, Object> JVM_LOCKS = new ConcurrentHashMap<>();

    /** Complete lines (without newlines) and the torn tail, if any. */
    record Contents(List<String> lines, String tornTail) {}

    private final Path file;

    AppendOnlyFile(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** The complete lines of the file; a missing file has none. */
    Contents read() {
        if (!Files.exists(file)) {
            return new Contents(List.of(), null);
        }
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LedgerException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                return new Contents(lines, text.substring(start));
            }
            lines.add(text.substring(start, end));
            start = end + 1;
        }
        return new Contents(lines, null);
    }

    /** Appends {@code line} and a newline as one write, forced to disk. */
    void append(String line) {
        if (line.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a line cannot hold a newline");
        }
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            synchronized (JVM_LOCKS.computeIfAbsent(file.toAbsolutePath().normalize(), k -> new Object())) {
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.READ); FileLock lock = ch.lock()) {
                    setAsideTornTail(ch);
                    ByteBuffer buffer = ByteBuffer.wrap(bytes);
                    long at = ch.size();
                    while (buffer.hasRemaining()) {
                        at += ch.write(buffer, at);
                    }
                    ch.force(true);
                }
            }
        } catch (IOException e) {
            throw new LedgerException("cannot append to " + file + ": " + e.getMessage(), e);
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
