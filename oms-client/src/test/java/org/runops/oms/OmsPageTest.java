package org.runops.oms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.runops.oms.OmsTestServer.bytes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.runops.testing.SharedData;

/** Parsing real OMS responses from ../shared/data/oms and small inline ones. */
class OmsPageTest {

    private static OmsPage parseShared(String name) throws IOException {
        Path file = SharedData.require("oms/" + name);
        return OmsPage.parse(Files.readAllBytes(file), file.toString());
    }

    @Test
    void fullRun297050HasEveryAttributeAndRowUnits() throws IOException {
        OmsPage page = parseShared("runs_297050_full_int0185.json");
        assertThat(page.totalResourceCount()).isEqualTo(1);
        assertThat(page.metaUnits()).isEmpty();
        OmsRecord r = page.records().get(0);
        assertThat(r.id()).isEqualTo("297050");
        assertThat(r.type()).isEqualTo("runs");
        assertThat(r.attributes()).hasSize(43).containsEntry("run_number", 297050L).containsEntry("b_field", 3.799)
                .containsEntry("stable_beam", true).containsEntry("era", "2017B").containsEntry("fill_number", 5839L);
        assertThat(r.attributes().get("components")).isEqualTo(List.of("CSC", "CTPPS", "CTPPS_TOT", "DAQ", "DCS", "DQM", "DT",
                "ECAL", "ES", "HCAL", "HF", "PIXEL", "RPC", "SCAL", "TCDS", "TRACKER", "TRG"));
        assertThat(r.units()).containsEntry("init_lumi", "10^{30}cm^{-2}s^{-1}").containsEntry("delivered_lumi", "pb^{-1}")
                .containsEntry("crossing_angle_start", "{\\mu}rad").hasSize(8);
        assertThat(r.attributes().keySet()).startsWith("components", "l1_hlt_mode_stripped", "l1_key"); // server order kept
    }

    @Test
    void page2024Has28RunsWith10To33Units() throws IOException {
        OmsPage page = parseShared("runs_377254-377296_int0185_2024-03.json");
        assertThat(page.records()).hasSize(28);
        assertThat(page.totalResourceCount()).isEqualTo(28);
        assertThat(page.records()).allSatisfy(r -> {
            assertThat(r.type()).isEqualTo("runs");
            assertThat(r.attributes()).containsKey("run_number");
        });
        assertThat(page.records().stream().map(r -> r.units().get("init_lumi")).distinct())
                .contains("10^{33}cm^{-2}s^{-1}");
        List<Long> runs = page.records().stream().map(r -> (Long) r.attributes().get("run_number")).toList();
        assertThat(runs).allMatch(n -> n >= 377254 && n <= 377296);
    }

    @Test
    void projectionsHaveNoUnitsAndKeepNulls() throws IOException {
        OmsPage one = parseShared("runs_297050_fields_l1rate_l1menu.json");
        assertThat(one.records().get(0).attributes()).containsOnlyKeys("l1_rate", "l1_menu");
        assertThat(one.records().get(0).units()).isEmpty();

        OmsPage range = parseShared("runs_297050-297056_fields.json");
        assertThat(range.records()).extracting(OmsRecord::id)
                .containsExactly("297050", "297051", "297052", "297053", "297054", "297055", "297056");
        OmsRecord nullRate = range.records().get(5);
        assertThat(nullRate.attributes()).containsEntry("l1_rate", null);
        assertThat(nullRate.value("l1_rate")).isEmpty();
    }

    @Test
    void lumisectionPageReportsTheTotalOfTheWholeQuery() throws IOException {
        OmsPage page = parseShared("lumisections_315190-315290_page1_limit1000.json");
        assertThat(page.records()).hasSize(1000);
        assertThat(page.totalResourceCount()).isEqualTo(4655);
        assertThat(page.records().get(0).id()).isEqualTo("315190_1");
        assertThat(page.records().get(0).attributes()).containsEntry("lumisection_number", 1L).containsEntry("fill_number", 6614L);
    }

    @Test
    void includeMetaUnitsFillInRowsWithoutTheirOwn() {
        String json = """
                {"data":[
                  {"id":"1","type":"runs","attributes":{"init_lumi":2.0,"delivered_lumi":5.0}},
                  {"id":"2","type":"runs","attributes":{"init_lumi":3.0},"meta":{"row":{"init_lumi":{"units":"10^{34}cm^{-2}s^{-1}"}}}}],
                 "meta":{"totalResourceCount":2,"fields":{"init_lumi":{"units":"10^{30}cm^{-2}s^{-1}","searchable":true},
                                                        "delivered_lumi":{"units":"pb^{-1}"},"run_number":{"units":null}}}}
                """;
        OmsPage page = OmsPage.parse(bytes(json), "inline");
        assertThat(page.metaUnits()).containsOnlyKeys("init_lumi", "delivered_lumi");
        assertThat(page.records().get(0).units()).containsEntry("init_lumi", "10^{30}cm^{-2}s^{-1}").containsEntry("delivered_lumi", "pb^{-1}");
        assertThat(page.records().get(1).units()).containsOnlyKeys("init_lumi").containsEntry("init_lumi", "10^{34}cm^{-2}s^{-1}");
    }

    @Test
    void emptyResultIsFineAndATotalMayBeAbsent() {
        OmsPage empty = OmsPage.parse(bytes("{\"data\":[],\"meta\":{\"totalResourceCount\":0}}"), "inline");
        assertThat(empty.records()).isEmpty();
        assertThat(empty.totalResourceCount()).isZero();
        assertThat(OmsPage.parse(bytes("{\"data\":[]}"), "inline").totalResourceCount()).isEqualTo(-1);
    }

