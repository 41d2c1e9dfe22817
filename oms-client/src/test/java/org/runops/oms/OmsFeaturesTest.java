package org.runops.oms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.runops.core.refrun.FeatureTable;
import org.runops.testing.SharedData;

class OmsFeaturesTest {

    private static List<OmsRun> runs(String file) throws IOException {
        Path p = SharedData.require("oms/" + file);
        return OmsPage.parse(Files.readAllBytes(p), p.toString()).records().stream().map(OmsRun::from).toList();
    }

    @Test
    void luminositiesOfEveryEraEndInOneUnit() throws IOException {
        List<OmsRun> all = new ArrayList<>(runs("runs_297050_full_int0185.json")); // 10^{30}
        all.addAll(runs("runs_377254-377296_int0185_2024-03.json"));              // 10^{33}
        FeatureTable t = OmsFeatures.table(all, List.of());
        assertThat(t.size()).isEqualTo(29);
        assertThat(t.columns()).isEqualTo(OmsFeatures.COLUMNS);
        int row = t.rowOf(297050);
        assertThat(t.value(row, OmsFeatures.COLUMNS.indexOf("init_lumi"))).isCloseTo(0.68852, within(1e-5));
        assertThat(t.value(row, OmsFeatures.COLUMNS.indexOf("duration"))).isEqualTo(18444);
        assertThat(t.value(row, OmsFeatures.COLUMNS.indexOf("b_field"))).isEqualTo(3.799);
        assertThat(t.value(row, OmsFeatures.COLUMNS.indexOf("bunches_colliding"))).isNaN(); // no fills given
        OmsRun run2024 = all.stream().filter(r -> r.runNumber() != 297050 && r.initLumi().isPresent()).findFirst().orElseThrow();
        assertThat(t.value(t.rowOf(run2024.runNumber()), 0)).isCloseTo(run2024.initLumi().get().value() / 10, within(1e-9));
    }

    @Test
    void fillsJoinOnTheFillNumberAndBadValuesAreMissing() {
        OmsRun withFill = OmsRun.from(new OmsRecord("1", "runs", Map.of("run_number", 1L, "fill_number", 7L, "init_lumi", 2.0),
                Map.of("init_lumi", "furlongs")));
        OmsRun withoutFill = OmsRun.from(new OmsRecord("2", "runs", Map.of("run_number", 2L), Map.of()));
        OmsFill fill = OmsFill.from(new OmsRecord("7", "fills", Map.of("fill_number", 7L, "bunches_colliding", 2544L, "peak_pileup", 55.5),
                Map.of()));
        FeatureTable t = OmsFeatures.table(List.of(withFill, withoutFill), List.of(fill));
        int bunches = OmsFeatures.COLUMNS.indexOf("bunches_colliding");
        assertThat(t.value(t.rowOf(1), bunches)).isEqualTo(2544);
        assertThat(t.value(t.rowOf(1), OmsFeatures.COLUMNS.indexOf("peak_pileup"))).isEqualTo(55.5);
        assertThat(t.value(t.rowOf(1), 0)).isNaN(); // a unit nobody can convert is missing, not a number in the wrong unit
        assertThat(t.value(t.rowOf(2), bunches)).isNaN();
    }
}
