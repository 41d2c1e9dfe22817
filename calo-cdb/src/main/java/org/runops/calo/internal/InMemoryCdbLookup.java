package org.runops.calo.internal;

import java.util.List;
import java.util.Objects;
import org.runops.calo.CalibrationSpec;
import org.runops.calo.CdbLookup;
import org.runops.calo.InMemoryCdb;
import org.runops.calo.RunCdbState;
import org.runops.calo.RunTag;

/** {@link CdbLookup#inMemory}: the payloads an {@link InMemoryCdb} serves, judged by {@link CdbVerdicts}. */
public final class InMemoryCdbLookup implements CdbLookup {
    private final InMemoryCdb cdb;
    private final String globalTag;

    public InMemoryCdbLookup(InMemoryCdb cdb, String globalTag) {
        this.cdb = Objects.requireNonNull(cdb, "cdb");
        this.globalTag = Objects.requireNonNull(globalTag, "globalTag");
    }

    @Override
    public List<RunCdbState> check(List<RunTag> runs, List<CalibrationSpec> calibrations) {
        InMemoryCdb.GlobalTag tag = cdb.existing(globalTag);
        return runs.stream().map(r -> CdbVerdicts.judge(r, calibrations, tag.payloadsAt(r.run()))).toList();
    }

    @Override
    public String describe() {
        return "in-memory CDB, global tag " + globalTag;
    }

    @Override
    public void close() {
        // nothing held
    }
}
