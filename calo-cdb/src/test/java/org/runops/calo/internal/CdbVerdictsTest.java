package org.runops.calo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.runops.calo.CalibrationSpec;
import org.runops.calo.CalibrationVerdict;
import org.runops.calo.CalibrationVerdict.Kind;
import org.runops.calo.PayloadRef;
import org.runops.calo.RunCdbState;
import org.runops.calo.RunTag;

/** The verdict rule row by row: what the CDB serves at a run → UP_TO_DATE, MISSING or OUTDATED(found tag). */
class CdbVerdictsTest {
    private static final RunTag RUN = new RunTag(68006, "new_newcdbtag_v008");
    private static final CalibrationSpec MEAN_TIME = CalibrationSpec.standard("CEMC_meanTime");
    private static final CalibrationSpec HOT_MAP = CalibrationSpec.DEFAULTS.get(0);
    private static final String MD5 = "0123456789abcdef0123456789abcdef";

    private static PayloadRef payload(String type, String file, long first, long end) {
        return new PayloadRef(type, PayloadUrls.stored(type, MD5, file), MD5, first, end);
    }

    private static CalibrationVerdict verdict(CalibrationSpec spec, PayloadRef... served) {
        Map<String, PayloadRef> payloads = new java.util.LinkedHashMap<>();
        for (PayloadRef p : served) {
            payloads.put(p.payloadType(), p);
        }
        return CdbVerdicts.verdict(RUN, spec, payloads);
    }

    @Test
    void theExpectedFileNameForTheRunIsUpToDate() {
        PayloadRef p = payload("CEMC_meanTime", "CEMC_meanTime_new_newcdbtag_v008_68006.root", 68006, 68007);
        CalibrationVerdict v = verdict(MEAN_TIME, p);
        assertThat(v.kind()).isEqualTo(Kind.UP_TO_DATE);
        assertThat(v.detail()).isEqualTo("CEMC_meanTime/01/23/" + MD5 + "_CEMC_meanTime_new_newcdbtag_v008_68006.root");
        assertThat(v.needsMap()).isFalse();
    }

    @Test
    void theHotMapIsNamedEmcalHotMapAndEndsInCdbRoot() {
        assertThat(verdict(HOT_MAP, payload("CEMC_BadTowerMap", "EMCalHotMap_new_newcdbtag_v008_68006cdb.root", 68006, 68007)).kind())
                .isEqualTo(Kind.UP_TO_DATE);
        assertThat(verdict(HOT_MAP, payload("CEMC_BadTowerMap", "EMCalHotMap_new_newcdbtag_v008_68006.root", 68006, 68007)).kind())
                .isEqualTo(Kind.OUTDATED);
    }

    @Test
    void anOpenEndedPayloadCoversTheRun() {
        PayloadRef p = payload("CEMC_meanTime", "CEMC_meanTime_new_newcdbtag_v008_68006.root", 68006, Long.MAX_VALUE);
        assertThat(verdict(MEAN_TIME, p).kind()).isEqualTo(Kind.UP_TO_DATE);
    }

    @Test
    void anotherTagIsOutdatedAndNamesTheFoundTag() {
        PayloadRef p = payload("CEMC_meanTime", "CEMC_meanTime_new_newcdbtag_v007_68006.root", 68006, 68007);
        CalibrationVerdict v = verdict(MEAN_TIME, p);
        assertThat(v.kind()).isEqualTo(Kind.OUTDATED);
        assertThat(v.foundTag()).contains("new_newcdbtag_v007");
        assertThat(v.detail()).isEqualTo(p.url());
    }

    /** The bug fixed 2025-07-22: '-' between tag and run made every run look outdated every day. */
    @Test
    void theOldDashDelimiterIsOutdatedWithoutAFoundTag() {
        CalibrationVerdict v = verdict(MEAN_TIME, payload("CEMC_meanTime", "CEMC_meanTime_new_newcdbtag_v008-68006.root", 68006, 68007));
        assertThat(v.kind()).isEqualTo(Kind.OUTDATED);
        assertThat(v.foundTag()).isEmpty();
    }

    @Test
    void aPayloadOfAnotherRunThatStillCoversThisOneIsOutdated() {
        CalibrationVerdict v = verdict(MEAN_TIME, payload("CEMC_meanTime", "CEMC_meanTime_new_newcdbtag_v008_68000.root", 68000, 69000));
        assertThat(v.kind()).isEqualTo(Kind.OUTDATED);
        assertThat(v.foundTag()).contains("new_newcdbtag_v008");
    }

