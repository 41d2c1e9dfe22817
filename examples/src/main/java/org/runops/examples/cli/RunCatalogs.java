package org.runops.examples.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.runops.core.run.CatalogException;
import org.runops.core.run.RunCatalog;
import org.runops.core.run.RunRecord;
import org.runops.oms.OmsClient;
import org.runops.oms.OmsRunCatalog;
import org.runops.strip.EmbeddedRunDatabase;
import org.runops.strip.StripSettings;

/**
 * The CLI edge's name → backend map for {@code --catalog SPEC}: {@code oms}, {@code fff:DIR},
 * {@code rundb[:CONFIG]}; several specs are joined, the first deciding which runs exist
 * ({@link RunCatalog#join}). Closing closes the OMS client.
 */
final class RunCatalogs implements AutoCloseable {
    static final String SPECS = "oms, fff:DIR or rundb[:CONFIG]";

    private final RunCatalog catalog;
    private final List<OmsClient> clients;

    private RunCatalogs(RunCatalog catalog, List<OmsClient> clients) {
        this.catalog = catalog;
        this.clients = clients;
    }

    static RunCatalogs open(List<String> specs, OmsConnectionOptions oms) {
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("--catalog: give at least one of " + SPECS);
        }
        List<OmsClient> clients = new ArrayList<>();
        List<RunCatalog> catalogs = new ArrayList<>();
        try {
            for (String spec : specs) {
                catalogs.add(named(spec, backend(spec, oms, clients)));
            }
        } catch (RuntimeException e) {
            clients.forEach(OmsClient::close);
            throw e;
        }
        RunCatalog joined = catalogs.size() == 1 ? catalogs.get(0)
                : RunCatalog.join(catalogs.get(0), catalogs.subList(1, catalogs.size()).toArray(RunCatalog[]::new));
        return new RunCatalogs(joined, clients);
    }

    RunCatalog catalog() {
        return catalog;
    }

    private static RunCatalog backend(String spec, OmsConnectionOptions oms, List<OmsClient> clients) {
        if (spec.equals("oms")) {
            OmsClient client = oms.client();
            clients.add(client);
            return new OmsRunCatalog(client, oms.cache());
        }
        if (spec.startsWith("fff:") && spec.length() > 4) {
            Path root = Path.of(spec.substring(4));
            if (!Files.isDirectory(root)) {
                throw new IllegalArgumentException("--catalog " + spec + ": no such directory " + root);
            }
            return RunCatalog.fff(root);
        }
        if (spec.equals("rundb") || spec.startsWith("rundb:") && spec.length() > 6) {
            Path config = spec.equals("rundb") ? null : Path.of(spec.substring(6));
            StripSettings settings = StripSettings.load(config, System.getenv());
            // a listing must not create an empty embedded database where none was
            Path embedded = settings.embeddedDatabaseFile();
            if (settings.embedded() && !EmbeddedRunDatabase.exists(embedded)) {
                throw new IllegalArgumentException("--catalog " + spec + ": no db.url configured and no embedded RUN database at " + embedded);
            }
            return settings.database().catalog(settings.config().databaseZone());
        }
        throw new IllegalArgumentException("--catalog must be " + SPECS + ", got '" + spec + "'");
    }

    /** Errors name the --catalog they come from. */
    private static RunCatalog named(String spec, RunCatalog backend) {
        return new RunCatalog() {
            @Override
            public List<RunRecord> runs(long firstRun, long lastRun) {
                try {
                    return backend.runs(firstRun, lastRun);
                } catch (CatalogException e) {
                    throw new CatalogException("--catalog " + spec + ": " + e.getMessage(), e);
                }
            }
        };
    }

    @Override
    public void close() {
        clients.forEach(OmsClient::close);
    }
}
