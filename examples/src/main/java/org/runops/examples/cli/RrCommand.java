package org.runops.examples.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.runops.core.http.HttpSettings;
import org.runops.runregistry.RrFilter;
import org.runops.runregistry.RrInstance;
import org.runops.runregistry.RunRegistryClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code runops rr ...}: CMS Run Registry v4. */
@Command(
        name = "rr",
        mixinStandardHelpOptions = true,
        header = "Query CMS Run Registry v4: runs, datasets, lumisection flags, golden JSON.",
        description = {
            "Query CMS Run Registry v4. runs and datasets page the server 0-based and check every page against the",
            "promised count: a short page or a count that changes is an error, never a shorter list. golden generates",
            "a golden JSON through the JSON portal or combines golden JSON files offline.",
            "Credentials (a CERN SSO application with access to Run Registry) only from the environment:",
            "RUNOPS_RR_CLIENT_ID and RUNOPS_RR_CLIENT_SECRET. Without them, only a --url deployment is asked, with no token.",
            "runops runs list --catalog rr[:FILTER] uses the same client: FILTER is --filter short forms joined by ';',",
            "the deployment comes from RUNOPS_RR_INSTANCE (prod|dev, default prod) or RUNOPS_RR_URL.",
            "Exit codes: 0 ok; 2 a bad option or file, or Run Registry refused or failed (the message names the endpoint",
            "and the server's own error text); 3 internal error."
        },
        subcommands = {RrRunsCommand.class, RrDatasetsCommand.class, RrLumisCommand.class, RrGoldenCommand.class})
public final class RrCommand implements Runnable {
    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** How every {@code rr} subcommand reaches Run Registry (a picocli mixin). */
    static final class Connection {
        static final String TRUST_STORE_PASSWORD_ENV = "RUNOPS_RR_TRUST_STORE_PASSWORD";

        @Option(names = "--instance", defaultValue = "prod", paramLabel = "prod|dev",
                description = "Run Registry deployment (default: ${DEFAULT-VALUE}); its URL and token audience.")
        String instance;

        @Option(names = "--url", paramLabel = "BASE", description = "API root instead of the instance's, e.g. http://localhost:9500/.")
        String url;

        @Option(names = "--audience", paramLabel = "A", description = {"Token audience instead of the instance's",
            "(prod webframeworks-paas-cmsrunregistry, dev webframeworks-paas-dev-cmsrunregistry; before 2024-07 cmsrunregistry-sso-proxy)."})
        String audience;

        @Option(names = "--page-size", defaultValue = "50", paramLabel = "N", description = "Records per page (default: ${DEFAULT-VALUE}).")
        int pageSize;

        @Option(names = "--max-rows", defaultValue = "20000", paramLabel = "N",
                description = "Most records a query without any filter may return (default: ${DEFAULT-VALUE}, the Python client's guard).")
        int maxRows;

        @Option(names = "--trust-store", paramLabel = "FILE",
                description = "Extra trust store (CERN CAs); its password, if any, from " + TRUST_STORE_PASSWORD_ENV + ".")
        Path trustStore;

        @Option(names = "--call-timeout", defaultValue = "120s", converter = DurationConverter.class, paramLabel = "DURATION",
                description = "Longest one HTTP request may take, body included (default: ${DEFAULT-VALUE}); retried like a failure.")
        Duration callTimeout;

        @Option(names = "--query-timeout", defaultValue = "10m", converter = DurationConverter.class, paramLabel = "DURATION",
                description = "Longest one paged query may take, every page and retry included (default: ${DEFAULT-VALUE}).")
        Duration queryTimeout;

        @Option(names = "--progress", description = "Show progress on stderr even when it is not a terminal.")
        boolean progress;

        /** A client; credentials from the environment, none for a --url deployment when they are not set. */
        RunRegistryClient client(Function<String, String> env) {
            RunRegistryClient.Builder b = RunRegistryClient.builder().instance(RrInstance.parse(instance)).pageSize(pageSize)
                    .maxRowsWithoutFilter(maxRows).queryTimeout(queryTimeout);
            if (url != null) {
                b.baseUrl(url);
            }
            if (audience != null) {
                b.audience(audience);
            }
            b.httpSettings(CliHttpSettings.of(callTimeout, trustStore, TRUST_STORE_PASSWORD_ENV, env));
            boolean credentials = env.apply(RunRegistryClient.CLIENT_ID_ENV) != null || env.apply(RunRegistryClient.CLIENT_SECRET_ENV) != null;
            if (credentials || url == null) {
                b.credentialsFromEnvironment(env); // names the missing variable when prod or dev is asked without them
            }
            return b.build();
        }

        boolean showProgress() {
            return progress || System.console() != null;
        }
    }

