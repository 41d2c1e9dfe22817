package org.runops.calo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A FileCatalog over a list of rows that are already the winning files, or one that is down. */
final class ListCatalog implements FileCatalog {
    private final List<CatalogFile> files = new ArrayList<>();
    private String down;

    ListCatalog add(CatalogFile f) {
        files.add(f);
        return this;
    }

    ListCatalog down(String reason) {
        this.down = reason;
        return this;
    }

    @Override
    public List<CatalogFile> winningFiles(CatalogQuery query) {
        if (down != null) {
            throw new CaloException("jdbc:postgresql://db/FileCatalog: " + down);
        }
        return files.stream().filter(f -> query.runType().contains(f.run()))
                .sorted(Comparator.comparingLong(CatalogFile::run).thenComparing(CatalogFile::path)).toList();
    }

    @Override
    public String describe() {
        return "list of " + files.size() + " rows";
    }

    @Override
    public void close() {}
}
