package org.runops.examples.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.runops.datalogger.DataLoggerClient;
import org.runops.datalogger.GrabListener;
import org.runops.datalogger.GrabResult;
import org.runops.datalogger.NannyDay;
import org.runops.datalogger.NannyJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code runops datalogger nanny-day}: the nanny's chunks of one UTC day, the job of a backfill. */
@Command(
        name = "nanny-day",
        mixinStandardHelpOptions = true,
        header = "Fill the data nanny's chunk files of one UTC day that are not on disk yet (one backfill job).",
        description = {
            "Fetch the devices of --paramfile for every chunk of --day (UTC, 00:00 to 24:00) whose file",
            "--outdir/YYYYMM/DD/<yyyyMMdd'T'HHmmss><duration>-<version>.h5 is not on disk, as the nanny names them;",
            "chunks on disk are skipped, so running it again after a failure or a kill fetches only the rest.",
            "A chunk that cannot be fetched completely is not published and does not stop the others.",
            "`runops datalogger backfill` submits one of these per day to a batch system.",
            "Exit code 0 when every chunk of the day is on disk afterwards and every device fetched is OK or EMPTY, 1 otherwise."
        })
final class DataloggerNannyDayCommand implements Callable<Integer> {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    private DataloggerBackendOptions backend;

    @Mixin
    private DataloggerFetchOptions fetch;

    @Mixin
    private NannyOptions nanny;

    @Option(names = "--day", required = true, paramLabel = "DAY", description = "The UTC day, e.g. 2024-03-01.")
    private LocalDate day;

    @Override
    public Integer call() {
        Clock clock = Clock.systemUTC();
        NannyDay nannyDay = new NannyDay(day, nanny.duration());
        List<GrabResult> results;
        List<Path> missing;
        try (DataLoggerClient client = backend.client(clock)) {
            NannyJob.Options o = new NannyJob.Options(nanny.paramFile(), nannyDay.window().start(), nanny.duration(), nanny.listVersion(),
                    nanny.draftDir(Path.of(".")), nanny.outDir(), false,
                    fetch.fetchOptions(backend.timeout()), fetch.publishIncomplete(), GrabListener.none());
            results = new NannyJob(client, clock).fillDay(o, day);
            missing = NannyDay.missing(nannyDay.files(nanny.outDir(), nanny.listVersion(), client.backendName()));
        }
        int code = ExitCodes.OK;
        for (GrabResult r : results) {
            code = Math.max(code, GrabOutputOptions.report(r, spec.commandLine().getOut(), spec.commandLine().getErr()));
        }
        int chunks = nannyDay.chunks().size();
        spec.commandLine().getOut().println("day " + day + ": " + (chunks - missing.size()) + " of " + chunks + " chunk files on disk, "
                + results.size() + " fetched now");
        spec.commandLine().getOut().flush();
        if (!missing.isEmpty()) {
            spec.commandLine().getErr().println("day " + day + ": still missing " + missing);
            spec.commandLine().getErr().flush();
            return ExitCodes.CHECK_FAILED;
        }
        return code;
    }
}
