package org.runops.calo;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.runops.calo.internal.InMemoryCdbLookup;

/**
 * Asks the conditions database which calibrations each run lacks.
 *
 * <p>Built-ins: {@link #rest} (the nopayloaddb REST API, one {@code payloadiovs} call per run answering
 * every calibration), {@link #externalBinary} (the {@code CaloCDB-FilterDatasets} CSV contract) and
 * {@link #inMemory} (demos and tests). REST and in-memory lookups judge the payloads they see by one rule
 * (UP_TO_DATE, MISSING, OUTDATED with the tag found); the binary only says which runs need maps (NEEDED).
 */
public interface CdbLookup extends AutoCloseable {

    /**
     * nopayloaddb's REST API at {@code baseUrl} (the API root, e.g. {@code http://localhost:8000/api/cdb_rest/}),
     * global tag {@code globalTag}, with {@link RestCdbLookup.Builder}'s defaults; use
     * {@link RestCdbLookup#builder} for concurrency, row shape, timeouts and retries.
     */
    static CdbLookup rest(URI baseUrl, String globalTag) {
        return RestCdbLookup.builder(baseUrl).globalTag(globalTag).build();
    }

    /**
     * The {@code CaloCDB-FilterDatasets} binary, run on {@code <outputDirectory>/<csvStem>.csv} (the run type,
     * e.g. {@code run3auau}); see {@link ExternalBinaryCdbLookup#builder} for the timeout.
     */
    static CdbLookup externalBinary(Path binary, Path outputDirectory, String csvStem) {
        return ExternalBinaryCdbLookup.builder(binary, outputDirectory).csvStem(csvStem).build();
    }

    /** Global tag {@code globalTag} of an in-memory CDB (demos and tests), judged as the REST lookup judges. */
    static CdbLookup inMemory(InMemoryCdb cdb, String globalTag) {
        return new InMemoryCdbLookup(cdb, globalTag);
    }

    /**
     * One state per run, in the order given: a verdict per calibration, or why the CDB could not be asked
     * for that run (never a dropped run, never a guessed verdict).
     *
     * @throws CaloException when the lookup cannot work at all (a bad configuration, a missing binary)
     */
    List<RunCdbState> check(List<RunTag> runs, List<CalibrationSpec> calibrations);

    /** What this lookup asks, for logs and plan files, e.g. {@code rest http://host/api/cdb_rest/ global tag newcdbtag}. */
    String describe();

    @Override
    void close();
}
