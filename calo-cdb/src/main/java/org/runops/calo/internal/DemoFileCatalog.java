package org.runops.calo.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.runops.calo.CaloException;
import org.runops.calo.CatalogFile;
import org.runops.calo.CatalogQuery;
import org.runops.calo.FileCatalog;
import org.runops.calo.FileCatalogSettings;
import org.runops.core.ledger.AtomicFiles;

/**
 * The demo FileCatalog: an in-memory H2 database (PostgreSQL mode) with the inferred schema, seeded with
 * made-up run3auau rows whose HIST files are written under a given directory as small text placeholders
 * (they say they are demo files; they are not ROOT files). It exists while this object is open.
 *
 * <p>The seed (runs {@value #FIRST_RUN}..{@value #LAST_RUN}, tags {@value #OLD_TAG} and {@value #NEW_TAG}):
 * <ul>
 * <li>{@value #OLD_TAG} (campaign from 2025-06-01): every run, segments 0–1;
 *     {@value #NEW_TAG} (from 2025-07-01): runs 68001–68005 (68002: segments 0–3, others 0–2) and 68007 (0–1);</li>
 * <li>68007: the old tag's files were registered again on 2025-08-01, so {@code RUN_LATEST_FILE} picks the old tag and
 *     {@code CAMPAIGN_START} the new one;</li>
 * <li>a HIST_CALOQASKIMMED file of a newer tag (68002), a segment 9999 file (68003) and a row without tag (68001), all ignored;</li>
 * <li>68004 segment 0 of the new tag has three replicas (gpfs, lustre, hpss): the gpfs one is returned;</li>
 * <li>DST_CALO rows: 300,000 events per segment; 68006 250,000 (two segments: exactly 500,000, so a 500,000 threshold
 *     drops it) and 68008 1,000;</li>
 * <li>68005 segment 2 of the new tag is catalogued but not on disk; 68006 segment 1 is an empty file.</li>
 * </ul>
 */
public final class DemoFileCatalog implements FileCatalog {
    public static final String RUN_TYPE = "run3auau";
    public static final long FIRST_RUN = 68001;
    public static final long LAST_RUN = 68008;
    public static final String OLD_TAG = "new_newcdbtag_v007";
    public static final String NEW_TAG = "new_newcdbtag_v008";
    private static final Instant OLD_START = Instant.parse("2025-06-01T00:00:00Z");
    private static final Instant NEW_START = Instant.parse("2025-07-01T00:00:00Z");

    private final Connection keeper;
    private final JdbcFileCatalog catalog;
    private final Path root;

    private DemoFileCatalog(Connection keeper, JdbcFileCatalog catalog, Path root) {
        this.keeper = keeper;
        this.catalog = catalog;
        this.root = root;
    }

    /** Creates the database and writes the demo files under {@code root} (created if absent). */
    public static DemoFileCatalog create(Path root) {
        String url = "jdbc:h2:mem:runops-demo-filecatalog-" + UUID.randomUUID() + H2_POSTGRESQL_MODE;
        Connection keeper = null;
        try {
            keeper = DriverManager.getConnection(url);
            FileCatalogTables tables = FileCatalogTables.on(keeper).createTables();
            Path absolute = root.toAbsolutePath();
            seed(tables, absolute);
            FileCatalogSettings settings = FileCatalogSettings.builder(url).queryTimeout(Duration.ofSeconds(30)).build();
            return new DemoFileCatalog(keeper, new JdbcFileCatalog(settings), absolute);
        } catch (SQLException | IOException e) {
            closeQuietly(keeper, e);
            throw new CaloException("cannot create the demo FileCatalog with files under " + root + ": " + e, e);
        }
    }

