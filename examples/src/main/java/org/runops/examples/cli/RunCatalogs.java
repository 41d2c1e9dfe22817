package org.runops.examples.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.runops.calo.FileCatalog;
import org.runops.calo.FileCatalogSettings;
import org.runops.calo.RunType;
import org.runops.calo.TagSelectionPolicy;
import org.runops.core.run.CatalogException;
import org.runops.core.run.RunCatalog;
import org.runops.core.run.RunRecord;
import org.runops.oms.OmsClient;
import org.runops.oms.OmsRunCatalog;
import org.runops.runregistry.RrFilter;
import org.runops.runregistry.RunRegistryClient;
import org.runops.runregistry.RunRegistryRunCatalog;
import org.runops.strip.EmbeddedRunDatabase;
import org.runops.strip.StripSettings;

/**
 * The CLI edge's name → backend map for {@code --catalog SPEC}: {@code oms}, {@code rr[:FILTER]} (Run Registry,
 * FILTER short forms joined by ';', deployment and credentials from the environment), {@code fff:DIR},
 * {@code rundb[:CONFIG]}, {@code filecatalog[:CONFIG|:demo]}; several specs are joined, the first deciding
 * which runs exist ({@link RunCatalog#join}). Closing closes the OMS clients and FileCatalogs (and removes
 * the demo catalogue's files).
 */
final class RunCatalogs implements AutoCloseable {
    static final String SPECS = "oms, rr[:FILTER], fff:DIR, rundb[:CONFIG] or filecatalog[:CONFIG|:demo]";
    private static final String FILECATALOG = "filecatalog";

    private final RunCatalog catalog;
    private final List<Runnable> closers;

    private RunCatalogs(RunCatalog catalog, List<Runnable> closers) {
        this.catalog = catalog;
        this.closers = closers;
    }

    /** {@link #open(List, OmsConnectionOptions, TagSelectionPolicy)} with a {@code filecatalog} picking tags as runProd.py does today. */
    static RunCatalogs open(List<String> specs, OmsConnectionOptions oms) {
        return open(specs, oms, TagSelectionPolicy.RUN_LATEST_FILE);
    }

    /** {@code tagPolicy}: how a {@code filecatalog} picks each run's tag. */
    static RunCatalogs open(List<String> specs, OmsConnectionOptions oms, TagSelectionPolicy tagPolicy) {
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("--catalog: give at least one of " + SPECS);
        }
        List<Runnable> closers = new ArrayList<>();
        List<RunCatalog> catalogs = new ArrayList<>();
        try {
            for (String spec : specs) {
                catalogs.add(named(spec, backend(spec, oms, tagPolicy, closers)));
            }
        } catch (RuntimeException e) {
            closers.forEach(Runnable::run);
            throw e;
        }
        RunCatalog joined = catalogs.size() == 1 ? catalogs.get(0)
                : RunCatalog.join(catalogs.get(0), catalogs.subList(1, catalogs.size()).toArray(RunCatalog[]::new));
        return new RunCatalogs(joined, closers);
    }

    RunCatalog catalog() {
        return catalog;
    }

    private static RunCatalog backend(String spec, OmsConnectionOptions oms, TagSelectionPolicy tagPolicy, List<Runnable> closers) {
        if (spec.equals("oms")) {
            OmsClient client = oms.client();
            closers.add(client::close);
            return new OmsRunCatalog(client, oms.cache());
        }
        if (spec.equals("rr") || spec.startsWith("rr:") && spec.length() > 3) {
            // filter checked before a client (and its credentials) is made
            RrFilter filter = RrCommand.catalogFilter(spec.equals("rr") ? "" : spec.substring(3));
            RunRegistryClient client = RrCommand.catalogClient(System::getenv);
            closers.add(client::close);
            return RunRegistryRunCatalog.of(client, filter);
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
        if (spec.equals(FILECATALOG) || spec.startsWith(FILECATALOG + ":") && spec.length() > FILECATALOG.length() + 1) {
            return fileCatalog(spec.equals(FILECATALOG) ? null : spec.substring(FILECATALOG.length() + 1), tagPolicy, closers);
        }
        throw new IllegalArgumentException("--catalog must be " + SPECS + ", got '" + spec + "'");
    }

    /** The sPHENIX FileCatalog: of the PG* environment, of a properties file, or the demo one (files in a temporary folder). */
    private static RunCatalog fileCatalog(String arg, TagSelectionPolicy tagPolicy, List<Runnable> closers) {
        if ("demo".equals(arg)) {
            Path dir;
            try {
                dir = Files.createTempDirectory("runops-filecatalog-demo-");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot make a folder for the demo FileCatalog's files", e);
            }
            FileCatalog demo = FileCatalog.demo(dir);
            closers.add(() -> {
                demo.close();
                DemoCommand.deleteRecursively(dir);
            });
            return demo.runCatalog(tagPolicy, RunType.DEFAULTS);
        }
        FileCatalogSettings settings = arg == null ? FileCatalogSettings.fromEnvironment(System::getenv)
                : FileCatalogSettings.load(Path.of(arg), System::getenv);
        FileCatalog catalog = FileCatalog.jdbc(settings);
        closers.add(catalog::close);
        return catalog.runCatalog(tagPolicy, settings.runTypes());
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
        closers.forEach(Runnable::run);
    }
}
