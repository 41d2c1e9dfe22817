package org.runops.calo;

import java.util.List;

/**
 * The sPHENIX FileCatalog ({@code files} and {@code datasets} tables): which HIST_CALOQA files each run
 * has. Implementations throw a {@link CaloException} naming the catalogue when it cannot answer; never a
 * partial list.
 */
public interface FileCatalog extends AutoCloseable {

    /**
     * Per run of the query's type, the files of its winning tag: {@code dsttype LIKE 'HIST_CALOQA%'},
     * without {@code HIST_CALOQASKIMMED} and segment 9999, ordered by run, then path.
     */
    List<CatalogFile> winningFiles(CatalogQuery query);

    /** Which catalogue this is, for logs and plan files (never a password). */
    String describe();

    @Override
    void close();
}
