package org.runops.dqm.internal;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.runops.core.csv.CsvWriter;
import org.runops.core.ledger.AtomicFiles;
import org.runops.dqm.CrawlItem;
import org.runops.dqm.DqmException;

/**
 * The crawl's per-item record, so a user sees why an item has no file: a CSV with one line per item,
 * {@code run,reconstruction,me_path,dataset,status,detail,file}, replaced atomically at the end of each crawl.
 */
public final class CrawlLedger {
    public static final String FILE_NAME = "crawl-ledger.csv";

    private CrawlLedger() {}

    public static Path write(Path outDir, List<CrawlItem> items) {
        Path file = outDir.resolve(FILE_NAME);
        try {
            AtomicFiles.write(file, tmp -> {
                try (Writer w = new OutputStreamWriter(Files.newOutputStream(tmp), StandardCharsets.UTF_8)) {
                    CsvWriter csv = new CsvWriter(w, file.toString());
                    csv.field("run").field("reconstruction").field("me_path").field("dataset").field("status").field("detail")
                            .field("file").endRecord();
                    for (CrawlItem i : items) {
                        csv.number(i.target().run()).field(i.target().reco().certhelperName()).field(i.mePath()).field(i.dataset())
                                .field(i.status().name()).field(i.detail()).field(i.file() == null ? null : i.file().toString())
                                .endRecord();
                    }
                    csv.flush();
                }
            });
        } catch (IOException e) {
            throw new DqmException("cannot write crawl ledger " + file + ": " + e.getMessage(), e);
        }
        return file;
    }
}
