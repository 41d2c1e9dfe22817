package org.runops.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.runops.certhelper.CertHelperHistory;
import org.runops.core.RegularFiles;
import org.runops.oms.OmsPage;
import org.runops.oms.OmsRecord;
import org.runops.studies.StudyJoin;
import org.runops.studies.StudyTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code runops studies table}: runs ⋈ fills ⋈ certification history → one CSV or JSON table. */
@Command(
        name = "table",
        mixinStandardHelpOptions = true,
        header = "Join OMS runs, fills and the Certhelper history into one flat table.",
        description = {
            "Flatten OMS runs (attributes plus <attr>_unit columns), join the fills on fill_number (columns fill__*,",
            "empty for runs without a fill) and left-join the Certhelper history on run_number (columns reconstruction,",
            "reference_run, reference_reconstruction, dataset; one row per certified reconstruction).",
            "Runs and fills are saved OMS JSON responses (*.json, one or more pages) or one CSV table each; or the runs",
            "come from run catalogues (--catalog oms|fff:DIR|rundb[:CONFIG], repeatable: joined, see runops runs list)",
            "for --from..--to, as columns run_number, start_time, end_time and the catalogue's attributes.",
            "Without --out the table goes to standard output."
        })
final class StudiesTableCommand implements Callable<Integer> {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--runs", arity = "1..*", paramLabel = "FILE",
            description = "OMS runs: saved JSON responses (several pages allowed) or one CSV table.")
    private List<Path> runs = List.of();

    @Option(names = "--catalog", paramLabel = "SPEC", description = "Runs from a run catalogue instead of --runs (repeatable: joined).")
    private List<String> catalogs = List.of();

    @Option(names = "--from", paramLabel = "RUN", description = "With --catalog: first run number.")
    private long from;

    @Option(names = "--to", paramLabel = "RUN", description = "With --catalog: last run number (inclusive).")
    private long to;

    @picocli.CommandLine.Mixin
    private OmsConnectionOptions oms;

    @Option(names = "--fills", arity = "1..*", paramLabel = "FILE",
            description = "OMS fills: saved JSON responses or one CSV table (with a fill_number column).")
    private List<Path> fills = List.of();

    @Option(names = "--certhelper", paramLabel = "DUMP",
            description = "A saved Certhelper allRunsRefRuns dump (JSON array, any known format).")
    private Path certhelper;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the table here (atomically) instead of standard output.")
    private Path out;

    @Option(names = "--format", paramLabel = "csv|json",
            description = "Output format (default: from the --out extension, else csv).")
    private String format;

    @Override
    public Integer call() {
        if (runs.isEmpty() == catalogs.isEmpty()) {
            throw new IllegalArgumentException("give the runs either as --runs FILE... or as --catalog SPEC --from R1 --to R2");
        }
        StudyTable table = runs.isEmpty() ? fromCatalogs() : read(runs, "run_number");
        if (!fills.isEmpty()) {
            table = StudyJoin.withFills(table, read(fills, "fill_number"));
        }
        if (certhelper != null) {
            table = StudyJoin.join(table, CertHelperHistory.read(certhelper));
        }
        StudiesOutput.write(table, out, format, spec.commandLine().getOut());
        if (out != null) {
            PrintWriter o = spec.commandLine().getOut();
            o.println("wrote " + table.size() + " rows × " + table.columns().size() + " columns to " + out);
            o.flush();
        }
        return ExitCodes.OK;
    }

    private StudyTable fromCatalogs() {
        if (from <= 0 || to < from) {
            throw new IllegalArgumentException("--catalog needs --from and --to, positive with --from <= --to, got " + from + ".." + to);
        }
        try (RunCatalogs opened = RunCatalogs.open(catalogs, oms)) {
            return StudyJoin.runs(opened.catalog().runs(from, to));
        }
    }

    /** Saved OMS responses are flattened together; a CSV file is read as a flat table. */
    private static StudyTable read(List<Path> files, String key) {
        boolean allJson = files.stream().allMatch(StudiesTableCommand::isJson);
        if (allJson) {
            List<OmsRecord> records = new ArrayList<>();
            for (Path f : files) {
                try {
                    records.addAll(OmsPage.parse(RegularFiles.readAllBytes(f), f.toString()).records());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return StudyJoin.flatten(records, key);
        }
        if (files.size() != 1) {
            throw new IllegalArgumentException("give saved OMS JSON responses or one CSV table, not " + files);
        }
        return StudyTable.readCsv(files.get(0));
    }

    private static boolean isJson(Path f) {
        return f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }
}
