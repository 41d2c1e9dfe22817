package org.runops.runregistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.runops.runregistry.RrFilter.Op;

/** Golden renderings of filters in the server's grammar (spec D§6, O§4 examples) and the short forms. */
class RrFilterTest {

    private static String json(RrFilter f) {
        return f.toJson();
    }

    @Test
    void noFilterRendersEmpty() {
        assertThat(json(RrFilter.none())).isEqualTo("{}");
        assertThat(RrFilter.none().isEmpty()).isTrue();
        assertThat(RrFilter.and(RrFilter.none(), RrFilter.none()).isEmpty()).isTrue();
        assertThat(RrFilter.or(RrFilter.none(), RrFilter.runRange(1, 2)).toJson()).isEqualTo("{}");
        assertThat(RrFilter.or(RrFilter.none(), RrFilter.runRange(1, 2)).isEmpty()).isTrue();
        assertThat(RrFilter.runRange(1, 2).isEmpty()).isFalse();
    }

    @Test
    void theSpecExampleRendersAsTheServerWritesIt() {
        RrFilter f = RrFilter.and(RrFilter.runRange(309000, 310000), RrFilter.oms("hlt_key", Op.LIKE, "%collisions%"),
                RrFilter.rr("class", Op.LIKE, "%Collisions%"), RrFilter.triplet("tracker-strip", FlagStatus.GOOD),
                RrFilter.workspaceState("tracker", "COMPLETED"), RrFilter.name(Op.NOTLIKE, "%Express%"));
        assertThat(json(f)).isEqualTo("{\"run_number\":{\"and\":[{\">=\":309000},{\"<=\":310000}]},"
                + "\"oms_attributes.hlt_key\":{\"like\":\"%collisions%\"},\"rr_attributes.class\":{\"like\":\"%Collisions%\"},"
                + "\"triplet_summary.tracker-strip.GOOD\":{\">\":0},\"dataset_attributes.tracker_state\":{\"=\":\"COMPLETED\"},"
                + "\"name\":{\"notlike\":\"%Express%\"}}");
    }

    @Test
    void alternativesOnOneKeyBecomeItsOrList() {
        RrFilter f = RrFilter.or(RrFilter.runNumber(333333), RrFilter.runNumber(322222), RrFilter.or(RrFilter.runNumber(1), RrFilter.runNumber(2)));
        assertThat(json(f)).isEqualTo("{\"run_number\":{\"or\":[{\"=\":333333},{\"=\":322222},{\"=\":1},{\"=\":2}]}}");
    }

    @Test
    void alternativesAcrossKeysGoToATopLevelOr() {
        RrFilter f = RrFilter.or(RrFilter.triplet("tracker-strip", FlagStatus.BAD), RrFilter.triplet("tracker-pixel", FlagStatus.BAD));
        assertThat(json(f)).isEqualTo("{\"or\":[{\"triplet_summary.tracker-strip.BAD\":{\">\":0}},{\"triplet_summary.tracker-pixel.BAD\":{\">\":0}}]}");
        RrFilter both = RrFilter.and(f, RrFilter.or(RrFilter.name(Op.EQ, "online"), RrFilter.runNumber(Op.GT, 5)), RrFilter.runNumber(Op.LT, 9));
        assertThat(json(both)).isEqualTo("{\"or\":[{\"triplet_summary.tracker-strip.BAD\":{\">\":0}},{\"triplet_summary.tracker-pixel.BAD\":{\">\":0}}],"
                + "\"and\":[{\"or\":[{\"name\":{\"=\":\"online\"}},{\"run_number\":{\">\":5}}]}],\"run_number\":{\"<\":9}}");
        assertThat(json(RrFilter.or(RrFilter.none(), RrFilter.runNumber(1)))).isEqualTo("{}");
    }

    @Test
    void valuesKeepTheirJsonTypes() {
        assertThat(json(RrFilter.and(RrFilter.rr("significant", Op.EQ, true), RrFilter.oms("b_field", Op.GE, 3.7),
                RrFilter.oms("energy", Op.LE, 7000)))).isEqualTo(
                "{\"rr_attributes.significant\":{\"=\":true},\"oms_attributes.b_field\":{\">=\":3.7},\"oms_attributes.energy\":{\"<=\":7000}}");
    }

