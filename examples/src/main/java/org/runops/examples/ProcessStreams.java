package org.runops.examples;

import java.io.BufferedWriter;
import java.io.Console;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.runops.examples.cli.ExitCodes;

/**
 * The launcher process's stdout and stderr. {@code System.out} flushes on every write and
 * {@code new PrintWriter(System.out, true)} on every line: a write system call per line, which a command
 * printing thousands of rows into a file or pipe pays thousands of times. So {@code main} writes stdout
 * through a buffer of 64 K chars on file descriptor 1 (the encoder under it writes fd 1 in 8 KB pieces),
 * flushed on every line only for a terminal (as before), and otherwise by the commands at the ends of their
 * reports, before anything goes to stderr (so lines keep their order in {@code 2>&1} logs), when {@code main}
 * returns, and on SIGTERM or Ctrl-C.
 *
 * <p>On Java 17–21 {@link System#console()} is null when stdin is not a terminal either ({@code </dev/null},
 * {@code xargs}, {@code while read}): output to a terminal is then buffered like output to a file.
 */
final class ProcessStreams {
    /** 64 K chars; the OutputStreamWriter's encoder still writes fd 1 in 8 KB pieces (strace: 123 writes of 8192 bytes per MB). */
    private static final int BUFFER = 1 << 16;
    /** How long the exit waits for stdout to drain: a reader that stopped reading (a paused pager) must not hold it. */
    private static final long FLUSH_ON_EXIT_MILLIS = 2000;
    /** File-type bits of a stat mode (sys/stat.h). */
    private static final int S_IFMT = 0170000;
    private static final int S_IFIFO = 0010000;
    private static final int S_IFSOCK = 0140000;

    /**
     * Set first by the exit's flush hook: from then on stderr writes no longer flush stdout first, so a
     * warning logged by another shutdown hook cannot block behind a stdout whose reader stalled.
     */
    private static volatile boolean exiting;

    private ProcessStreams() {}

    /**
     * Whether stdout is a terminal: {@code System.console() != null} up to Java 21; from Java 22 that is also
     * non-null for redirected output, so there {@code Console.isTerminal()} (22+, called reflectively: this
     * compiles for 17) must say so too.
     */
    static boolean stdoutIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        if (Runtime.version().feature() < 22) {
            return true;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return false; // unknown: buffered, flushed at report ends and at exit
        }
    }

    /** Buffered stdout; {@code lineFlush}: flush on println, printf and format, as an interactive terminal needs. */
    static Stdout stdout(boolean lineFlush) {
        return new Stdout(new FailureRecording(new FileOutputStream(FileDescriptor.out)), lineFlush);
    }

    /**
     * {@code code}, or {@link ExitCodes#INPUT_ERROR} with a message on {@code err} when stdout could not be
     * written ({@code > /dev/full}, a full disk, a quota): a report the user never got is not a success. A
     * closed pipe ({@code | head}) is the reader's choice and changes nothing.
     */
    static int exitCode(int code, Stdout out, PrintStream err) {
        out.flush();
        IOException failure = out.failure.first;
        if (failure == null || code == ExitCodes.INTERNAL_ERROR) {
            return code;
        }
        // A pipe's or socket's write fails only when its reader left. The message is the C library's, translated in
        // the user's locale, so "Broken pipe" is only the fallback where the file type cannot be read.
        if (stdoutIsPipeOrSocket() || "Broken pipe".equals(failure.getMessage())) {
            return code;
        }
        err.println("runops: error: cannot write standard output: " + failure.getMessage());
        return ExitCodes.INPUT_ERROR;
    }

    /** Whether file descriptor 1 is a pipe or a socket (Linux and macOS: the file type of /dev/stdout); false when unknown. */
    private static boolean stdoutIsPipeOrSocket() {
        try {
            int type = (Integer) Files.getAttribute(Path.of("/dev/stdout"), "unix:mode") & S_IFMT;
            return type == S_IFIFO || type == S_IFSOCK;
        } catch (IOException | RuntimeException e) { // no /dev/stdout, no unix view: judged by the message alone
            return false;
        }
    }

    /** The buffered stdout writer, which keeps the write error that PrintWriter itself only reports as a flag. */
    static final class Stdout extends PrintWriter {
        private final FailureRecording failure;

        private Stdout(FailureRecording fd1, boolean lineFlush) {
            super(new BufferedWriter(new OutputStreamWriter(fd1, stdoutCharset()), BUFFER), lineFlush);
            this.failure = fd1;
        }
    }

    /** A stream that remembers its first write error before passing it on. */
    private static final class FailureRecording extends FilterOutputStream {
        private volatile IOException first;

        FailureRecording(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len); // not FilterOutputStream's byte-by-byte loop
            } catch (IOException e) {
                throw recorded(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw recorded(e);
            }
        }

        private IOException recorded(IOException e) {
            if (first == null) {
                first = e;
            }
            return e;
        }
    }

    /**
     * The charset {@code new PrintWriter(System.out)} encoded with, so users see the same bytes: System.out's
     * ({@code stdout.encoding}) on Java 19 and later, the default charset on Java 17, where that property does not
     * exist and PrintWriter ignored the stream's charset.
     */
    static Charset stdoutCharset() {
        return stdoutCharset(System.getProperty("stdout.encoding"));
    }

    /** The charset named {@code name}, or the default charset when it is null, unknown or not a legal name (as System.out falls back). */
    static Charset stdoutCharset(String name) {
        try {
            if (name != null && Charset.isSupported(name)) {
                return Charset.forName(name);
            }
        } catch (IllegalArgumentException e) { // an illegal name ("", "bad name"): the JVM itself falls back too
        }
        return Charset.defaultCharset();
    }

    /** {@code err} that flushes {@code stdout} before every write, so that stdout lines printed earlier come out first. */
    static PrintStream flushingFirst(PrintWriter stdout, PrintStream err) {
        return flushingFirst(stdout, err, () -> exiting);
    }

    /** As {@link #flushingFirst(PrintWriter, PrintStream)}, flushing stdout only while {@code exiting} is false. */
    static PrintStream flushingFirst(PrintWriter stdout, PrintStream err, BooleanSupplier exiting) {
        return new PrintStream(err, true) { // PrintStream(PrintStream) encodes as err did: its charset on 18+, the default on 17
            @Override
            public void write(int b) {
                flushUnlessExiting();
                super.write(b);
            }

            @Override
            public void write(byte[] buf, int off, int len) {
                flushUnlessExiting();
                super.write(buf, off, len);
            }

            private void flushUnlessExiting() {
                if (!exiting.getAsBoolean()) {
                    stdout.flush(); // not out: that is PrintStream's own stream
                }
            }
        };
    }

    /** Flushes {@code out} when the JVM exits (SIGTERM, Ctrl-C, System.exit), waiting at most {@value #FLUSH_ON_EXIT_MILLIS} ms. */
    static void flushOnShutdown(PrintWriter out) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            exiting = true;
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
