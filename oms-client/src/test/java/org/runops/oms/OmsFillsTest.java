package org.runops.oms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.runops.oms.OmsTestServer.json;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OmsFillsTest {

    @TempDir
    Path tmp;

    /** Fills 6600..6700 exist; 6650 is still going on; 6614 has a negative bunches_colliding. */
    private static mockwebserver3.MockResponse fills(mockwebserver3.RecordedRequest r) {
        HttpUrl u = r.getUrl();
        long ge = Math.max(6600, Long.parseLong(u.queryParameter("filter[fill_number][GE]")));
        long le = Math.min(6700, Long.parseLong(u.queryParameter("filter[fill_number][LE]")));
        StringBuilder b = new StringBuilder("{\"data\":[");
        for (long f = ge; f <= le; f++) {
            b.append(f > ge ? "," : "").append("{\"id\":\"").append(f).append("\",\"type\":\"fills\",\"attributes\":{\"fill_number\":")
                    .append(f).append(",\"bunches_colliding\":").append(f == 6614 ? -1 : 2544).append(",\"end_time\":")
                    .append(f == 6650 ? "null" : "\"2018-05-01T00:00:00Z\"").append("}}");
        }
        long total = Math.max(0, le - ge + 1);
        return json(b.append("],\"meta\":{\"totalResourceCount\":").append(total).append("}}").toString());
    }

    @Test
    void fillsComeFromOneRangeQueryThenFromTheCache() throws IOException {
        try (OmsTestServer oms = new OmsTestServer(OmsFillsTest::fills); OmsClient client = oms.client()) {
            OmsFills fills = new OmsFills(client, OmsCache.at(tmp));
            Map<Long, OmsFill> got = fills.fills(List.of(6614L, 6650L, 6675L, 9999L));
            assertThat(got).containsOnlyKeys(6614L, 6650L, 6675L);
            assertThat(got.get(6614L).bunchesColliding()).isEmpty();
            assertThat(got.get(6675L).bunchesColliding()).hasValue(2544);
            assertThat(oms.requests).extracting(u -> u.queryParameter("filter[fill_number][GE]") + "-"
                    + u.queryParameter("filter[fill_number][LE]")).containsExactly("6614-7613", "9999-9999"); // spans of at most 1000 numbers
            int before = oms.requests.size();
            assertThat(fills.fill(6675)).isPresent();
            assertThat(fills.fill(6614)).isPresent();
            assertThat(oms.requests).hasSize(before); // finished fills: from the cache
            assertThat(fills.fill(6650)).isPresent();
            assertThat(oms.requests).hasSize(before + 1); // still going on: asked again
            assertThatThrownBy(() -> fills.fill(0)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
