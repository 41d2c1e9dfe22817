package org.runops.calo;

import java.util.List;

/**
 * Asks the conditions database which calibrations each run lacks.
 *
 * <p>Built-ins: {@code rest(baseUrl)} (the nopayloaddb REST API, one {@code payloadiovs} call per run
 * answering every calibration), {@code externalBinary(path)} (the {@code CaloCDB-FilterDatasets} CSV
 * contract) and {@code inMemory(...)} (demos and tests).
 */
public interface CdbLookup extends AutoCloseable {

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
