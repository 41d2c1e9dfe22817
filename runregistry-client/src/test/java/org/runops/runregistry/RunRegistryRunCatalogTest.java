package org.runops.runregistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.runops.runregistry.RrTestServer.json;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.runops.core.run.CatalogException;
import org.runops.core.run.RunRecord;

/** The catalogue over a loopback Run Registry; the raw runs page is built from spec D§6 (no real sample). */
class RunRegistryRunCatalogTest {
    private static final String PAGE = """
            {"runs": [
              {"run_number": 355101, "oms_attributes": {"energy": 6800, "b_field": 3.8, "components": ["DAQ", "TRACKER"],
                "start_time": "2022-07-05T10:00:00Z", "end_time": "2022-07-05T11:30:00Z", "hlt_key": null},
               "rr_attributes": {"class": "Collisions22", "state": "SIGNOFF", "significant": true},
               "DatasetTripletCache": {"triplet_summary": {"tracker-strip": {"GOOD": 120, "causes": [], "comments": []},
                 "tracker-pixel": {"GOOD": 100, "STANDBY": 20, "causes": [], "comments": []}}}},
              {"run_number": 355100, "oms_attributes": {"energy": 6800, "start_time": "not a time"},
               "rr_attributes": {"class": "Collisions22", "state": "OPEN", "significant": false}, "DatasetTripletCache": null}
            ], "count": 2, "pages": 1}""";

    @Test
    void runsOfARangeThatPassTheFilterAscending() throws IOException {
        try (RrTestServer rr = new RrTestServer(s -> json(PAGE)); RunRegistryClient client = rr.builder().build()) {
            RunRegistryRunCatalog catalog = RunRegistryRunCatalog.of(client, RrFilter.parse("class: Collisions22"));
            List<RunRecord> runs = catalog.runs(355100, 355200);
            assertThat(runs).extracting(RunRecord::run).containsExactly(355100L, 355101L);
            RunRecord r = runs.get(1);
            assertThat(r.start()).isEqualTo(Instant.parse("2022-07-05T10:00:00Z"));
            assertThat(r.end()).isEqualTo(Instant.parse("2022-07-05T11:30:00Z"));
            assertThat(r.attributes()).containsEntry("energy", "6800").containsEntry("b_field", "3.8")
                    .containsEntry("components", "DAQ;TRACKER").containsEntry("rr_class", "Collisions22")
                    .containsEntry("rr_significant", "true").containsEntry("rr_tracker-strip", "GOOD")
                    .containsEntry("rr_tracker-pixel", "GOOD=100 STANDBY=20").doesNotContainKey("hlt_key");
            assertThat(runs.get(0).start()).isNull();
            assertThat(runs.get(0).attributes()).containsEntry("start_time", "not a time").containsEntry("rr_state", "OPEN");
            assertThat(rr.requests.get(0).body().toString()).isEqualTo("{\"page\":0,\"page_size\":50,\"filter\":{\"rr_attributes.class\":"
                    + "{\"=\":\"Collisions22\"},\"run_number\":{\"and\":[{\">=\":355100},{\"<=\":355200}]}},\"sortings\":[[\"run_number\",\"ASC\"]]}");
        }
    }

    @Test
    void failuresAreCatalogExceptionsNamingRunRegistry() throws IOException {
        try (RrTestServer rr = new RrTestServer(s -> json("{\"err\": \"boom\"}")); RunRegistryClient client = rr.builder().build()) {
            assertThatThrownBy(() -> RunRegistryRunCatalog.of(client, RrFilter.none()).runs(1, 2)).isInstanceOf(CatalogException.class)
                    .hasMessageContaining("Run Registry run catalogue").hasMessageContaining("boom");
            assertThatThrownBy(() -> RunRegistryRunCatalog.of(client, RrFilter.none()).runs(2, 1)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
