package org.runops.oms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.runops.testing.SharedData;

class OmsTableTest {

    static OmsRecord run(long number, Map<String, String> units, Object... nameValue) {
        Map<String, Object> a = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            a.put((String) nameValue[i], nameValue[i + 1]);
        }
        return new OmsRecord(Long.toString(number), "runs", a, units);
    }

    @Test
    void keyFirstThenAttributesThenUnitsInColumnOrder() {
        List<OmsRecord> rows = List.of(
                run(101, Map.of("end_lumi", "10^{33}cm^{-2}s^{-1}"), "components", List.of("TRACKER", "PIXEL"), "run_number", 101L,
                        "init_lumi", 1.5, "end_lumi", 0.5),
                run(102, Map.of("init_lumi", "10^{33}cm^{-2}s^{-1}", "end_lumi", "10^{33}cm^{-2}s^{-1}"), "run_number", 102L,
                        "init_lumi", 2.5, "stable_beam", true, "hlt_key", "/cdaq/physics/a,\"b\""));
        OmsTable t = OmsTable.of(rows, "run_number");
        assertThat(t.columns()).containsExactly("run_number", "components", "init_lumi", "end_lumi", "stable_beam", "hlt_key",
                "init_lumi_unit", "end_lumi_unit");
        assertThat(t.rows().get(0)).containsExactly(101L, "TRACKER;PIXEL", 1.5, 0.5, null, null, null, "10^{33}cm^{-2}s^{-1}");
        StringWriter csv = new StringWriter();
        t.writeCsv(csv);
        assertThat(csv.toString()).isEqualTo(
                "\"run_number\",\"components\",\"init_lumi\",\"end_lumi\",\"stable_beam\",\"hlt_key\",\"init_lumi_unit\",\"end_lumi_unit\"\n"
                + "101,\"TRACKER;PIXEL\",1.5,0.5,,,,\"10^{33}cm^{-2}s^{-1}\"\n"
                + "102,,2.5,,true,\"/cdaq/physics/a,\"\"b\"\"\",\"10^{33}cm^{-2}s^{-1}\",\"10^{33}cm^{-2}s^{-1}\"\n");
        StringWriter json = new StringWriter();
        t.writeJson(json);
        assertThat(json.toString()).contains("\"components\" : \"TRACKER;PIXEL\"", "\"stable_beam\" : null", "\"stable_beam\" : true");
    }

    @Test
    void aProjectionGetsItsKeyFromTheIdAndKeepsToItsFieldsInTheirOrder() throws IOException {
        Path json = SharedData.require("oms/runs_297050_fields_l1rate_l1menu.json");
        List<OmsRecord> rows = OmsPage.parse(Files.readAllBytes(json), json.toString()).records();
        OmsTable t = OmsTable.of(rows, "run_number", List.of("l1_menu", "l1_rate"));
        assertThat(t.columns()).containsExactly("run_number", "l1_menu", "l1_rate");
        assertThat(t.rows().get(0).get(0)).isEqualTo(297050L);
        assertThat(OmsTable.of(rows, "run_number", List.of("l1_rate")).columns()).containsExactly("run_number", "l1_rate");
    }

    @Test
    void realRunsOf2024() throws IOException {
        Path json = SharedData.require("oms/runs_377254-377296_int0185_2024-03.json");
        List<OmsRecord> rows = OmsPage.parse(Files.readAllBytes(json), json.toString()).records();
        OmsTable t = OmsTable.of(rows, "run_number");
        assertThat(t.size()).isEqualTo(28);
        assertThat(t.columns()).hasSize(1 + 42 + 6).startsWith("run_number", "components", "l1_hlt_mode_stripped")
                .endsWith("init_lumi_unit", "recorded_lumi_unit", "delivered_lumi_unit", "end_lumi_unit", "beta_star_start_unit",
                        "beta_star_stop_unit");
        assertThat(t.rows()).allSatisfy(r -> assertThat(r.get(1)).asString().contains(";").doesNotContain(","));
    }
}
