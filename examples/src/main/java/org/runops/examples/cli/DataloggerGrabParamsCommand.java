package org.runops.examples.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.runops.datalogger.DataLoggerClient;
import org.runops.datalogger.GrabListener;
import org.runops.datalogger.GrabResult;
import org.runops.datalogger.LoggerNode;
import org.runops.datalogger.ParamGrabJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code runops datalogger grab-params}: ParamDataGrabber. */
@Command(
        name = "grab-params",
        mixinStandardHelpOptions = true,
        header = "Grab a window of logged parameter data into one MLParamData file (ParamDataGrabber).",
        description = {
            "Fetch every device of --paramfile (NODE DEVICE lines) over the window into",
            "MLParamData_<time>_From_<NODE>_<START>_to_<STOP>.h5, built in --draftdir and moved to --outdir when whole",
            "(simulated data is named ..._SIMULATED.h5). Each line's node is used unless --logger forces one.",
            "A run killed mid-fetch fetches only the missing chunks when started again. One killed after its draft was",
            "written publishes that draft (under the draft's own name) when started again over the same window with the",
            "same device list, if every device in it is OK or EMPTY; otherwise the devices are fetched again.",
            "When chunks cannot be fetched after their retries (server gone), nothing is published and the fetched",
            "chunks are kept: run it again later and it fetches only the missing chunks (or --publish-incomplete",
            "publishes what arrived). Exit code 0 when every device is OK or EMPTY, 1 when one is ERROR or PARTIAL or",
            "the fetch is incomplete."
        })
final class DataloggerGrabParamsCommand implements Callable<Integer> {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    private DataloggerBackendOptions backend;

    @Mixin
    private DataloggerFetchOptions fetch;

    @Mixin
    private GrabWindowOptions window;

    @Mixin
    private GrabOutputOptions output;

    @Option(names = "--startat", paramLabel = "TIME", description = "Start of the window (local time); overrides --days etc.")
    private String startAt;

    @Option(names = "--maxcount", paramLabel = "N", description = "Only the first N devices of the list.")
    private Integer maxCount;

    @Option(names = "--logger", paramLabel = "NODE", description = "Read every device from this logger node (the original's behaviour; "
            + "default: each line's node, file named after MLrn when the list mixes nodes).")
    private String logger;

    @Option(names = "--paramfile", defaultValue = "ParamList.txt", paramLabel = "FILE", description = "Parameter list (default: ${DEFAULT-VALUE}).")
    private Path paramFile;

    @Override
    public Integer call() {
        Clock clock = Clock.systemUTC();
        GrabResult result;
        try (DataLoggerClient client = backend.client(clock); ProgressBar bar = output.progressBar(spec.commandLine().getErr())) {
            ParamGrabJob.Options o = new ParamGrabJob.Options(paramFile, window.window(startAt),
                    Optional.ofNullable(logger).map(LoggerNode::of), maxCount == null ? OptionalInt.empty() : OptionalInt.of(maxCount),
                    output.dryRun, output.draftDir, output.outDir, backend.zone(),
                    fetch.fetchOptions(backend.timeout()).withListener(GrabOutputOptions.listener(bar)), output.format, fetch.publishIncomplete(),
                    GrabListener.none());
            result = new ParamGrabJob(client, clock).run(o);
        }
        return GrabOutputOptions.report(result, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
