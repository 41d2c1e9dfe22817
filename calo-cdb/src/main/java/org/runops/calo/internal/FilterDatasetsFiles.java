package org.runops.calo.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.runops.calo.CaloException;
import org.runops.calo.RunTag;
import org.runops.core.csv.CsvFormatException;
import org.runops.core.csv.CsvReader;
import org.runops.core.ledger.AtomicFiles;

/**
 * The two files of the {@code CaloCDB-FilterDatasets} contract (spec §1.5), byte for byte as runProd.py and
 * the binary write them: {@code <runtype>.csv} (header {@code runnumber,tag}, one run per line, LF) and
 * {@code <runtype>-process.csv} (header {@code runnumber}, the runs that need maps).
 */
public final class FilterDatasetsFiles {
    private FilterDatasetsFiles() {}

    /** {@code <stem>-process.csv}: where the binary writes its answer for the input {@code <stem>.csv}. */
    public static String processFileName(String stem) {
        return stem + "-process.csv";
    }

    /** Writes {@code runs} to {@code csv} atomically (a tag never holds a comma or line break: {@link RunTag} refuses them). */
    public static void writeRuns(Path csv, List<RunTag> runs) {
        StringBuilder s = new StringBuilder("runnumber,tag\n");
        for (RunTag r : runs) {
            s.append(r.run()).append(',').append(r.tag()).append('\n');
        }
        try {
            AtomicFiles.write(csv, s.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CaloException("cannot write " + csv + ": " + e.getMessage(), e);
        }
    }

    /** The run numbers of a {@code -process.csv}, in file order; a {@link CaloException} naming file and line otherwise. */
    public static List<Long> readProcessRuns(Path csv) {
        List<Long> runs = new ArrayList<>();
        try (CsvReader in = CsvReader.open(csv)) {
            if (!in.header().equals(List.of("runnumber"))) {
                throw new CaloException(csv + ": expected the header 'runnumber', found " + in.header());
            }
            while (in.next()) {
                String text = in.field(0);
                long run;
                try {
                    run = Long.parseLong(text.trim());
                } catch (NumberFormatException e) {
                    run = 0;
                }
                if (run <= 0) {
                    throw new CaloException(csv + ":" + in.line() + ": expected a run number, found '" + CsvReader.excerpt(text) + "'");
                }
                runs.add(run);
            }
        } catch (CaloException e) {
            throw e;
        } catch (CsvFormatException e) {
            throw new CaloException(e.getMessage(), e);
        }
        return runs;
    }
}
