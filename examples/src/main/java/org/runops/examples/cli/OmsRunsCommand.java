package org.runops.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.runops.core.refrun.FeatureCsv;
import org.runops.core.refrun.FeatureTable;
import org.runops.oms.OmsCache;
import org.runops.oms.OmsClient;
import org.runops.oms.OmsFeatures;
import org.runops.oms.OmsFills;
import org.runops.oms.OmsQuery;
import org.runops.oms.OmsRecord;
import org.runops.oms.OmsRun;
import org.runops.oms.OmsRunCatalog;
import org.runops.oms.OmsTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code runops oms runs --from R1 --to R2}: OMS runs as CSV (wbmcrawlr columns) or JSON. */
@Command(
        name = "runs",
        mixinStandardHelpOptions = true,
        header = "Print OMS runs of a run-number range as CSV or JSON.",
        description = {
            "Print the OMS runs numbered --from..--to (inclusive), ascending, as CSV or as a JSON array of the same",
            "flat rows (OmsTable): run_number, then the --fields or every attribute in first-seen order, then <attr>_unit",
            "columns with the units OMS gave (as wbmcrawlr writes them); lists joined with ';'; in the CSV strings are",
            "quoted, numbers bare, missing values empty (as the shared OMS CSVs).",
            "Wide ranges are asked in chunks of 5000 run numbers; each query is paged and checked against",
            "meta.totalResourceCount. Credentials only from the environment: RUNOPS_OMS_CLIENT_ID and",
            "RUNOPS_OMS_CLIENT_SECRET (a CERN SSO application in the oms-api-access group); --instance p5",
            "needs none. A --trust-store password, if any, comes from RUNOPS_OMS_TRUST_STORE_PASSWORD.",
            "With --fields, units come from include=meta. With --cache or --cache-dir, finished runs are kept",
            "on disk and not asked again; --fields and --filter always ask OMS."
        })
