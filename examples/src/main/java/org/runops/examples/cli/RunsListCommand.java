package org.runops.examples.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.runops.calo.TagSelectionPolicy;
import org.runops.core.csv.CsvWriter;
import org.runops.core.run.RunTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code runops runs list --catalog SPEC --from R1 --to R2}: one listing for every run catalogue. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        header = "List the runs --from..--to of a run catalogue, with what it knows about them.",
        description = {
            "Print the runs numbered --from..--to (inclusive), ascending: run_number, start_time, end_time (ISO-8601 UTC,",
            "empty when the catalogue does not say), then every attribute the catalogue gives, in its order.",
            "Catalogues (--catalog SPEC):",
            "  fff:DIR        run<N> folders under an fff storage root (e.g. /raid/fff): state (open, closed, unknown),",
            "                 events (DAQ EoR count, else the index files' sum), end = time of the EoR file; no start.",
            "  rundb[:CONFIG] the strip RUN database of a runops strip properties file (db.url, db.zone; without db.url",
            "                 the embedded one in ledger.dir): start, end, partitions, run_mode, run_type (RUNMODE name).",
            "  oms            CMS OMS runs (--oms-instance, --oms-url; credentials RUNOPS_OMS_CLIENT_ID and",
            "                 RUNOPS_OMS_CLIENT_SECRET, none for p5): every OMS attribute, <attr>_unit, run_type.",
            "  rr[:FILTER]    CMS Run Registry runs: the OMS attributes, rr_<attribute> (rr_class, rr_state, ...) and",
            "                 rr_<column> flag counts. FILTER = short forms joined by ';' (rr:class: Collisions22;",
            "                 tracker-strip: GOOD; see runops rr runs --help); deployment from RUNOPS_RR_INSTANCE (prod|dev,",
            "                 default prod) or RUNOPS_RR_URL; credentials RUNOPS_RR_CLIENT_ID and RUNOPS_RR_CLIENT_SECRET.",
            "  filecatalog[:CONFIG|:demo]",
            "                 the sPHENIX FileCatalog (PostgreSQL): runs with HIST_CALOQA files, with run_type (the run-type",
            "                 table's range holding the run), tag (the winning tag, see --tag-policy), files (its HIST files),",
            "                 events (its segments' DST events, when catalogued); no start or end. Without CONFIG: database",
            "                 FileCatalog on PGHOST (localhost):PGPORT (5432) as PGUSER with PGPASSWORD (or ~/.pgpass). CONFIG:",
            "                 a properties file: filecatalog.url, filecatalog.user, filecatalog.password.file or .password.env,",
            "                 .tag.column (dataset for the 2024 catalogue), .query.timeout (60s), .login.timeout (10s),",
            "                 .fitting.qa. filecatalog:demo: a made-up demo catalogue (runs 68001..68008, embedded H2).",
            "Repeat --catalog to join: the first decides which runs exist, the others add attributes; on a clash the",
            "earlier catalogue wins. A catalogue that fails fails the command (exit 2, naming it): never a partial list."
        })
final class RunsListCommand implements Callable<Integer> {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--catalog", required = true, paramLabel = "SPEC",
            description = RunCatalogs.SPECS + "; repeatable (joined).")
    private List<String> catalogs = new ArrayList<>();

    @Option(names = "--from", required = true, paramLabel = "RUN", description = "First run number.")
    private long from;

    @Option(names = "--to", required = true, paramLabel = "RUN", description = "Last run number (inclusive).")
    private long to;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|csv|json", description = "Output format (default: ${DEFAULT-VALUE}).")
    private String format;

    @Option(names = "--tag-policy", defaultValue = "RUN_LATEST_FILE", paramLabel = "POLICY",
            description = "With --catalog filecatalog: RUN_LATEST_FILE (the tag with the run's latest registered file, as runProd.py"
                    + " today) or CAMPAIGN_START (the tag whose production started last, the 2025-07 rule); ties go to the greatest"
                    + " tag (default: ${DEFAULT-VALUE}).")
    private TagSelectionPolicy tagPolicy;

    @Mixin
    private OmsConnectionOptions oms;

    @Override
    public Integer call() {
        if (from <= 0 || to < from) {
            throw new IllegalArgumentException("--from and --to must be positive with --from <= --to, got " + from + ".." + to);
        }
        String kind = format.toLowerCase(Locale.ROOT);
        if (!List.of("table", "csv", "json").contains(kind)) {
            throw new IllegalArgumentException("--format must be table, csv or json, got '" + format + "'");
        }
        RunTable table;
        try (RunCatalogs opened = RunCatalogs.open(catalogs, oms, tagPolicy)) {
            table = RunTable.of(opened.catalog().runs(from, to));
        }
        PrintWriter out = spec.commandLine().getOut();
        switch (kind) {
            case "csv" -> printCsv(table, out);
            case "json" -> printJson(table, out);
            default -> printTable(table, out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void printTable(RunTable t, PrintWriter out) {
        List<String> headers = new ArrayList<>(t.columns());
        headers.set(0, headers.get(0) + ">"); // run numbers right-aligned
        TextTable text = new TextTable(headers.toArray(String[]::new));
        t.rows().forEach(r -> text.row(r.toArray()));
        text.print(out);
    }

    private static void printCsv(RunTable t, PrintWriter out) {
        CsvWriter csv = new CsvWriter(out, "standard output");
        t.columns().forEach(csv::field);
        csv.endRecord();
        for (List<String> row : t.rows()) {
            row.forEach(csv::field);
            csv.endRecord();
        }
    }

    /** An array of objects: run_number a number, the other values text as the catalogue gave them, null when absent. */
    private static void printJson(RunTable t, PrintWriter out) {
        try (Json json = Json.to(out)) {
            json.startArray();
            for (List<String> row : t.rows()) {
                json.startObject().field(t.columns().get(0), Long.parseLong(row.get(0)));
                for (int c = 1; c < row.size(); c++) {
                    json.field(t.columns().get(c), row.get(c));
                }
                json.endObject();
            }
            json.endArray();
        }
    }
}
