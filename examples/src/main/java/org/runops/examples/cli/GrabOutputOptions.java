package org.runops.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.runops.datalogger.DeviceRequest;
import org.runops.datalogger.FetchListener;
import org.runops.datalogger.GrabResult;
import org.runops.datalogger.TimeWindow;
import picocli.CommandLine.Option;

/** Where grab commands write (draft, then final folder), in which format, and how they report. */
final class GrabOutputOptions {
    @Option(names = "--draftdir", defaultValue = ".", paramLabel = "DIR",
            description = "Folder the file is built in (and the fetch checkpoint kept) (default: the current folder).")
    Path draftDir;

    @Option(names = "--outdir", defaultValue = ".", paramLabel = "DIR",
            description = "Folder the finished file is moved to (default: the current folder).")
    Path outDir;

    @Option(names = "--dryrun", description = "Fetch and report, write no file.")
    boolean dryRun;

    @Option(names = "--format", defaultValue = "h5", paramLabel = "h5|csv", description = "Data file format (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--progress", description = "Show a progress bar on stderr even when it is not a terminal.")
    boolean progress;

    ProgressBar progressBar(PrintWriter err) {
        return new ProgressBar(err, progress || System.console() != null, "fetch", "chunks");
    }

    /** Feeds {@code bar} from a fetch: chunks done (resumed ones included) of all chunks. */
    static FetchListener listener(ProgressBar bar) {
        AtomicLong total = new AtomicLong();
        AtomicLong done = new AtomicLong();
        return new FetchListener() {
            @Override
            public void started(int devices, int chunks, int alreadyDone) {
                total.set(chunks);
                done.set(alreadyDone);
                bar.update(alreadyDone, chunks);
            }

            @Override
            public void chunkFetched(DeviceRequest device, TimeWindow chunk, int samples) {
                bar.update(done.incrementAndGet(), total.get());
            }
        };
    }

    /**
     * One line per device or event, the skipped list lines, the file (or why it was held back); the exit code
     * (1 when a device failed or the fetch was incomplete).
     */
    static int report(GrabResult r, PrintWriter out, PrintWriter err) {
        r.skippedLines().forEach(p -> err.println("skipped parameter-list " + p));
        for (GrabResult.Outcome o : r.outcomes()) {
            out.printf("%-24s %-8s %d samples%s%n", o.key(), o.status().kind(), o.samples(),
                    o.status().detail().isEmpty() ? "" : "  " + o.status().detail());
        }
        out.println("window " + r.window().start() + " .. " + r.window().end() + " (UTC), " + r.totalSamples() + " samples");
        out.println(r.file().map(f -> (r.resumedDraft() ? "published the draft of an earlier run: " : "wrote ") + f).orElse("no file written"));
        out.flush();
        if (r.file().isEmpty() && !r.incomplete().isEmpty()) {
            err.println(r.incompleteReport());
            err.flush();
        }
        return r.hasFailures() ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
    }
}
