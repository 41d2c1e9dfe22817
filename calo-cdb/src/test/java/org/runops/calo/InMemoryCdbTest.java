package org.runops.calo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.runops.calo.CalibrationVerdict.Kind;

/** The in-memory CDB stores and serves payloads as nopayloaddb does; its lookup judges as the REST one. */
class InMemoryCdbTest {
    private static final String TAG = "new_newcdbtag_v008";

    @Test
    void insertMakesTheRealStoredUrlFormAndAOneRunIov() {
        InMemoryCdb cdb = new InMemoryCdb();
        PayloadRef ref = cdb.globalTag("newcdbtag").insert("CEMC_meanTime", "CEMC_meanTime_" + TAG + "_68006.root", 68006);
        assertThat(ref.url()).matches("CEMC_meanTime/([0-9a-f]{2})/([0-9a-f]{2})/\\1\\2[0-9a-f]{28}_CEMC_meanTime_new_newcdbtag_v008_68006\\.root");
        assertThat(ref.url()).contains("/" + ref.checksum() + "_");
        assertThat(ref.firstRun()).isEqualTo(68006);
        assertThat(ref.endRun()).isEqualTo(68007);
        // stable: the same insert in another CDB gives the same URL (demos are reproducible)
        assertThat(new InMemoryCdb().globalTag("x").insert("CEMC_meanTime", "CEMC_meanTime_" + TAG + "_68006.root", 68006))
                .isEqualTo(ref);
    }

    @Test
    void servesPerTypeTheIovStartingLastAtOrBeforeTheRun() {
        InMemoryCdb.GlobalTag gt = new InMemoryCdb().globalTag("newcdbtag");
        PayloadRef open = gt.insert("CEMC_meanTime", "CEMC_meanTime_default.root", 0, Long.MAX_VALUE);
        PayloadRef one = gt.insert("CEMC_meanTime", "CEMC_meanTime_" + TAG + "_68006.root", 68006);
        PayloadRef other = gt.insert("HCALIN_meanTime", "HCALIN_meanTime_" + TAG + "_68010.root", 68010);
        assertThat(gt.payloadsAt(68005)).isEqualTo(Map.of("CEMC_meanTime", open));
        assertThat(gt.payloadsAt(68006)).isEqualTo(Map.of("CEMC_meanTime", one));
        assertThat(gt.payloadsAt(68011)).isEqualTo(Map.of("CEMC_meanTime", one, "HCALIN_meanTime", other));
        // re-inserting at the same run replaces (an upload after a new production)
        PayloadRef redone = gt.insert("CEMC_meanTime", "CEMC_meanTime_new_newcdbtag_v009_68006.root", 68006);
        assertThat(gt.payloadsAt(68006).get("CEMC_meanTime")).isEqualTo(redone);
    }

    @Test
    void theLookupJudgesWhatIsServed() {
        InMemoryCdb cdb = new InMemoryCdb();
        InMemoryCdb.GlobalTag gt = cdb.globalTag("newcdbtag");
        RunTag run = new RunTag(68006, TAG);
        gt.insert("CEMC_meanTime", CalibrationSpec.standard("CEMC_meanTime").expectedFileName(run), 68006);
        gt.insert("HCALIN_meanTime", "HCALIN_meanTime_new_newcdbtag_v007_68006.root", 68006);
        gt.insert("HCALOUT_meanTime_default", "HCALOUT_meanTime_default.root", 0, Long.MAX_VALUE);
        List<CalibrationSpec> specs = List.of(CalibrationSpec.standard("CEMC_meanTime"), CalibrationSpec.standard("HCALIN_meanTime"),
                CalibrationSpec.standard("HCALOUT_meanTime"), CalibrationSpec.standard("CEMC_hotTowers_fracBadChi2"));
        try (CdbLookup lookup = CdbLookup.inMemory(cdb, "newcdbtag")) {
            RunCdbState state = lookup.check(List.of(run), specs).get(0);
            assertThat(state.verdicts().values()).extracting(CalibrationVerdict::kind)
                    .containsExactly(Kind.UP_TO_DATE, Kind.OUTDATED, Kind.OUTDATED, Kind.MISSING);
            assertThat(state.verdicts().get("HCALIN_meanTime").foundTag()).contains("new_newcdbtag_v007");
            assertThat(lookup.describe()).isEqualTo("in-memory CDB, global tag newcdbtag");
        }
    }

    @Test
    void anUnknownGlobalTagFailsTheCheck() {
        InMemoryCdb cdb = new InMemoryCdb();
        cdb.globalTag("newcdbtag");
        try (CdbLookup lookup = CdbLookup.inMemory(cdb, "ProdA_2024")) {
            assertThatThrownBy(() -> lookup.check(List.of(new RunTag(68006, TAG)), CalibrationSpec.DEFAULTS))
                    .isInstanceOf(CaloException.class).hasMessage("in-memory CDB: no global tag 'ProdA_2024'; known: [newcdbtag]");
        }
    }

    @Test
    void badInsertsAreRefused() {
        InMemoryCdb.GlobalTag gt = new InMemoryCdb().globalTag("newcdbtag");
        assertThatThrownBy(() -> gt.insert("CEMC_meanTime", "a.root", 10, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> gt.insert("CEMC_meanTime", "dir/a.root", 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> gt.insert("a/b", "a.root", 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
