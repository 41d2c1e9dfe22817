package org.runops.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunRecordTest {

    /** Failed before: Map.copyOf gave the attributes in hash order. */
    @Test
    void attributesKeepTheSourcesOrder() {
        Map<String, String> a = new LinkedHashMap<>();
        for (String name : new String[] {"components", "l1_key", "duration", "b_field", "init_lumi", "era", "fill_number",
            "energy", "end_lumi", "hlt_key", "sequence", "init_lumi_unit"}) {
            a.put(name, "x");
        }
        RunRecord r = new RunRecord(377254, null, null, a);
        assertThat(r.attributes().keySet()).containsExactlyElementsOf(a.keySet());
        assertThatThrownBy(() -> r.attributes().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void typedAccessorsReadTheWellKnownAttributesWithTheirUnits() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("components", "CSC;DAQ;TRACKER");
        a.put("duration", "1525");
        a.put("b_field", "3.8");
        a.put("init_lumi", "1.5");
        a.put("energy", "7101.0");
        a.put("fill_number", "9322");
        a.put("last_lumisection_number", "66");
        a.put("run_type", "cosmics");
        a.put("init_lumi_unit", "10^{33}cm^{-2}s^{-1}");
        RunRecord r = new RunRecord(377254, Instant.parse("2024-02-29T22:39:23Z"), null, a);
        assertThat(r.fill()).hasValue(9322);
        assertThat(r.bField()).hasValue(new Quantity(3.8, "T"));
        assertThat(r.energy()).hasValue(new Quantity(7101, "GeV"));
        assertThat(r.initLumi()).hasValue(new Quantity(1.5, "10^{33}cm^{-2}s^{-1}"));
        assertThat(r.initLumi().orElseThrow().inReferenceUnit().value()).isEqualTo(0.15);
        assertThat(r.endLumi()).isEmpty();
        assertThat(r.duration()).hasValue(Duration.ofSeconds(1525));
        assertThat(r.lastLumisection()).hasValue(66);
        assertThat(r.runType()).hasValue("cosmics");
        assertThat(r.list("components")).containsExactly("CSC", "DAQ", "TRACKER");
        assertThat(r.events()).isEmpty();
        assertThat(r.partitions()).isEmpty();
    }

    @Test
    void durationFallsBackToEndMinusStartAndBadNumbersNameTheRun() {
        RunRecord r = new RunRecord(5, Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-01T01:00:00Z"),
                Map.of("events", "many", "partitions", "TI_27-JAN-2010_2;TM_09-JUN-2009_1"));
        assertThat(r.duration()).hasValue(Duration.ofHours(1));
        assertThat(r.partitions()).containsExactly("TI_27-JAN-2010_2", "TM_09-JUN-2009_1");
        assertThatThrownBy(r::events).isInstanceOf(CatalogException.class).hasMessageContaining("run 5").hasMessageContaining("many");
        assertThatThrownBy(() -> new RunRecord(0, null, null, Map.of())).isInstanceOf(IllegalArgumentException.class);
        Map<String, String> withNull = new LinkedHashMap<>();
        withNull.put("era", null);
        assertThatThrownBy(() -> new RunRecord(7, null, null, withNull)).hasMessageContaining("run 7: attribute era is null");
    }

    @Test
    void aTableOfRunsHasTheTimesThenEveryAttributeInFirstSeenOrder() {
        Map<String, String> first = new LinkedHashMap<>();
        first.put("state", "closed");
        first.put("events", "1750");
        Map<String, String> second = new LinkedHashMap<>();
        second.put("b_field", "3.8");
        second.put("state", "open");
        RunTable t = RunTable.of(java.util.List.of(new RunRecord(1, null, Instant.parse("2024-01-01T00:00:00Z"), first),
                new RunRecord(2, null, null, second)));
        assertThat(t.columns()).containsExactly("run_number", "start_time", "end_time", "state", "events", "b_field");
        assertThat(t.rows().get(0)).containsExactly("1", null, "2024-01-01T00:00:00Z", "closed", "1750", null);
        assertThat(t.rows().get(1)).containsExactly("2", null, null, "open", null, "3.8");
    }
}
