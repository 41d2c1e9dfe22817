package org.runops.calo;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import org.runops.calo.internal.FileCatalogTables;

/** Registers HIST and DST rows as the calocalib production does, with the producer's names and a path per host. */
final class CatalogSeed {
    static final Instant JUNE = Instant.parse("2025-06-01T00:00:00Z");
    private final FileCatalogTables tables;

    CatalogSeed(FileCatalogTables tables) {
        this.tables = tables;
    }

    static String lfn(String dstType, String tag, long run, int seg) {
        return String.format(Locale.ROOT, "%s_run3auau_%s-%08d-%05d.root", dstType, tag == null ? "none" : tag, run, seg);
    }

    static String path(String host, String tag, long run, int seg) {
        return "/" + host + "/calocalib/" + tag + "/" + lfn("HIST_CALOQA", tag, run, seg);
    }

    static Instant day(int d) {
        return JUNE.plusSeconds(86_400L * d);
    }

    /** A HIST_CALOQA file of (run, seg, tag) on gpfs, registered on {@code day}. */
    CatalogSeed hist(long run, int seg, String tag, int day) throws SQLException {
        return hist("HIST_CALOQA", run, seg, tag, day);
    }

    CatalogSeed hist(String dstType, long run, int seg, String tag, int day) throws SQLException {
        String lfn = lfn(dstType, tag, run, seg);
        tables.file(lfn, "gpfs", "/gpfs/calocalib/" + tag + "/" + lfn, day(day), 1000)
                .dataset(lfn, run, seg, "run3auau", dstType, null, tag);
        return this;
    }

    /** Another replica of an existing HIST_CALOQA file. */
    CatalogSeed replica(long run, int seg, String tag, String host, int day) throws SQLException {
        tables.file(lfn("HIST_CALOQA", tag, run, seg), host, path(host, tag, run, seg), day(day), 1000);
        return this;
    }

    /** The DST_CALO of (run, seg, tag) with its events (a catalogue row only: no file). */
    CatalogSeed dst(String dstType, long run, int seg, String tag, long events) throws SQLException {
        tables.dataset(lfn(dstType, tag, run, seg), run, seg, "run3auau", dstType, events, tag);
        return this;
    }
}