    /** What makes H2 read the FileCatalog SQL as PostgreSQL would (lower-case names; {@code time} as a column). */
    public static final String H2_POSTGRESQL_MODE = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private static void seed(FileCatalogTables t, Path root) throws SQLException, IOException {
        for (long run = FIRST_RUN; run <= LAST_RUN; run++) {
            long events = run == 68008 ? 1_000 : run == 68006 ? 250_000 : 300_000;
            Instant oldTime = run == 68007 ? Instant.parse("2025-08-01T00:00:00Z") : OLD_START.plus(Duration.ofHours(run - FIRST_RUN));
            for (int seg = 0; seg < 2; seg++) {
                hist(t, root, run, seg, OLD_TAG, oldTime, events, !(run == 68006 && seg == 1));
            }
            if (run <= 68005 || run == 68007) {
                int segments = run == 68002 ? 4 : run == 68007 ? 2 : 3;
                for (int seg = 0; seg < segments; seg++) {
                    Instant newTime = NEW_START.plus(Duration.ofDays(run == 68007 ? 4 : 0)).plus(Duration.ofHours(run - FIRST_RUN));
                    hist(t, root, run, seg, NEW_TAG, newTime, events, !(run == 68005 && seg == 2));
                }
            }
        }
        String replica = lfn("HIST_CALOQA", NEW_TAG, 68004, 0);
        t.file(replica, "lustre", "/sphenix/lustre01/demo/" + replica, NEW_START, 4096)
                .file(replica, "hpss", "/hpss/demo/" + replica, NEW_START, 4096);
        // ignored rows: a skimmed file of a newer tag, segment 9999, a row without tag
        ignored(t, root, "HIST_CALOQASKIMMED", "new_newcdbtag_v009", 68002, 0, 68002);
        ignored(t, root, "HIST_CALOQA", NEW_TAG, 68003, 9999, 68003);
        ignored(t, root, "HIST_CALOQA", null, 68001, 5, 68001);
    }

    private static void hist(FileCatalogTables t, Path root, long run, int seg, String tag, Instant time, long events, boolean content)
            throws SQLException, IOException {
        String lfn = lfn("HIST_CALOQA", tag, run, seg);
        Path path = directory(root, tag, run).resolve(lfn);
        byte[] bytes = content ? ("runops demo placeholder for " + lfn + " (run " + run + ", segment " + seg + ", tag " + tag
                + "): made-up catalogue row, not a ROOT file\n").getBytes(StandardCharsets.UTF_8) : new byte[0];
        boolean missing = run == 68005 && seg == 2 && tag.equals(NEW_TAG);
        if (!missing) {
            AtomicFiles.write(path, bytes);
        }
        t.file(lfn, "gpfs", path.toString(), time, bytes.length)
                .dataset(lfn, run, seg, RUN_TYPE, "HIST_CALOQA", null, tag)
                .dataset(lfn("DST_CALO", tag, run, seg), run, seg, RUN_TYPE, "DST_CALO", events, tag);
    }

    private static void ignored(FileCatalogTables t, Path root, String dstType, String tag, long run, int seg, long dirRun)
            throws SQLException, IOException {
        String lfn = lfn(dstType, tag == null ? "untagged" : tag, run, seg);
        Path path = directory(root, tag == null ? "untagged" : tag, dirRun).resolve(lfn);
        byte[] bytes = ("runops demo placeholder for " + lfn + ": a row the catalogue query must ignore\n").getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(path, bytes);
        t.file(lfn, "gpfs", path.toString(), Instant.parse("2025-09-01T00:00:00Z"), bytes.length)
                .dataset(lfn, run, seg, RUN_TYPE, dstType, null, tag);
    }

    private static String lfn(String dstType, String tag, long run, int seg) {
        return String.format(Locale.ROOT, "%s_%s_%s-%08d-%05d.root", dstType, RUN_TYPE, tag, run, seg);
    }

    /** The producer's layout: {@code .../calocalib/<tag>/run_<lower>_<lower+100>/}. */
    private static Path directory(Path root, String tag, long run) {
        long lower = run - run % 100;
        return root.resolve(String.format(Locale.ROOT, "production2/%s/physics/calocalib/%s/run_%08d_%08d", RUN_TYPE, tag, lower, lower + 100));
    }

    private static void closeQuietly(Connection c, Exception failure) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                failure.addSuppressed(e);
            }
        }
    }

    @Override
    public List<CatalogFile> winningFiles(CatalogQuery query) {
        return catalog.winningFiles(query);
    }

    @Override
    public boolean isDemo() {
        return true;
    }

    @Override
    public String describe() {
        return "demo FileCatalog (embedded H2 with made-up run3auau rows, files under " + root + ")";
    }

    /** Closing drops the in-memory database (its last connection). */
    @Override
    public void close() {
        try {
            keeper.close();
        } catch (SQLException e) {
            throw new CaloException("cannot close the demo FileCatalog: " + e.getMessage(), e);
        }
    }
}
