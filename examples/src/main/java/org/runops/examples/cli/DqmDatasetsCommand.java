package org.runops.examples.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.runops.core.refrun.Reconstruction;
import org.runops.dqm.DatasetResolver;
import org.runops.dqm.DqmGuiClient;
import org.runops.dqm.DqmSample;
import org.runops.examples.RunopsCli;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code runops dqm datasets RUN}: the datasets the GUI holds for a run. */
@Command(
        name = "datasets",
        mixinStandardHelpOptions = true,
        header = "List the datasets the DQM GUI holds for a run, or the one of a reconstruction.",
        description = {
            "List the samples (type, dataset, version, import version) the GUI holds for RUN, from its stateless",
            "data/json/samples endpoint, or through the session API the GUI's web page uses when that is not served.",
            "With --reco express|prompt|rereco|rerecoul|online, print only the dataset dqmcrawlr's rules pick for that",
            "reconstruction (several matches: reverse string order, so -v9 beats -v10, as dqmcrawlr did).",
            "Certificates: see 'runops dqm --help'.",
            "Exit codes: 0 listed, 1 no dataset (for --reco: none fits), 2 bad input, refused certificate or unreachable GUI."
        })
final class DqmDatasetsCommand implements Callable<Integer> {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN", description = "Run number.")
    private long run;

    @Option(names = "--reco", paramLabel = "RECO", description = "Print only the dataset of this reconstruction.")
    private String reco;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|json", description = "Output format (default: ${DEFAULT-VALUE}).")
    private String format;

    @Mixin
    private DqmConnectionOptions connection;

    @Override
    public Integer call() {
        if (run <= 0) {
            throw new IllegalArgumentException("RUN must be a positive run number, got " + run);
        }
        String kind = format.strip().toLowerCase(Locale.ROOT);
        if (!kind.equals("table") && !kind.equals("json")) {
            throw new IllegalArgumentException("--format must be table or json, got '" + format + "'");
        }
        Reconstruction wanted = reco == null ? null : Reconstruction.parse(reco);
        if (wanted == Reconstruction.UNKNOWN) {
            throw new IllegalArgumentException("--reco must be online, express, prompt, rereco or rerecoul, got '" + reco + "'");
        }
        List<DqmSample> samples;
        try (DqmGuiClient gui = connection.client(((RunopsCli) spec.root().userObject()).environment(), spec.commandLine().getErr())) {
            samples = gui.datasets(run);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (wanted != null) {
            Optional<String> picked = DatasetResolver.pick(wanted, DqmSample.datasetNames(samples));
            if (picked.isEmpty()) {
                spec.commandLine().getErr().println("runops: run " + run + ": no dataset for " + wanted.name().toLowerCase(Locale.ROOT)
                        + " among " + samples.size() + " sample(s)");
                return ExitCodes.CHECK_FAILED;
            }
            if (kind.equals("json")) {
                try (Json j = Json.to(out)) {
                    j.startObject().field("run", run).field("reconstruction", wanted.name().toLowerCase(Locale.ROOT))
                            .field("dataset", picked.get()).endObject();
                }
            } else {
                out.println(picked.get());
            }
            out.flush();
            return ExitCodes.OK;
        }
        if (kind.equals("json")) {
            try (Json j = Json.to(out)) {
                j.startArray();
                for (DqmSample s : samples) {
                    j.startObject().field("type", s.type()).field("run", s.run()).field("dataset", s.dataset())
                            .field("version", s.version()).field("importVersion", s.importVersion()).endObject();
                }
                j.endArray();
            }
        } else {
            TextTable t = new TextTable("type", "dataset", "version", "import version>");
            samples.forEach(s -> t.row(s.type(), s.dataset(), s.version(), s.importVersion()));
            t.print(out);
        }
        out.flush();
        if (samples.isEmpty()) {
            spec.commandLine().getErr().println("runops: run " + run + ": the GUI holds no dataset");
            return ExitCodes.CHECK_FAILED;
        }
        return ExitCodes.OK;
    }
}