    @Test
    void noPayloadOfTheTypeIsMissing() {
        CalibrationVerdict v = verdict(MEAN_TIME, payload("HCALIN_meanTime", "HCALIN_meanTime_new_newcdbtag_v008_68006.root", 68006, 68007));
        assertThat(v.kind()).isEqualTo(Kind.MISSING);
        assertThat(v.foundTag()).isEmpty();
        assertThat(v.detail()).isEqualTo("no payload of type CEMC_meanTime");
    }

    /** Client semantics §2.3: an IOV with {@code minor_iov_end <= run} is no payload, even the right file name. */
    @Test
    void anIovThatEndsAtTheRunIsMissing() {
        CalibrationVerdict v = verdict(MEAN_TIME, payload("CEMC_meanTime", "CEMC_meanTime_new_newcdbtag_v008_68006.root", 68005, 68006));
        assertThat(v.kind()).isEqualTo(Kind.MISSING);
        assertThat(v.detail()).startsWith("the payload of type CEMC_meanTime covers runs [68005, 68006), not run 68006: CEMC_meanTime/");
    }

    @Test
    void theDefaultFallbackCountsAsOutdated() {
        PayloadRef fallback = payload("CEMC_meanTime_default", "CEMC_meanTime_default.root", 0, Long.MAX_VALUE);
        CalibrationVerdict alone = verdict(MEAN_TIME, fallback);
        assertThat(alone.kind()).isEqualTo(Kind.OUTDATED);
        assertThat(alone.foundTag()).isEmpty();
        assertThat(alone.detail()).startsWith("only the fallback CEMC_meanTime_default covers run 68006: CEMC_meanTime_default/");
        // an ended payload of the type itself: the client falls back too
        PayloadRef ended = payload("CEMC_meanTime", "CEMC_meanTime_new_newcdbtag_v008_67000.root", 67000, 67001);
        assertThat(verdict(MEAN_TIME, ended, fallback).kind()).isEqualTo(Kind.OUTDATED);
        // a payload of the type that covers the run wins over the fallback
        PayloadRef good = payload("CEMC_meanTime", "CEMC_meanTime_new_newcdbtag_v008_68006.root", 68006, 68007);
        assertThat(verdict(MEAN_TIME, good, fallback).kind()).isEqualTo(Kind.UP_TO_DATE);
    }

    @Test
    void aFallbackThatDoesNotCoverTheRunLeavesItMissing() {
        PayloadRef fallback = payload("CEMC_meanTime_default", "CEMC_meanTime_default.root", 0, 100);
        assertThat(verdict(MEAN_TIME, fallback).kind()).isEqualTo(Kind.MISSING);
    }

    @Test
    void aRunGetsOneVerdictPerCalibrationInOrder() {
        Map<String, PayloadRef> served = Map.of(
                "CEMC_BadTowerMap", payload("CEMC_BadTowerMap", "EMCalHotMap_new_newcdbtag_v008_68006cdb.root", 68006, 68007),
                "CEMC_meanTime", payload("CEMC_meanTime", "CEMC_meanTime_ana509_2024p022_v001_68006.root", 68006, 68007));
        RunCdbState state = CdbVerdicts.judge(RUN, CalibrationSpec.DEFAULTS, served);
        assertThat(state.undecided()).isEmpty();
        assertThat(state.verdicts().keySet()).containsExactlyElementsOf(
                CalibrationSpec.DEFAULTS.stream().map(CalibrationSpec::payloadType).toList());
        assertThat(state.verdicts().values()).extracting(CalibrationVerdict::kind).containsExactly(
                Kind.UP_TO_DATE, Kind.OUTDATED, Kind.MISSING, Kind.MISSING, Kind.MISSING, Kind.MISSING, Kind.MISSING);
        assertThat(state.verdicts().get("CEMC_meanTime").foundTag()).isEqualTo(Optional.of("ana509_2024p022_v001"));
        assertThat(state.needsMaps()).isTrue();
    }

    @Test
    void aRunWithEveryMapUpToDateNeedsNone() {
        Map<String, PayloadRef> served = new java.util.HashMap<>();
        for (CalibrationSpec s : CalibrationSpec.DEFAULTS) {
            served.put(s.payloadType(), payload(s.payloadType(), s.expectedFileName(RUN), 68006, 68007));
        }
        RunCdbState state = CdbVerdicts.judge(RUN, CalibrationSpec.DEFAULTS, served);
        assertThat(state.needsMaps()).isFalse();
        assertThat(state.verdicts()).hasSize(7);
    }

    @Test
    void noCalibrationsIsAnError() {
        assertThatThrownBy(() -> CdbVerdicts.judge(RUN, List.of(), Map.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
