package org.runops.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.runops.calo.CalibrationSpec;
import org.runops.calo.CalibrationVerdict;
import org.runops.calo.CdbLookup;
import org.runops.calo.RestCdbLookup;
import org.runops.calo.RunCdbState;
import org.runops.calo.RunTag;
import org.runops.calo.internal.CdbVerdicts;
import org.runops.calo.internal.PayloadIovs;
import org.runops.core.http.HttpFetcher;
import org.runops.core.http.HttpSettings;
import org.runops.core.http.TokenProvider;

/**
 * The baseline of the CDB benchmarks: what the original does — one {@code payloadiovs} GET per (run, map),
 * one after the other — asking {@code rest}'s URLs and parsed and judged by the same code as
 * {@link RestCdbLookup}. A run whose GET fails is undecided, as in the REST lookup.
 */
final class SequentialPerMapCdbLookup implements CdbLookup {
    private final RestCdbLookup rest;
    private final HttpFetcher fetcher = HttpFetcher.create(HttpSettings.defaults(), TokenProvider.none());

    /** Asks the URLs {@code rest} would ask; does not close it. */
    SequentialPerMapCdbLookup(RestCdbLookup rest) {
        this.rest = rest;
    }

    @Override
    public List<RunCdbState> check(List<RunTag> runs, List<CalibrationSpec> calibrations) {
        List<RunCdbState> states = new ArrayList<>(runs.size());
        for (RunTag r : runs) {
            HttpUrl url = rest.urlFor(r.run());
            Map<String, CalibrationVerdict> verdicts = new LinkedHashMap<>();
            try {
                for (CalibrationSpec spec : calibrations) {
                    verdicts.put(spec.payloadType(), CdbVerdicts.verdict(r, spec, PayloadIovs.parse(fetcher.fetch(url), url.toString())));
                }
                states.add(RunCdbState.decided(r, verdicts));
            } catch (RuntimeException e) {
                states.add(RunCdbState.undecided(r, url + ": " + e.getMessage()));
            }
        }
        return states;
    }

    @Override
    public String describe() {
        return "one GET per (run, map), sequential, at " + rest.describe();
    }

    @Override
    public void close() {
        fetcher.close();
    }
}