final class OmsRunsCommand implements Callable<Integer> {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "RUN", description = "First run number.")
    private long from;

    @Option(names = "--to", required = true, paramLabel = "RUN", description = "Last run number (inclusive).")
    private long to;

    @Option(names = "--fields", split = ",", paramLabel = "ATTR", description = "Only these attributes (after run_number), in this order.")
    private List<String> fields = new ArrayList<>();

    @Option(names = "--filter", paramLabel = "ATTR:OP:VALUE", description = {
        "Extra OMS filter, repeatable, AND-ed; OP is EQ NEQ LT GT LE GE LIKE CT,",
        "e.g. --filter sequence:EQ:GLOBAL-RUN --filter b_field:GT:3.5 --filter stable_beam:EQ:true."})
    private List<String> filters = new ArrayList<>();

    @Option(names = "--format", defaultValue = "csv", paramLabel = "csv|json|features", description = {
        "Output format (default: ${DEFAULT-VALUE}). features: the recommender's run conditions (OmsFeatures: lumis in one",
        "unit per family, the fill's colliding bunches and peak pileup), a CSV for runops refrun --features."})
    private String format;

    @Option(names = "--instance", defaultValue = "production", paramLabel = "NAME",
            description = "production, integration, development or p5 (default: ${DEFAULT-VALUE}).")
    private String instance;

    @Option(names = "--url", paramLabel = "BASE", description = "API base URL instead of the instance's, e.g. https://host/agg/api/v1.")
    private String url;

    @Option(names = "--audience", paramLabel = "A", description = "Token audience instead of the instance's.")
    private String audience;

    @Option(names = "--page-size", defaultValue = "1000", paramLabel = "N", description = "Rows per request (default: ${DEFAULT-VALUE}).")
    private int pageSize;

    @Option(names = "--cache", description = "Cache finished runs in $XDG_CACHE_HOME/runops/oms/<host>.")
    private boolean cache;

    @Option(names = "--cache-dir", paramLabel = "DIR", description = "Cache finished runs in DIR.")
    private Path cacheDir;

    @Option(names = "--trust-store", paramLabel = "FILE", description = "Extra trust store (e.g. with the CERN Root and Grid CAs).")
    private Path trustStore;

    @Option(names = "--call-timeout", defaultValue = "120s", converter = DurationConverter.class, paramLabel = "DURATION",
            description = {"Longest one HTTP request may take, body included; 0s for none (default: ${DEFAULT-VALUE}).",
                "A request that takes longer is retried like a failed one."})
    private Duration callTimeout;

    @Option(names = "--query-timeout", defaultValue = "10m", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Longest the whole query may take, every page and retry included (default: ${DEFAULT-VALUE}).")
    private Duration queryTimeout;

    @Option(names = "--progress", description = "Show page progress on stderr even when it is not a terminal.")
    private boolean progress;

    @Override
    public Integer call() {
        if (from <= 0 || to < from) {
            throw new IllegalArgumentException("--from and --to must be positive with --from <= --to, got " + from + ".." + to);
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("--page-size must be at least 1, got " + pageSize);
        }
        String kind = format.toLowerCase(Locale.ROOT);
        if (!List.of("csv", "json", "features").contains(kind)) {
            throw new IllegalArgumentException("--format must be csv, json or features, got '" + format + "'");
        }
        if (kind.equals("features") && !fields.isEmpty()) {
            throw new IllegalArgumentException("--format features needs every attribute: leave out --fields");
        }
        List<OmsFilter> parsed = filters.stream().map(OmsFilter::parse).toList();
        List<OmsRecord> rows;
        FeatureTable features = null;
        try (OmsClient client = client(); ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), progress || System.console() != null, "oms", "pages")) {
            OmsCache store = cacheDir != null ? OmsCache.at(cacheDir)
                    : cache ? OmsCache.at(OmsCache.defaultDirectory(System::getenv, client.baseUrl())) : null;
            OmsRunCatalog catalog = new OmsRunCatalog(client, store).withProgress(bar::update);
            if (fields.isEmpty() && parsed.isEmpty()) {
                rows = catalog.records(from, to);
            } else {
                Consumer<OmsQuery> refine = q -> {
                    if (!fields.isEmpty()) {
                        // a projection drops meta.row units: include=meta puts them in meta.fields instead
                        q.fields(fields.toArray(String[]::new)).include("meta");
                    }
                    parsed.forEach(f -> q.filter(f.attribute(), f.op(), f.value()));
                };
                rows = catalog.fetch(from, to, refine);
            }
            if (kind.equals("features")) {
                List<OmsRun> runs = rows.stream().map(OmsRun::from).toList();
                List<Long> fillNumbers = runs.stream().map(OmsRun::fillNumber).filter(OptionalLong::isPresent)
                        .map(OptionalLong::getAsLong).distinct().toList();
                features = OmsFeatures.table(runs, List.copyOf(new OmsFills(client, store).fills(fillNumbers).values()));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        switch (kind) {
            case "json" -> OmsTable.of(rows, "run_number", fields).writeJson(out);
            case "features" -> FeatureCsv.write(features, out, "standard output", "run_number"); // reads back with refrun --features
            default -> OmsTable.of(rows, "run_number", fields).writeCsv(out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private OmsClient client() {
        return OmsConnectionOptions.client(instance, url, audience, trustStore, pageSize, callTimeout, queryTimeout);
    }

    /** One {@code --filter ATTR:OP:VALUE}; the value is a number, true/false, null or text. */
    record OmsFilter(String attribute, OmsQuery.Op op, Object value) {
        static OmsFilter parse(String spec) {
            String[] parts = spec.split(":", 3);
            if (parts.length != 3 || parts[0].isBlank()) {
                throw new IllegalArgumentException("--filter must be ATTR:OP:VALUE, got '" + spec + "'");
            }
            OmsQuery.Op op;
            try {
                op = OmsQuery.Op.valueOf(parts[1].strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--filter '" + spec + "': unknown operator '" + parts[1]
                        + "' (expected EQ NEQ LT GT LE GE LIKE CT)");
            }
            return new OmsFilter(parts[0].strip(), op, value(parts[2]));
        }

        private static Object value(String text) {
            String t = text.strip();
            Map<String, Object> words = Map.of("true", Boolean.TRUE, "false", Boolean.FALSE);
            if (words.containsKey(t.toLowerCase(Locale.ROOT))) {
                return words.get(t.toLowerCase(Locale.ROOT));
            }
            if (t.equalsIgnoreCase("null")) {
                return null;
            }
            try {
                return Long.parseLong(t);
            } catch (NumberFormatException notLong) {
                try {
                    return Double.parseDouble(t);
                } catch (NumberFormatException notDouble) {
                    return t;
                }
            }
        }
    }
}
