package org.runops.calo.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.runops.calo.CalibrationSpec;
import org.runops.calo.CalibrationVerdict;
import org.runops.calo.PayloadRef;
import org.runops.calo.RunCdbState;
import org.runops.calo.RunTag;

/**
 * The one rule turning what the CDB serves at a run into a verdict per calibration, shared by every
 * lookup that sees payloads (REST, in memory). As the sPHENIX client decides (spec §2.3, §1.5): a payload
 * of the type that covers the run ({@code minor_iov_end > run}) whose URL ends with the expected file name
 * is up to date; one that covers the run but ends otherwise is outdated; none, or one that ended at or
 * before the run, is missing — unless the 2026 fallback type {@code <type>_default} covers the run, which
 * the client would then serve and which is therefore outdated too.
 */
public final class CdbVerdicts {
    /** What the 2026 client (CDBInterface) appends to a payload type to find its fallback. */
    public static final String DEFAULT_SUFFIX = "_default";

    private CdbVerdicts() {}

    /** The verdicts for {@code runTag}, in the order of {@code calibrations}, from the payloads served at its run. */
    public static RunCdbState judge(RunTag runTag, List<CalibrationSpec> calibrations, Map<String, PayloadRef> payloads) {
        Objects.requireNonNull(runTag, "runTag");
        Objects.requireNonNull(payloads, "payloads");
        if (calibrations.isEmpty()) {
            throw new IllegalArgumentException("no calibrations to check for run " + runTag.run());
        }
        Map<String, CalibrationVerdict> verdicts = new LinkedHashMap<>();
        for (CalibrationSpec spec : calibrations) {
            verdicts.put(spec.payloadType(), verdict(runTag, spec, payloads));
        }
        return RunCdbState.decided(runTag, verdicts);
    }

    /** The verdict for one calibration. */
    public static CalibrationVerdict verdict(RunTag runTag, CalibrationSpec spec, Map<String, PayloadRef> payloads) {
        long run = runTag.run();
        PayloadRef payload = payloads.get(spec.payloadType());
        if (payload != null && payload.covers(run)) {
            String url = payload.url();
            return spec.isUpToDate(url, runTag)
                    ? new CalibrationVerdict(CalibrationVerdict.Kind.UP_TO_DATE, Optional.empty(), url)
                    : new CalibrationVerdict(CalibrationVerdict.Kind.OUTDATED, spec.foundTag(url), url);
        }
        PayloadRef fallback = payloads.get(spec.payloadType() + DEFAULT_SUFFIX);
        if (fallback != null && fallback.covers(run)) {
            return new CalibrationVerdict(CalibrationVerdict.Kind.OUTDATED, Optional.empty(),
                    "only the fallback " + fallback.payloadType() + " covers run " + run + ": " + fallback.url());
        }
        String why = payload == null ? "no payload of type " + spec.payloadType()
                : "the payload of type " + spec.payloadType() + " covers runs [" + payload.firstRun() + ", "
                        + payload.endRun() + "), not run " + run + ": " + payload.url();
        return new CalibrationVerdict(CalibrationVerdict.Kind.MISSING, Optional.empty(), why);
    }
}