    /** The filter options of {@code rr runs} and {@code rr datasets} (a picocli mixin). */
    static final class Filters {
        @Option(names = "--filter", paramLabel = "KEY: VALUE", description = {
            "A condition in the Python client's short form, repeatable, AND-ed: 'tracker-strip: GOOD' (some LS of the",
            "column GOOD), 'run_number: [355100, 355200]', 'class: Collisions22', 'tracker_state: COMPLETED',",
            "'energy: >= 6000', 'name: like %%PromptReco%%', 'significant: true'; full keys (rr_attributes.class, ...) too.",
            "Values are typed as the Python client types them: an unquoted number is a JSON number (hlt_key: 123 is 123),",
            "true/false a boolean, anything else text; quote to force text (hlt_key: '123'). like/notlike need a space",
            "before the pattern (like %%x%%). A short key the Python client does not know is refused: write it in full.",
            "In --catalog rr:FILTER the forms are joined by ';', so a value cannot contain ';'."})
        List<String> filters = new ArrayList<>();

        @Option(names = "--runs", paramLabel = "FROM-TO", description = "Run numbers FROM..TO inclusive, or one run N.")
        String runs;

        RrFilter filter() {
            List<RrFilter> parts = new ArrayList<>();
            if (runs != null) {
                parts.add(runRange(runs));
            }
            filters.forEach(f -> parts.add(RrFilter.parse(f)));
            return parts.isEmpty() ? RrFilter.none() : RrFilter.and(parts.toArray(RrFilter[]::new));
        }

        private static RrFilter runRange(String text) {
            String[] p = text.strip().split("\\s*-\\s*", -1);
            try {
                if (p.length == 1) {
                    return RrFilter.runNumber(Long.parseLong(p[0]));
                }
                if (p.length == 2) {
                    return RrFilter.runRange(Long.parseLong(p[0]), Long.parseLong(p[1]));
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("--runs must be FROM-TO or N (run numbers), got '" + text + "'");
        }
    }

    /** The output formats of the listing commands. */
    enum Format { TABLE, JSON, CSV }

    static Format format(String text) {
        try {
            return Format.valueOf(text.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--format must be table, json or csv, got '" + text + "'");
        }
    }

    /** {@code rows} under {@code headers} as a text table (headers ending in '>' right-aligned) or CSV. */
    static void print(Format format, List<String> headers, List<List<String>> rows, java.io.PrintWriter out) {
        if (format == Format.CSV) {
            org.runops.core.csv.CsvWriter csv = new org.runops.core.csv.CsvWriter(out, "standard output");
            headers.forEach(h -> csv.field(h.endsWith(">") ? h.substring(0, h.length() - 1) : h));
            csv.endRecord();
            for (List<String> row : rows) {
                row.forEach(csv::field);
                csv.endRecord();
            }
            csv.flush();
            return;
        }
        TextTable table = new TextTable(headers.toArray(String[]::new));
        rows.forEach(r -> table.row(r.toArray()));
        table.print(out);
    }

    /** The flag columns asked for: {@code all} means every column the records have, in first-seen order. */
    static List<String> columns(List<String> asked, java.util.stream.Stream<java.util.Set<String>> present) {
        if (asked.size() == 1 && asked.get(0).equals("all")) {
            java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>();
            present.forEach(all::addAll);
            return List.copyOf(all);
        }
        return asked;
    }

    /** Environment variables that point {@code --catalog rr} at another deployment (the catalogue spec has no options). */
    static final String INSTANCE_ENV = "RUNOPS_RR_INSTANCE";
    static final String URL_ENV = "RUNOPS_RR_URL";

    /**
     * The client of {@code --catalog rr[:FILTER]}: $RUNOPS_RR_INSTANCE (prod by default) or $RUNOPS_RR_URL, credentials
     * from RUNOPS_RR_CLIENT_ID / _SECRET (none needed for a $RUNOPS_RR_URL deployment).
     */
    static RunRegistryClient catalogClient(Function<String, String> env) {
        Connection c = new Connection();
        c.instance = env.apply(INSTANCE_ENV) != null ? env.apply(INSTANCE_ENV) : "prod";
        c.url = env.apply(URL_ENV);
        c.pageSize = RunRegistryClient.DEFAULT_PAGE_SIZE;
        c.maxRows = RunRegistryClient.DEFAULT_MAX_ROWS_WITHOUT_FILTER;
        c.callTimeout = HttpSettings.defaults().callTimeout();
        c.queryTimeout = RunRegistryClient.DEFAULT_QUERY_TIMEOUT;
        return c.client(env);
    }

    /** The FILTER of {@code --catalog rr:FILTER}: short forms separated by ';' ({@code class: Collisions22;tracker-strip: GOOD}). */
    static RrFilter catalogFilter(String text) {
        List<RrFilter> parts = new ArrayList<>();
        for (String part : text.split(";")) {
            if (!part.isBlank()) {
                parts.add(RrFilter.parse(part));
            }
        }
        return parts.isEmpty() ? RrFilter.none() : RrFilter.and(parts.toArray(RrFilter[]::new));
    }
}
