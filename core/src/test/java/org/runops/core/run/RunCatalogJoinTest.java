package org.runops.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunCatalogJoinTest {
    private static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");
    private static final Instant T1 = Instant.parse("2024-03-01T11:00:00Z");

    /** A catalogue over fixed records that remembers the ranges it was asked for. */
    static final class Fixed implements RunCatalog {
        final List<RunRecord> records;
        final List<String> asked = new ArrayList<>();

        Fixed(RunRecord... records) {
            this.records = List.of(records);
        }

        @Override
        public List<RunRecord> runs(long first, long last) {
            asked.add(first + ".." + last);
            return records.stream().filter(r -> r.run() >= first && r.run() <= last).toList();
        }
    }

    static Map<String, String> attrs(String... nameValue) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            m.put(nameValue[i], nameValue[i + 1]);
        }
        return m;
    }

    @Test
    void thePrimaryDecidesWhichRunsExistAndWinsOnAClash() {
        Fixed fff = new Fixed(new RunRecord(101, null, null, attrs("events", "1750", "state", "closed")),
                new RunRecord(103, null, null, attrs("state", "open")));
        Fixed oms = new Fixed(new RunRecord(100, T0, T1, attrs("b_field", "0.0")),
                new RunRecord(101, T0, T1, attrs("b_field", "3.8", "state", "from OMS")),
                new RunRecord(102, T0, T1, attrs("b_field", "3.8")));
        Fixed rundb = new Fixed(new RunRecord(101, T1, null, attrs("b_field", "never", "run_type", "PEDESTAL")));
        RunCatalog joined = RunCatalog.join(fff, oms, rundb);

        List<RunRecord> runs = joined.runs(1, 1000);
        assertThat(runs).extracting(RunRecord::run).containsExactly(101L, 103L);
        RunRecord r = runs.get(0);
        assertThat(r.attributes()).containsExactly(Map.entry("events", "1750"), Map.entry("state", "closed"),
                Map.entry("b_field", "3.8"), Map.entry("run_type", "PEDESTAL"));
        assertThat(r.start()).isEqualTo(T0); // fff knows no start: OMS's, before the RUN database's
        assertThat(r.end()).isEqualTo(T1);
        assertThat(runs.get(1).attributes()).containsOnlyKeys("state");
        assertThat(oms.asked).containsExactly("101..103"); // only the span the primary has
        assertThat(joined.runNumbers(1, 1000)).containsExactly(101L, 103L);
        assertThat(joined.run(101)).contains(r);
    }

    @Test
    void aFailingSecondaryFailsTheWholeAnswer() {
        Fixed fff = new Fixed(new RunRecord(101, null, null, Map.of()));
        RunCatalog down = (first, last) -> {
            throw new CatalogException("OMS run catalogue https://cmsoms.cern.ch/agg/api/v1: HTTP 503");
        };
        assertThatThrownBy(() -> RunCatalog.join(fff, down).runs(1, 1000)).isInstanceOf(CatalogException.class)
                .hasMessageContaining("catalogue 2 of 2").hasMessageContaining("no runs are returned")
                .hasMessageContaining("cmsoms.cern.ch").hasCauseInstanceOf(CatalogException.class);
        assertThat(RunCatalog.join(new Fixed(), down).runs(1, 1000)).isEmpty(); // nothing to add to: not asked
    }
}
