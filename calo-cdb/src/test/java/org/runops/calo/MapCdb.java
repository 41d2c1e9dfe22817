package org.runops.calo;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A CdbLookup over a map of run → payload file names per type (absent: MISSING), judged with
 * {@link CalibrationSpec#isUpToDate}; runs can be made undecided, or the whole lookup down.
 */
final class MapCdb implements CdbLookup {
    private final Map<Long, Map<String, String>> payloads = new HashMap<>();
    private final Map<Long, String> undecided = new HashMap<>();
    private String down;

    /** Every calibration of {@code specs} up to date for this run and tag. */
    MapCdb upToDate(RunTag rt, List<CalibrationSpec> specs) {
        specs.forEach(s -> payload(rt.run(), s.payloadType(), s.payloadType() + "/ab/cd/0123456789abcdef0123456789abcdef_"
                + s.expectedFileName(rt)));
        return this;
    }

    MapCdb payload(long run, String type, String url) {
        payloads.computeIfAbsent(run, r -> new HashMap<>()).put(type, url);
        return this;
    }

    MapCdb undecided(long run, String reason) {
        undecided.put(run, reason);
        return this;
    }

    MapCdb down(String reason) {
        this.down = reason;
        return this;
    }

    @Override
    public List<RunCdbState> check(List<RunTag> runs, List<CalibrationSpec> calibrations) {
        if (down != null) {
            throw new CaloException("http://cdb/api/cdb_rest/: " + down);
        }
        return runs.stream().map(rt -> {
            if (undecided.containsKey(rt.run())) {
                return new RunCdbState(rt, Map.of(), Optional.of(undecided.get(rt.run())));
            }
            Map<String, CalibrationVerdict> v = new LinkedHashMap<>();
            for (CalibrationSpec c : calibrations) {
                String url = payloads.getOrDefault(rt.run(), Map.of()).get(c.payloadType());
                v.put(c.payloadType(), url == null ? new CalibrationVerdict(CalibrationVerdict.Kind.MISSING, Optional.empty(), "none")
                        : c.isUpToDate(url, rt) ? new CalibrationVerdict(CalibrationVerdict.Kind.UP_TO_DATE, Optional.empty(), url)
                        : new CalibrationVerdict(CalibrationVerdict.Kind.OUTDATED, c.foundTag(url), url));
            }
            return new RunCdbState(rt, v, Optional.empty());
        }).toList();
    }

    @Override
    public String describe() {
        return "map of " + payloads.size() + " runs";
    }

    @Override
    public void close() {}
}
