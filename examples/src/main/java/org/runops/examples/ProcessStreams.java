package org.runops.examples;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * The launcher process's stdout and stderr. {@code System.out} flushes on every write and
 * {@code new PrintWriter(System.out, true)} on every line: a write system call per line, which a command
 * printing thousands of rows into a file or pipe pays thousands of times. So {@code main} writes stdout
 * through a 64 KB buffer on file descriptor 1, flushed on every line only for a terminal (as before), and
 * otherwise by the commands at the ends of their reports, before anything goes to stderr (so lines keep
 * their order in {@code 2>&1} logs), when {@code main} returns, and on SIGTERM or Ctrl-C.
 */
final class ProcessStreams {
    private static final int BUFFER = 1 << 16;
    /** How long the exit waits for stdout to drain: a reader that stopped reading (a paused pager) must not hold it. */
    private static final long FLUSH_ON_EXIT_MILLIS = 2000;

    private ProcessStreams() {}

    /** Buffered stdout; {@code lineFlush}: flush on println, printf and format, as an interactive terminal needs. */
    static PrintWriter stdout(boolean lineFlush) {
        return new PrintWriter(new BufferedWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), stdoutCharset()), BUFFER),
                lineFlush);
    }

    /**
     * The charset {@code new PrintWriter(System.out)} encoded with, so users see the same bytes: System.out's
     * ({@code stdout.encoding}) on Java 19 and later, the default charset on Java 17, where that property does not
     * exist and PrintWriter ignored the stream's charset.
     */
    static Charset stdoutCharset() {
        String name = System.getProperty("stdout.encoding");
        if (name != null && Charset.isSupported(name)) {
            return Charset.forName(name);
        }
        return Charset.defaultCharset();
    }

    /** {@code err} that flushes {@code stdout} before every write, so that stdout lines printed earlier come out first. */
    static PrintStream flushingFirst(PrintWriter stdout, PrintStream err) {
        return new PrintStream(err, true) { // PrintStream(PrintStream) encodes as err did: its charset on 18+, the default on 17
            @Override
            public void write(int b) {
                stdout.flush(); // not out: that is PrintStream's own stream
                super.write(b);
            }

            @Override
            public void write(byte[] buf, int off, int len) {
                stdout.flush();
                super.write(buf, off, len);
            }
        };
    }

    /** Flushes {@code out} when the JVM exits (SIGTERM, Ctrl-C, System.exit), waiting at most {@value #FLUSH_ON_EXIT_MILLIS} ms. */
    static void flushOnShutdown(PrintWriter out) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Thread flush = new Thread(out::flush, "runops-stdout-flush");
            flush.setDaemon(true);
            flush.start();
            try {
                flush.join(FLUSH_ON_EXIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "runops-stdout-exit"));
    }
}