    @Test
    void valueKindsAreMappedAndUnknownFieldsSkipped() {
        String json = "{\"jsonapi\":{\"version\":\"1.0\"},\"data\":[{\"id\":\"7\",\"type\":\"fills\",\"relationships\":{\"a\":{\"links\":{}}},"
                + "\"attributes\":{\"i\":12345678901,\"d\":-1.5e-3,\"s\":\"x\",\"t\":true,\"f\":false,\"n\":null,"
                + "\"big\":123456789012345678901234567890,\"o\":{\"nested\":[1,2]},\"l\":[\"A\",null,3]}}]}";
        OmsRecord r = OmsPage.parse(bytes(json), "inline").records().get(0);
        assertThat(r.attributes()).containsEntry("i", 12345678901L).containsEntry("d", -1.5e-3).containsEntry("s", "x")
                .containsEntry("t", true).containsEntry("f", false).containsEntry("n", null).containsEntry("o", null)
                .containsEntry("l", List.of("A", "3"));
        assertThat(r.attributes().get("big")).isInstanceOf(Double.class);
    }

    @Test
    void aSingleResourceObjectIsOneRow() {
        OmsPage page = OmsPage.parse(bytes("{\"data\":{\"id\":\"297050\",\"type\":\"runs\",\"attributes\":{\"run_number\":297050}}}"), "one");
        assertThat(page.records()).extracting(OmsRecord::id).containsExactly("297050");
    }

    @Test
    void aResponseWithoutDataIsAnError() {
        assertThatThrownBy(() -> OmsPage.parse(bytes("{\"errors\":[{\"detail\":\"bad filter\"}]}"), "https://oms/runs"))
                .isInstanceOf(OmsException.class).hasMessageContaining("https://oms/runs").hasMessageContaining("no data array");
        assertThatThrownBy(() -> OmsPage.parse(bytes("[1,2]"), "src")).isInstanceOf(OmsException.class).hasMessageContaining("src");
        assertThatThrownBy(() -> OmsPage.parse(bytes("{\"data\":[{\"type\":\"runs\"}]}"), "src"))
                .isInstanceOf(OmsException.class).hasMessageContaining("row 0 has no id");
    }

    @Test
    void truncatedJsonNamesTheSourceRowAndOffset() throws IOException {
        byte[] whole = SharedData.available()
                ? Files.readAllBytes(SharedData.require("oms/runs_377254-377296_int0185_2024-03.json"))
                : bytes(OmsTestServer.runsPage(377254, 0, 28, 28));
        byte[] cut = Arrays.copyOf(whole, whole.length / 2);
        assertThatThrownBy(() -> OmsPage.parse(cut, "runs-2024.json"))
                .isInstanceOf(OmsException.class)
                .hasMessageContaining("runs-2024.json")
                .hasMessageMatching("(?s).*row \\d+ at byte \\d+.*");
        for (int len = 1; len < 200; len += 7) { // every cut of a small page fails loudly
            byte[] small = Arrays.copyOf(bytes(OmsTestServer.runsPage(1, 0, 1, 1)), len);
            assertThatThrownBy(() -> OmsPage.parse(small, "cut")).isInstanceOf(OmsException.class);
        }
    }

    @Test
    void nestingIsBounded() {
        String deep = "{\"data\":[{\"id\":\"1\",\"attributes\":{\"x\":" + "[".repeat(100) + "]".repeat(100) + "}}]}";
        assertThatThrownBy(() -> OmsPage.parse(bytes(deep), "deep")).isInstanceOf(OmsException.class).hasMessageContaining("deep");
    }

    @Test
    void rowsOfDifferentShapesKeepTheirOwnAttributesInOrder() {
        String json = "{\"data\":["
                + "{\"id\":\"1\",\"attributes\":{\"a\":1,\"b\":null,\"c\":\"x\"}},"
                + "{\"id\":\"2\",\"attributes\":{\"a\":2,\"b\":true,\"c\":\"y\"}},"
                + "{\"id\":\"3\",\"attributes\":{\"a\":3,\"c\":\"z\",\"b\":false,\"d\":4.5}},"
                + "{\"id\":\"4\",\"attributes\":{\"a\":4}},"
                + "{\"id\":\"5\",\"attributes\":{\"a\":5,\"a\":6}},"
                + "{\"id\":\"6\",\"attributes\":{}}]}";
        List<OmsRecord> rows = OmsPage.parse(bytes(json), "shapes").records();
        assertThat(rows.get(0).attributes()).containsExactly(entry("a", 1L), entry("b", null), entry("c", "x"));
        assertThat(rows.get(1).attributes()).containsExactly(entry("a", 2L), entry("b", true), entry("c", "y"));
        assertThat(rows.get(2).attributes()).containsExactly(entry("a", 3L), entry("c", "z"), entry("b", false), entry("d", 4.5));
        assertThat(rows.get(3).attributes()).containsExactly(entry("a", 4L));
        assertThat(rows.get(3).attributes().get("b")).isNull();
        assertThat(rows.get(3).attributes().containsKey("b")).isFalse();
        assertThat(rows.get(4).attributes()).containsExactly(entry("a", 6L)); // a repeated name: the last wins
        assertThat(rows.get(5).attributes()).isEmpty();
        assertThat(rows.get(0).attributes()).isEqualTo(new java.util.HashMap<>(rows.get(0).attributes()));
        assertThatThrownBy(() -> rows.get(1).attributes().put("a", 9L)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> rows.get(1).attributes().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    private static java.util.Map.Entry<String, Object> entry(String k, Object v) {
        return new java.util.AbstractMap.SimpleImmutableEntry<>(k, v);
    }
}