    @Test
    void shortFormsAsThePythonClientReadsThem() {
        assertThat(json(RrFilter.parse("tracker-strip: GOOD"))).isEqualTo("{\"triplet_summary.tracker-strip.GOOD\":{\">\":0}}");
        assertThat(json(RrFilter.parse("tracker-strip=good"))).isEqualTo("{\"triplet_summary.tracker-strip.GOOD\":{\">\":0}}");
        assertThat(json(RrFilter.parse("run_number: [355100, 355200]")))
                .isEqualTo("{\"run_number\":{\"and\":[{\">=\":355100},{\"<=\":355200}]}}");
        assertThat(json(RrFilter.parse("run_number: 355100"))).isEqualTo("{\"run_number\":{\"=\":355100}}");
        assertThat(json(RrFilter.parse("class: Collisions22"))).isEqualTo("{\"rr_attributes.class\":{\"=\":\"Collisions22\"}}");
        assertThat(json(RrFilter.parse("significant: true"))).isEqualTo("{\"rr_attributes.significant\":{\"=\":true}}");
        assertThat(json(RrFilter.parse("tracker_state: COMPLETED"))).isEqualTo("{\"dataset_attributes.tracker_state\":{\"=\":\"COMPLETED\"}}");
        assertThat(json(RrFilter.parse("energy: >= 6000"))).isEqualTo("{\"oms_attributes.energy\":{\">=\":6000}}");
        assertThat(json(RrFilter.parse("hlt_key: like %physics%"))).isEqualTo("{\"oms_attributes.hlt_key\":{\"like\":\"%physics%\"}}");
        assertThat(json(RrFilter.parse("dataset_name: NOTLIKE %Express%"))).isEqualTo("{\"name\":{\"notlike\":\"%Express%\"}}");
        assertThat(json(RrFilter.parse("name: '/PromptReco/Collisions2018A/DQM'"))).isEqualTo("{\"name\":{\"=\":\"/PromptReco/Collisions2018A/DQM\"}}");
        assertThat(json(RrFilter.parse("oms_attributes.b_field: > 3.5"))).isEqualTo("{\"oms_attributes.b_field\":{\">\":3.5}}");
        assertThat(json(RrFilter.parse("stop_reason: <> ''"))).isEqualTo("{\"rr_attributes.stop_reason\":{\"<>\":\"\"}}");
        assertThat(json(RrFilter.parse("short_run: true"))).isEqualTo("{\"rr_attributes.short_run\":{\"=\":true}}");
        assertThat(json(RrFilter.parse("appeared_in: DQM GUI"))).isEqualTo("{\"dataset_attributes.appeared_in\":{\"=\":\"DQM GUI\"}}");
        assertThat(json(RrFilter.parse("global_state: OPEN"))).isEqualTo("{\"dataset_attributes.global_state\":{\"=\":\"OPEN\"}}");
        assertThat(json(RrFilter.parse("fill_number: 8000"))).isEqualTo("{\"oms_attributes.fill_number\":{\"=\":8000}}");
        assertThat(json(RrFilter.parse("oms_attributes.my_new_field: 1"))).isEqualTo("{\"oms_attributes.my_new_field\":{\"=\":1}}");
    }

    @Test
    void mapFormsAsThePythonClientTakesThem() {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("run_number", Map.of("or", List.of(333333, 322222)));
        form.put("tracker-strip", "GOOD");
        form.put("energy", Map.of(">=", 6000));
        form.put("class", "Collisions18");
        assertThat(json(RrFilter.parse(form))).isEqualTo("{\"run_number\":{\"or\":[{\"=\":333333},{\"=\":322222}]},"
                + "\"triplet_summary.tracker-strip.GOOD\":{\">\":0},\"oms_attributes.energy\":{\">=\":6000},\"rr_attributes.class\":{\"=\":\"Collisions18\"}}");
        assertThat(json(RrFilter.parse(Map.of("run_number", List.of(1, 2))))).isEqualTo("{\"run_number\":{\"and\":[{\">=\":1},{\"<=\":2}]}}");
    }

    @Test
    void badFiltersAreRefusedEarlyWithTheReason() {
        assertThatThrownBy(() -> RrFilter.parse("tracker-strip: GREAT")).hasMessageContaining("status");
        assertThatThrownBy(() -> RrFilter.parse("tracker-strip")).hasMessageContaining("key: value");
        assertThatThrownBy(() -> RrFilter.parse("run_number: [a, 5]")).hasMessageContaining("two numbers");
        assertThatThrownBy(() -> RrFilter.where("runs", Op.EQ, 1)).hasMessageContaining("unknown filter key 'runs'");
        assertThatThrownBy(() -> RrFilter.where("run_number", Op.LIKE, 1)).hasMessageContaining("compares text");
        assertThatThrownBy(() -> RrFilter.rr("significant", Op.GT, true)).hasMessageContaining("boolean");
        assertThatThrownBy(() -> RrFilter.runRange(5, 4)).hasMessageContaining("ascend");
        assertThatThrownBy(() -> RrFilter.parse("clas: Collisions22")).hasMessageContaining("'clas'")
                .hasMessageContaining("oms_attributes.clas").hasMessageContaining("rr_attributes.clas");
        assertThatThrownBy(() -> RrFilter.parse("xyz_state: OPEN")).hasMessageContaining("'xyz_state'");
        assertThatThrownBy(() -> RrFilter.parse(Map.of("energyy", 6500))).hasMessageContaining("'energyy'");
        assertThatThrownBy(() -> RrFilter.parse("run_number: [5, 3]")).hasMessageContaining("run_number: [5, 3]").hasMessageContaining("ascend");
        assertThatThrownBy(() -> RrFilter.parse(Map.of("b_field", List.of(3.8, 0.1)))).hasMessageContaining("b_field").hasMessageContaining("ascend");
        assertThat(json(RrFilter.parse("run_number: [5, 5]"))).isEqualTo("{\"run_number\":{\"and\":[{\">=\":5},{\"<=\":5}]}}");
        assertThatThrownBy(() -> RrFilter.parse("name: like%Prompt%")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("put a space after like").hasMessageContaining("'name: like %Prompt%'");
        assertThatThrownBy(() -> RrFilter.parse("hlt_key: NOTLIKE'%cosmic%'")).hasMessageContaining("put a space after NOTLIKE");
        assertThat(json(RrFilter.parse("stop_reason: likely beam loss"))).isEqualTo("{\"rr_attributes.stop_reason\":{\"=\":\"likely beam loss\"}}");
        assertThatThrownBy(() -> Op.parse("~")).hasMessageContaining("= > < >= <= <> like notlike");
    }
}
