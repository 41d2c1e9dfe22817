package org.runops.calo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.runops.calo.CaloException;
import org.runops.calo.PayloadRef;

/** The {@code payloadiovs} answer in its shapes; the real example rows are in {@code RestCdbLookupTest}. */
class PayloadIovsTest {
    private static Map<String, PayloadRef> parse(String json) {
        return PayloadIovs.parse(json.getBytes(StandardCharsets.UTF_8), "GET test");
    }

    @Test
    void positionalRowsOf7And8And9Columns() {
        Map<String, PayloadRef> p = parse("[[\"A\", \"a.root\", \"c1\", 0, 10, 0, 20],"
                + " [\"B\", \"b.root\", \"c2\", 1234, 0, 11, 0, 21],"
                + " [\"C\", \"c.root\", null, null, 0, 12, 9223372036854775807, 9223372036854775807, null]]");
        assertThat(p).containsExactly(
                Map.entry("A", new PayloadRef("A", "a.root", "c1", 10, 20)),
                Map.entry("B", new PayloadRef("B", "b.root", "c2", 11, 21)),
                Map.entry("C", new PayloadRef("C", "c.root", "", 12, Long.MAX_VALUE)));
    }

    @Test
    void dictRowsAndMixedShapes() {
        Map<String, PayloadRef> p = parse("[{\"payload_type_name\": \"A\", \"payload_url\": \"a.root\", \"checksum\": \"c1\","
                + " \"size\": null, \"major_iov\": 0, \"minor_iov\": 10, \"major_iov_end\": 0, \"minor_iov_end\": 20,"
                + " \"revision\": {\"x\": [1]}}, [\"B\", \"b.root\", \"c2\", 5, 0, 11, 0, 21]]");
        assertThat(p.get("A")).isEqualTo(new PayloadRef("A", "a.root", "c1", 10, 20));
        assertThat(p.get("B")).isEqualTo(new PayloadRef("B", "b.root", "c2", 11, 21));
    }

    @Test
    void anEmptyAnswerIsNoPayloadAtAll() {
        assertThat(parse("[]")).isEmpty();
    }

    @Test
    void badAnswersNameTheSourceAndTheRow() {
        assertThatThrownBy(() -> parse("{\"detail\": \"Not found.\"}")).isInstanceOf(CaloException.class)
                .hasMessage("GET test: expected a JSON array of payload IOV rows");
        assertThatThrownBy(() -> parse("[[\"A\", \"a\", \"c\", 0, 1]]")).hasMessage("GET test: row 0 has 5 columns, expected 7 (no size), 8 or 9");
        assertThatThrownBy(() -> parse("[[\"A\", \"a\", \"c\", 0, 0, \"x\", 0, 2]]"))
                .hasMessage("GET test: row 0 (A) has no whole-number minor IOV");
        assertThatThrownBy(() -> parse("[[\"A\", null, \"c\", 0, 0, 1, 0, 2]]")).hasMessage("GET test: row 0 (A) has no payload URL");
        assertThatThrownBy(() -> parse("[{\"payload_url\": \"a\", \"minor_iov\": 1}]")).hasMessage("GET test: row 0 has no payload type name");
        assertThatThrownBy(() -> parse("[[\"A\", \"a\", \"c\", 0, 0, 1, 0, 2], [\"A\", \"b\", \"c\", 0, 0, 1, 0, 2]]"))
                .hasMessage("GET test: row 1 repeats payload type A");
        assertThatThrownBy(() -> parse("[[\"A\", \"a\", \"c\", 0, 0, 1, 0, 99999999999999999999]]"))
                .hasMessageContaining("beyond a 64-bit IOV");
        assertThatThrownBy(() -> parse("[[\"A\", \"a\", \"c\", 0, 0, 1, 0, 2]")).hasMessageStartingWith("GET test: malformed JSON at row 1");
        assertThatThrownBy(() -> parse("[] []")).hasMessage("GET test: text after the closing ] of the 0 rows");
        assertThatThrownBy(() -> parse("[3]")).hasMessage("GET test: row 0 is neither an array nor an object");
        assertThatThrownBy(() -> parse("")).hasMessage("GET test: expected a JSON array of payload IOV rows");
    }
}
