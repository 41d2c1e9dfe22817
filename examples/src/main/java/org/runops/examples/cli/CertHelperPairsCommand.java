package org.runops.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.runops.certhelper.CertHelperHistory;
import org.runops.certhelper.CertHelperSnapshot;
import org.runops.certhelper.HistorySummary;
import org.runops.core.Durations;
import org.runops.core.csv.CsvWriter;
import org.runops.core.refrun.Reconstruction;
import org.runops.core.refrun.RunReferencePair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code runops certhelper pairs}: the run→reference rows, or a summary, from the server (cached) or a dump. */
@Command(
        name = "pairs",
        mixinStandardHelpOptions = true,
        header = "Print Certhelper's run→reference rows or a summary, from the server (cached) or a saved dump.",
        description = {
            "Print every run→reference row Certhelper exports (GET /certify/allRunsRefRuns/, falling back to the",
            "pre-2022 /mldatasets/ path on 404), or with --summary their counts. The answer is cached on disk",
            "(--cache-dir, default $XDG_CACHE_HOME/runops/certhelper or ~/.cache/runops/certhelper) and reused",
            "while younger than --ttl; a failed or garbled answer never replaces the cache. When the server fails",
            "and the cache expired, the command fails unless --allow-stale. --file reads a saved dump instead.",
            "Exit code 2 when neither the server nor a usable cache (or the file) gives a complete history."
        })
final class CertHelperPairsCommand implements Callable<Integer> {
    enum Format { table, csv, json }

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.Mixin
    private CertHelperServerOptions server;

    @Option(names = "--file", paramLabel = "DUMP", description = "Read a saved allRunsRefRuns dump instead of the server.")
    private Path file;

    @Option(names = "--format", defaultValue = "table",
            description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Option(names = "--summary", description = "Print counts (rows, runs, references, per reconstruction, run range) instead of rows.")
    private boolean summary;

    @Override
    public Integer call() {
        CertHelperSnapshot snapshot = file != null ? server.readFile(file, "--file") : server.fetch();
        PrintWriter out = spec.commandLine().getOut();
        if (summary) {
            printSummary(out, snapshot);
        } else {
            printRows(out, snapshot.pairs());
        }
        out.flush();
        return ExitCodes.OK;
    }

    private void printRows(PrintWriter out, List<RunReferencePair> pairs) {
        switch (format) {
            case table -> {
                TextTable t = new TextTable("RUN>", "RECO", "REFERENCE>", "REF_RECO", "DATASET");
                pairs.forEach(p -> t.row(p.run(), p.reconstruction(), p.referenceRun(), p.referenceReconstruction(), p.dataset()));
                t.print(out);
            }
            case csv -> {
                CsvWriter csv = new CsvWriter(out, "standard output");
                csv.field("run_number").field("run_reconstruction_type").field("reference_run_number")
                        .field("reference_run_reconstruction_type").field("dataset").endRecord();
                pairs.forEach(p -> csv.number(p.run()).field(p.reconstruction()).number(p.referenceRun())
                        .field(p.referenceReconstruction()).field(p.dataset()).endRecord());
            }
            case json -> CertHelperHistory.write(pairs, out, "standard output"); // reads back with --file
        }
    }

    private void printSummary(PrintWriter out, CertHelperSnapshot s) {
        HistorySummary h = HistorySummary.of(s.pairs());
        String age = s.origin() == CertHelperSnapshot.Origin.FILE ? "" : Durations.describe(s.age());
        if (format == Format.json) {
            try (Json j = Json.to(out)) {
                j.startObject().field("source", s.source()).field("origin", s.origin().name().toLowerCase(Locale.ROOT))
                        .field("fetched_at", s.origin() == CertHelperSnapshot.Origin.FILE ? null : s.fetchedAt().toString())
                        .field("rows", h.rows()).field("runs", h.runs()).field("references", h.references())
                        .field("datasets", h.datasets()).field("first_run", h.firstRun()).field("last_run", h.lastRun())
                        .field("reference_after_run", h.referenceAfterRun()).startObject("per_reconstruction");
                h.perReconstruction().forEach((r, n) -> j.field(label(r), n));
                j.endObject().endObject();
            }
            return;
        }
        List<Object[]> lines = new java.util.ArrayList<>();
        lines.add(new Object[] {"source", s.source()});
        lines.add(new Object[] {"origin", s.origin().name().toLowerCase(Locale.ROOT) + (age.isEmpty() ? "" : " (age " + age + ")")});
        lines.add(new Object[] {"rows", h.rows()});
        lines.add(new Object[] {"runs", h.runs()});
        lines.add(new Object[] {"distinct references", h.references()});
        lines.add(new Object[] {"datasets", h.datasets()});
        lines.add(new Object[] {"run range", h.rows() == 0 ? "-" : h.firstRun() + "-" + h.lastRun()});
        lines.add(new Object[] {"reference later than run", h.referenceAfterRun()});
        h.perReconstruction().forEach((r, n) -> lines.add(new Object[] {"reconstruction " + label(r), n}));
        if (format == Format.csv) {
            CsvWriter csv = new CsvWriter(out, "standard output").field("what").field("value").endRecord();
            lines.forEach(l -> csv.field(l[0].toString()).field(l[1].toString()).endRecord());
        } else {
            TextTable t = new TextTable("WHAT", "VALUE");
            lines.forEach(l -> t.row(l));
            t.print(out);
        }
    }

    private static String label(Reconstruction r) {
        return r == Reconstruction.UNKNOWN ? "unknown" : r.certhelperName();
    }
}
