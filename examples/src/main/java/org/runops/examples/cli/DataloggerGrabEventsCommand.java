package org.runops.examples.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import org.runops.datalogger.DataLoggerClient;
import org.runops.datalogger.EventGrabJob;
import org.runops.datalogger.GrabListener;
import org.runops.datalogger.GrabResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code runops datalogger grab-events}: EventDataGrabber. */
@Command(
        name = "grab-events",
        mixinStandardHelpOptions = true,
        header = "Grab the TCLK event times of a window into one MLEventData file (EventDataGrabber).",
        description = {
            "Ask the logger for every TCLK event 00..--maxEvt over the window and write the ones that occurred as series",
            "Event<hh> (true UTC times; value = seconds into the supercycle) into",
            "MLEventData_<time>_From_EventC_<START>_to_<STOP>.h5, built in --draftdir and moved to --outdir when whole.",
            "When an event's request fails after its retries (server gone), nothing is published: run it again later",
            "(it asks for every event again), or --publish-incomplete publishes what arrived, with such events as empty",
            "ERROR series.",
            "A run killed after its draft was written publishes that draft when started again over the same window with",
            "the same --maxEvt and -o, if no event in it failed.",
            "Exit code 0 when every event answered, 1 when a request failed."
        })
final class DataloggerGrabEventsCommand implements Callable<Integer> {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    private DataloggerBackendOptions backend;

    @Mixin
    private GrabWindowOptions window;

    @Mixin
    private GrabOutputOptions output;

    @Mixin
    private PublishIncompleteOption incomplete;

    @Option(names = "--maxEvt", defaultValue = "ff", paramLabel = "HEX", description = "Last event to ask for, in hex (default: ${DEFAULT-VALUE}).")
    private String maxEvent;

    @Option(names = "-o", description = "One and done: stop after the first event that occurred.")
    private boolean oneAndDone;

    @Override
    public Integer call() {
        int max;
        try {
            max = Integer.parseInt(maxEvent.strip(), 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--maxEvt must be a hexadecimal event code 00..ff, got '" + maxEvent + "'");
        }
        Clock clock = Clock.systemUTC();
        GrabResult result;
        try (DataLoggerClient client = backend.client(clock)) {
            EventGrabJob.Options o = new EventGrabJob.Options(window.window(null), max, oneAndDone, output.dryRun, output.draftDir,
                    output.outDir, backend.zone(), output.format, incomplete.publishIncomplete, GrabListener.none());
            result = new EventGrabJob(client, clock).run(o);
        }
        return GrabOutputOptions.report(result, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
