package org.runops.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.runops.core.RegularFiles;
import org.runops.dqm.Axis;
import org.runops.dqm.AxisStats;
import org.runops.dqm.DqmGuiClient;
import org.runops.dqm.Histogram2D;
import org.runops.dqm.Histogram;
import org.runops.dqm.JsonFairy;
import org.runops.examples.RunopsCli;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code runops dqm hist RUN DATASET ME} or {@code --file F}: one histogram's summary. */
@Command(
        name = "hist",
        mixinStandardHelpOptions = true,
        header = "Print a DQM GUI histogram's type, entries, mean/rms per axis and integral.",
        description = {
            "Ask the GUI for one monitor element over jsonfairy, or read a saved jsonfairy answer (--file), and print",
            "its type, entries, in-range integral and, per axis, mean, rms (with errors), bins and range; for 2-D",
            "histograms also the out-of-range count from the 3x3 integral.",
            "DATASET has three parts (/StreamExpress/Run2018D-Express-v1/DQMIO; online: /Global/Online/ALL). ME is",
            "the path below the dataset (Tracking/TrackParameters/generalTracks/GeneralProperties/TrackEtaPhi_ImpactPoint_GenTk);",
            "online the generalTracks level is dropped for you. Certificates: see 'runops dqm --help'.",
            "Exit codes: 0 printed, 1 the GUI has no such histogram (\"unsupported type\": a missing ME or a folder),",
            "2 bad input, refused certificate, unreachable GUI or an answer that is not a histogram (the message says which)."
        })
final class DqmHistCommand implements Callable<Integer> {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..3", paramLabel = "RUN DATASET ME", description = "Run number, dataset and ME path (not with --file).")
    private List<String> args = new ArrayList<>();

    @Option(names = "--file", paramLabel = "F", description = "A saved jsonfairy answer instead of asking the GUI.")
    private Path file;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|json", description = "Output format (default: ${DEFAULT-VALUE}).")
    private String format;

    @Mixin
    private DqmConnectionOptions connection;

    @Override
    public Integer call() throws IOException {
        String kind = format.strip().toLowerCase(Locale.ROOT);
        if (!kind.equals("table") && !kind.equals("json")) {
            throw new IllegalArgumentException("--format must be table or json, got '" + format + "'");
        }
        String source;
        Optional<Histogram> histogram;
        if (file != null) {
            if (!args.isEmpty()) {
                throw new IllegalArgumentException("--file reads a saved answer: give no RUN DATASET ME with it");
            }
            source = file.toString();
            histogram = JsonFairy.parse(RegularFiles.readAllBytes(file), source);
        } else {
            if (args.size() != 3) {
                throw new IllegalArgumentException("give RUN DATASET ME (or --file F), got " + args.size() + " argument(s)");
            }
            long run = run(args.get(0));
            try (DqmGuiClient gui = connection.client(((RunopsCli) spec.root().userObject()).environment(), spec.commandLine().getErr())) {
                source = gui.archiveUrl(run, args.get(1), args.get(2)).toString();
                histogram = gui.histogram(run, args.get(1), args.get(2));
            }
        }
        if (histogram.isEmpty()) {
            spec.commandLine().getErr().println("runops: " + source + ": the DQM GUI has no such histogram (\"unsupported type\")");
            return ExitCodes.CHECK_FAILED;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (kind.equals("json")) {
            json(histogram.get(), source, out);
        } else {
            table(histogram.get(), source, out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static long run(String text) {
        try {
            long run = Long.parseLong(text.strip());
            if (run > 0) {
                return run;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("RUN must be a positive run number, got '" + text + "'");
    }

    private static void table(Histogram h, String source, PrintWriter out) {
        TextTable about = new TextTable("field", "value");
        about.row("source", source).row("type", h.type()).row("name", h.name()).row("title", h.title())
                .row("entries", number(h.entries())).row("integral", number(h.integral()));
        if (h instanceof Histogram2D h2) {
            about.row("out of range", number(h2.outOfRange()));
        }
        about.print(out);
        out.println();
        TextTable axes = new TextTable("axis", "title", "mean>", "mean error>", "rms>", "rms error>", "bins>", "min>", "max>");
        axis(axes, "x", h.x(), h.xAxis());
        if (h instanceof Histogram2D h2) {
            axis(axes, "y", h2.yStats(), h2.yAxis());
        }
        axes.print(out);
    }

    private static void axis(TextTable t, String name, AxisStats s, Axis a) {
        t.row(name, a.title(), number(s.mean()), number(s.meanError()), number(s.rms()), number(s.rmsError()), a.nbins(),
                number(a.min()), number(a.max()));
    }

    private static void json(Histogram h, String source, PrintWriter out) {
        try (Json j = Json.to(out)) {
            j.startObject().field("source", source).field("type", h.type()).field("name", h.name()).field("title", h.title())
                    .field("entries", h.entries()).field("integral", h.integral());
            if (h instanceof Histogram2D h2) {
                j.field("outOfRange", h2.outOfRange());
            }
            axis(j.startObject("x"), h.x(), h.xAxis()).endObject();
            if (h instanceof Histogram2D h2) {
                axis(j.startObject("y"), h2.yStats(), h2.yAxis()).endObject();
            }
            j.endObject();
        }
    }

    private static Json axis(Json j, AxisStats s, Axis a) {
        j.field("title", a.title()).field("mean", s.mean()).field("meanError", s.meanError()).field("rms", s.rms())
                .field("rmsError", s.rmsError()).field("bins", a.nbins());
        return range(range(j, "min", a.min()), "max", a.max());
    }

    /** An unknown axis range (NaN) as JSON null, so min/max stay numbers or null. */
    private static Json range(Json j, String name, double v) {
        return Double.isFinite(v) ? j.field(name, v) : j.field(name, (String) null);
    }

    /** Whole numbers without a fraction (entries), the rest as the GUI's 6 significant digits came. */
    private static String number(double v) {
        if (Double.isFinite(v) && v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.isNaN(v) ? "nan" : Double.toString(v);
    }
}
