package org.runops.calo;

import java.nio.file.Path;
import java.util.List;
import org.runops.calo.internal.DemoFileCatalog;
import org.runops.calo.internal.FileCatalogRunCatalog;
import org.runops.calo.internal.JdbcFileCatalog;
import org.runops.core.run.RunCatalog;

/**
 * The sPHENIX FileCatalog ({@code files} and {@code datasets} tables): which HIST_CALOQA files each run
 * has. Implementations throw a {@link CaloException} naming the catalogue when it cannot answer; never a
 * partial list.
 *
 * <pre>{@code
 * try (FileCatalog fc = FileCatalog.jdbc(FileCatalogSettings.fromEnvironment(System::getenv))) {
 *     List<CatalogFile> files = fc.winningFiles(new CatalogQuery(RunType.named("run3auau"),
 *             TagSelectionPolicy.RUN_LATEST_FILE, OptionalLong.empty()));
 * }
 * }</pre>
 */
public interface FileCatalog extends AutoCloseable {

    /**
     * Per run of the query's type, the files of its winning tag: {@code dsttype LIKE 'HIST_CALOQA%'},
     * without {@code HIST_CALOQASKIMMED} and segment 9999, ordered by run, then path.
     */
    List<CatalogFile> winningFiles(CatalogQuery query);

    /** Which catalogue this is, for logs and plan files (never a password). */
    String describe();

    /** Whether this catalogue holds made-up demo data: its plans are marked and never go to a real batch system. */
    default boolean isDemo() {
        return false;
    }

    @Override
    void close();

    /**
     * The catalogue over JDBC: PostgreSQL (pgJDBC) or H2 in PostgreSQL mode, as {@code settings} say. A
     * connection per call (nothing to pool for one query a day), each bounded by the settings' timeouts.
     * Tag choice, threshold and replica rules: {@link org.runops.calo.internal.WinningFiles}.
     */
    static FileCatalog jdbc(FileCatalogSettings settings) {
        return new JdbcFileCatalog(settings);
    }

    /**
     * The demo catalogue: an embedded H2 seeded with made-up run3auau rows (runs 68001..68008, two competing
     * tags, the rows the query must ignore, replicas, a missing and an empty file), whose files are written
     * under {@code dir} as small text placeholders. Closing it drops the database, not the files.
     */
    static FileCatalog demo(Path dir) {
        return DemoFileCatalog.create(dir);
    }

    /**
     * This catalogue as a {@link RunCatalog}: one record per run that has HIST_CALOQA files, with its
     * winning tag ({@code tag}), the number of its files ({@code files}), its DST events ({@code events},
     * when the catalogue has DST rows for its segments) and its run type from {@code runTypes}
     * ({@code run_type}, when one holds the run). No start or end: the FileCatalog does not know them.
     */
    default RunCatalog runCatalog(TagSelectionPolicy policy, List<RunType> runTypes) {
        return new FileCatalogRunCatalog(this, policy, runTypes);
    }
}
