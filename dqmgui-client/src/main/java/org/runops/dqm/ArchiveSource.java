package org.runops.dqm;

import java.util.List;
import java.util.Optional;

/**
 * Where a crawl gets its bytes: the raw jsonfairy answer of one monitor element and the datasets of a
 * run. {@code DqmGuiClient} is the real one; tests and benchmarks may serve from elsewhere.
 */
public interface ArchiveSource {

    /**
     * The raw jsonfairy body of {@code mePath} in {@code run}/{@code dataset}, or empty when the GUI says
     * there is no such histogram ({@code {"hist": "unsupported type"}}). Throws {@link DqmException} when
     * the GUI could not be asked or answered something else (the caller must not cache that).
     */
    Optional<byte[]> archiveJson(long run, String dataset, String mePath);

    /** The offline dataset names the GUI holds for {@code run} (e.g. {@code /StreamExpress/Run2018D-Express-v1/DQMIO}). */
    List<String> datasetNames(long run);
}
