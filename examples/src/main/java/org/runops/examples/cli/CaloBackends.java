package org.runops.examples.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import org.runops.calo.CdbLookup;
import org.runops.calo.FileCatalog;
import org.runops.calo.FileCatalogSettings;
import org.runops.core.exec.batch.BatchSystem;
import org.runops.core.exec.batch.BatchTools;
import org.runops.examples.demo.CaloDemo;

/**
 * The name → backend map of {@code runops calo}: which FileCatalog, CDB lookup, batch system and map job
 * the options and environment select. The original's defaults: the FileCatalog from the {@code PG*}
 * environment, the {@code CaloCDB-*} binaries of {@code $OFFLINE_MAIN/bin}, HTCondor; {@code --catalog demo}
 * selects the demo catalogue, the in-memory CDB, the stand-in map job and the local batch system.
 */
final class CaloBackends implements AutoCloseable {
    final FileCatalog catalog;
    final CdbLookup cdb;
    final BatchSystem batch;
    final Path mapJob;
    final boolean demo;

    private CaloBackends(FileCatalog catalog, CdbLookup cdb, BatchSystem batch, Path mapJob, boolean demo) {
        this.catalog = catalog;
        this.cdb = cdb;
        this.batch = batch;
        this.mapJob = mapJob;
        this.demo = demo;
    }

    /** What {@code runops calo plan} asks for. */
    record Choice(String catalog, String catalogUrl, URI cdbUrl, String globalTag, Path filterDatasets, Path genStatus,
            String batch, String runType) {}

    /**
     * Opens the backends of {@code c}, output under {@code output}.
     *
     * @throws IllegalArgumentException naming the option or variable when the choice is incomplete or wrong
     */
    static CaloBackends open(Choice c, Path output, Function<String, String> env) throws IOException {
        boolean demo = c.catalog() != null;
        if (demo && !c.catalog().equals("demo")) {
            throw new IllegalArgumentException("--catalog must be 'demo' (without it: the FileCatalog of --catalog-url or the PG* "
                    + "environment), got '" + c.catalog() + "'");
        }
        if (demo && c.catalogUrl() != null) {
            throw new IllegalArgumentException("--catalog demo and --catalog-url exclude each other");
        }
        String offline = env.apply("OFFLINE_MAIN");
        Path genStatus = c.genStatus() != null ? c.genStatus()
                : demo ? CaloDemo.mapJob(Files.createDirectories(output.resolve("demo-bin")))
                : offlineBinary(offline, "CaloCDB-GenStatus", "-f2/--bin-genStatus");
        requireFile(genStatus, "the map job (-f2/--bin-genStatus)");
        BatchSystem batch = batch(c.batch() != null ? c.batch() : demo ? "local" : "condor");
        FileCatalog catalog = null;
        try {
            catalog = demo ? FileCatalog.demo(output.resolve("demo-catalog"))
                    : FileCatalog.jdbc(c.catalogUrl() != null ? FileCatalogSettings.builder(c.catalogUrl()).build()
                    : FileCatalogSettings.fromEnvironment(env));
            CdbLookup cdb;
            if (demo && c.cdbUrl() == null) {
                cdb = CdbLookup.inMemory(CaloDemo.cdb(), c.globalTag());
            } else if (c.cdbUrl() != null) {
                cdb = CdbLookup.rest(c.cdbUrl(), c.globalTag());
            } else {
                Path filter = c.filterDatasets() != null ? c.filterDatasets()
                        : offlineBinary(offline, "CaloCDB-FilterDatasets", "-f/--bin-filter-datasets or --cdb-url");
                requireFile(filter, "the CDB filter (-f/--bin-filter-datasets)");
                cdb = CdbLookup.externalBinary(filter, Files.createDirectories(output.resolve("filter-datasets")), c.runType());
            }
            return new CaloBackends(catalog, cdb, batch, genStatus, demo);
        } catch (IOException | RuntimeException e) {
            if (catalog != null) {
                catalog.close();
            }
            batch.close();
            throw e;
        }
    }

    /** {@code condor}, {@code slurm} (tools on the PATH) or {@code local}. */
    static BatchSystem batch(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "condor", "htcondor" -> BatchSystem.htcondor(BatchTools.onPath());
            case "slurm" -> BatchSystem.slurm(BatchTools.onPath());
            case "local" -> BatchSystem.local(Runtime.getRuntime().availableProcessors());
            default -> throw new IllegalArgumentException("--batch must be condor, slurm or local, got '" + name + "'");
        };
    }

    private static Path offlineBinary(String offlineMain, String name, String option) {
        if (offlineMain == null || offlineMain.isBlank()) {
            throw new IllegalArgumentException("OFFLINE_MAIN is not set, so $OFFLINE_MAIN/bin/" + name
                    + " cannot be found: source the sPHENIX setup or give " + option);
        }
        return Path.of(offlineMain, "bin", name);
    }

    private static void requireFile(Path p, String what) {
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException(what + " " + p.toAbsolutePath() + " does not exist");
        }
    }

    /** Closes the batch system (local jobs stop), the CDB lookup and the catalogue, each even if another fails. */
    @Override
    public void close() {
        try (catalog; cdb) {
            batch.close();
        }
    }
}
