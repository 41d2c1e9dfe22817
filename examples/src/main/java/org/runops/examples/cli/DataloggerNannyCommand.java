package org.runops.examples.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import org.runops.datalogger.DataLoggerClient;
import org.runops.datalogger.GrabListener;
import org.runops.datalogger.GrabResult;
import org.runops.datalogger.NannyJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code runops datalogger nanny}: the data nanny's resumable hourly files. */
@Command(
        name = "nanny",
        mixinStandardHelpOptions = true,
        header = "Write fixed-duration chunk files, resuming after the newest one and catching up to now (data nanny).",
        description = {
            "Fetch the devices of --paramfile chunk by chunk into --outdir/YYYYMM/DD/<yyyyMMdd'T'HHmmss><duration>-<version>.h5",
            "(UTC), starting after the newest such file in --outdir (or at --start when there is none), for every chunk",
            "that has ended; --run-once does only the next one. Run it from cron (e.g. hourly) to keep the archive current.",
            "When a chunk cannot be fetched completely after its retries (server gone), nothing is published for it and",
            "the catching up stops: the next run tries it again and fetches only its missing chunks (or",
            "--publish-incomplete publishes what arrived).",
            "Exit code 0 when every device of every chunk is OK or EMPTY, 1 otherwise."
        })
final class DataloggerNannyCommand implements Callable<Integer> {
    private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    private DataloggerBackendOptions backend;

    @Mixin
    private DataloggerFetchOptions fetch;

    @Mixin
    private NannyOptions nanny;

    @Option(names = "--start", required = true, paramLabel = "TIME",
            description = "First chunk's start when --outdir has no chunk yet, UTC: 20200101T000000 or 2020-01-01T00:00:00Z.")
    private String start;

    @Option(names = "--run-once", description = "Write only the next chunk.")
    private boolean runOnce;

    @Override
    public Integer call() {
        Clock clock = Clock.systemUTC();
        List<GrabResult> results;
        Instant next;
        try (DataLoggerClient client = backend.client(clock)) {
            NannyJob.Options o = new NannyJob.Options(nanny.paramFile(), parseStart(start), nanny.duration(), nanny.listVersion(),
                    nanny.draftDir(Path.of(".")), nanny.outDir(), runOnce,
                    fetch.fetchOptions(backend.timeout()), fetch.publishIncomplete(), GrabListener.none());
            results = new NannyJob(client, clock).catchUp(o);
            next = NannyJob.nextStart(nanny.outDir(), o.firstStart(), nanny.duration(), nanny.listVersion(), client.backendName());
        }
        int code = ExitCodes.OK;
        for (GrabResult r : results) {
            code = Math.max(code, GrabOutputOptions.report(r, spec.commandLine().getOut(), spec.commandLine().getErr()));
        }
        if (results.isEmpty()) {
            spec.commandLine().getOut().println("nothing to do: the next chunk starts at " + next
                    + " and has not ended");
            spec.commandLine().getOut().flush();
        }
        return code;
    }

    private static Instant parseStart(String text) {
        try {
            return LocalDateTime.parse(text.strip(), BASIC).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notBasic) {
            try {
                return Instant.parse(text.strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--start '" + text + "' is not a UTC time: expected 20200101T000000 or 2020-01-01T00:00:00Z");
            }
        }
    }
}
