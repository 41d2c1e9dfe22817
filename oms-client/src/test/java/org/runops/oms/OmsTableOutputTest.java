package org.runops.oms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.runops.oms.internal.RowMap;
import org.runops.testing.SharedData;

/**
 * The bytes of {@code runops oms runs --format csv|json} (OmsTable's writers), pinned with the output of the
 * boxed-table writers they replaced (main @ 6031299): the real 2024 rows by length and SHA-256, and rows with
 * different attribute sets, every kind of value and every character CSV or JSON must escape in full.
 */
class OmsTableOutputTest {

    @Test
    void csvOfMixedRowsWithEveryKindOfValue() {
        assertThat(csv(edgeRows(), List.of())).isEqualTo(
                "\"run_number\",\"text\",\"uni\",\"bom\",\"empty_list\",\"list\",\"nan\",\"inf\",\"ninf\",\"dbl\",\"big\",\"small\","
                + "\"neg0\",\"long\",\"bool\",\"nul\",\"int\",\"numtext\",\"ctrl\",\"empty\",\"pi\",\"tiny\",\"max\",\"third\",\"e7\","
                + "\"e6\",\"lmax\",\"other\",\"nested\",\"map\",\"float\",\"short\",\"byte\",\"bigdec\",\"line_sep\",\"text_unit\","
                + "\"dbl_unit\",\"other_unit\"\n"
                + "1,\"a,\"\"b\"\"\nc\rd\",\"Zürich µ ✓ 𝄞 ü\",\"\uFEFFx\",\"\",\"A;B,C;q\"\"d\",,Infinity,-Infinity,1.0E-5,1.0E21,0.002,"
                + "-0.0,-9223372036854775808,false,,7,\"123\",\"\u0001\t\\/\b\f\u001f\u007f\",\"\",3.141592653589793,4.9E-324,"
                + "1.7976931348623157E308,0.3333333333333333,1.0E7,9999999.0,9223372036854775807,,,,,,,,,\"u,\"\"q\"\"\",\"cm\",\n"
                + "2,,,,,,,,,2.5,,,,,true,,,,,,,,,,,,,\"x\",\"1;2.5;null;x\",\"{a=1}\",1.100000023841858,3,-4,\"1.50\",\"a\u2028b\",,"
                + "\"mm\",\"u\"\n"
                + "\"run-x\",\"\",,,,\"only\",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,\n"
                + "7,,,,,,,,,-1.5E-300,,,,,,,,,,,,,,,,,,,,,,,,,,\"v\",,\n");
    }

    @Test
    void jsonOfMixedRowsWithEveryKindOfValue() {
        String json = json(edgeRows(), List.of());
        assertThat(json).startsWith("[ {\n  \"run_number\" : 1,\n  \"text\" : \"a,\\\"b\\\"\\nc\\rd\",\n  \"uni\" : \"Zürich µ ✓ 𝄞 ü\",\n")
                .contains("  \"nan\" : \"NaN\",\n  \"inf\" : \"Infinity\",\n  \"ninf\" : \"-Infinity\",\n  \"dbl\" : 1.0E-5,\n",
                        "  \"ctrl\" : \"\\u0001\\t\\\\/\\b\\f\\u001F\u007f\",\n",
                        "  \"nested\" : \"1;2.5;null;x\",\n  \"map\" : \"{a=1}\",\n  \"float\" : 1.1,\n  \"short\" : 3,\n  \"byte\" : -4,\n"
                                + "  \"bigdec\" : 1.50,\n  \"line_sep\" : \"a\u2028b\",\n",
                        "}, {\n  \"run_number\" : \"run-x\",\n  \"text\" : \"\",\n")
                .endsWith("  \"text_unit\" : \"v\",\n  \"dbl_unit\" : null,\n  \"other_unit\" : null\n} ]\n");
        assertPinned(json, 2886, "2cbec1d78b8e691b70d60e607a45b89d9af1d13c78ea903ef6b039812a9b3243");
    }

    @Test
    void aProjectionKeepsToItsFieldsWithTheirUnits() {
        List<String> fields = List.of("dbl", "missing", "text");
        assertThat(csv(edgeRows(), fields)).isEqualTo("\"run_number\",\"dbl\",\"missing\",\"text\",\"dbl_unit\",\"text_unit\"\n"
                + "1,1.0E-5,,\"a,\"\"b\"\"\nc\rd\",\"cm\",\"u,\"\"q\"\"\"\n"
                + "2,2.5,,,\"mm\",\n"
                + "\"run-x\",,,\"\",,\n"
                + "7,-1.5E-300,,,,\"v\"\n");
        assertThat(json(edgeRows(), fields)).isEqualTo("[ {\n"
                + "  \"run_number\" : 1,\n  \"dbl\" : 1.0E-5,\n  \"missing\" : null,\n  \"text\" : \"a,\\\"b\\\"\\nc\\rd\",\n"
                + "  \"dbl_unit\" : \"cm\",\n  \"text_unit\" : \"u,\\\"q\\\"\"\n"
                + "}, {\n"
                + "  \"run_number\" : 2,\n  \"dbl\" : 2.5,\n  \"missing\" : null,\n  \"text\" : null,\n  \"dbl_unit\" : \"mm\",\n"
                + "  \"text_unit\" : null\n"
                + "}, {\n"
                + "  \"run_number\" : \"run-x\",\n  \"dbl\" : null,\n  \"missing\" : null,\n  \"text\" : \"\",\n  \"dbl_unit\" : null,\n"
                + "  \"text_unit\" : null\n"
                + "}, {\n"
                + "  \"run_number\" : 7,\n  \"dbl\" : -1.5E-300,\n  \"missing\" : null,\n  \"text\" : null,\n  \"dbl_unit\" : null,\n"
                + "  \"text_unit\" : \"v\"\n"
                + "} ]\n");
    }

    @Test
    void anAttributeNamedLikeAUnitColumnKeepsItsNameAndValue() {
        List<OmsRecord> rows = List.of(
                record("5", Map.of("b_field", "T", "energy", "GeV"), "run_number", 5L, "b_field", 3.8, "b_field_unit", "tesla", "energy", 6800.0),
                record("6", Map.of("energy", "GeV"), "run_number", 6L, "energy", 6800.5));
        assertThat(csv(rows, List.of())).isEqualTo("\"run_number\",\"b_field\",\"b_field_unit\",\"energy\",\"energy_unit\"\n"
                + "5,3.8,\"tesla\",6800.0,\"GeV\"\n"
                + "6,,,6800.5,\"GeV\"\n");
        assertThat(json(rows, List.of())).isEqualTo("[ {\n"
                + "  \"run_number\" : 5,\n  \"b_field\" : 3.8,\n  \"b_field_unit\" : \"tesla\",\n  \"energy\" : 6800.0,\n"
                + "  \"energy_unit\" : \"GeV\"\n"
                + "}, {\n"
                + "  \"run_number\" : 6,\n  \"b_field\" : null,\n  \"b_field_unit\" : null,\n  \"energy\" : 6800.5,\n"
                + "  \"energy_unit\" : \"GeV\"\n"
                + "} ]\n");
    }

    @Test
    void noRowsIsAHeaderOrAnEmptyArray() {
        assertThat(csv(List.of(), List.of())).isEqualTo("\"run_number\"\n");
        assertThat(json(List.of(), List.of())).isEqualTo("[ ]\n");
    }

    @Test
    void realRunsOf2024ByteForByte() throws IOException {
        List<OmsRecord> rows = parse("oms/runs_377254-377296_int0185_2024-03.json");
        String csv = csv(rows, List.of());
        assertThat(csv).startsWith("\"run_number\",\"components\",\"l1_hlt_mode_stripped\",\"l1_key\",\"duration\",")
                .contains("\n377254,\"CSC;DAQ;DCS;DQM;DT;ECAL;ES;GEM;HCAL;PIXEL;TCDS;TRACKER;TRG\",\"cosmics2024/v15\",");
        assertPinned(csv, 14445, "73b06fbe0418cd25a96b73fbda1afdb54c922310e6e0bf024c038b45ac983ac8");
        assertPinned(json(rows, List.of()), 44968, "8283417ae4a628bf994fabaa4875286b9e73661cec9039ba5ed9d1a1938f15f4");
    }

    @Test
    void realProjectionsByteForByte() throws IOException {
        List<OmsRecord> l1 = parse("oms/runs_297050_fields_l1rate_l1menu.json");
        List<String> fields = List.of("l1_menu", "l1_rate");
        assertThat(csv(l1, fields)).isEqualTo("\"run_number\",\"l1_menu\",\"l1_rate\"\n297050,\"L1Menu_Collisions2017_dev_r5\",49130.85\n");
        assertThat(json(l1, fields)).isEqualTo("[ {\n  \"run_number\" : 297050,\n  \"l1_menu\" : \"L1Menu_Collisions2017_dev_r5\",\n"
                + "  \"l1_rate\" : 49130.85\n} ]\n");
        List<OmsRecord> seven = parse("oms/runs_297050-297056_fields.json");
        assertPinned(csv(seven, List.of()), 350, "15cb8c91eeba97d94f69652715047c6c1e54e6be3bbd132c370550facb561483");
        assertPinned(json(seven, List.of()), 688, "693c84d0e1ae2fd090b6a5b4fd28fdc3a36f7c91d3c0d0fa28629f2accff6f5e");
    }

    /**
     * Parsed rows are read by position in their page's shape: pages with other attributes, in another order,
     * one with a repeated name (a plain map) and one of the writers' own records, give what the same rows in
     * plain maps give.
     */
    @Test
    void parsedPagesOfDifferentShapesWriteAsTheSameRowsInPlainMaps() {
        List<OmsRecord> parsed = new ArrayList<>();
        parsed.addAll(OmsPage.parse(("{\"data\":[{\"id\":\"10\",\"attributes\":{\"run_number\":10,\"a\":1.5,\"b\":\"x\"},"
                + "\"meta\":{\"row\":{\"a\":{\"units\":\"cm\"}}}},{\"id\":\"11\",\"attributes\":{\"run_number\":11,\"a\":2.5,\"b\":null}}]}")
                .getBytes(StandardCharsets.UTF_8), "page 1").records());
        parsed.addAll(OmsPage.parse(("{\"data\":[{\"id\":\"12\",\"attributes\":{\"c\":[\"P\",\"Q\"],\"b\":\"y\",\"run_number\":12}},"
                + "{\"id\":\"13\",\"attributes\":{\"b\":\"z\",\"b\":\"last\",\"a\":3}}]}")
                .getBytes(StandardCharsets.UTF_8), "page 2").records());
        List<OmsRecord> plain = parsed.stream()
                .map(r -> new OmsRecord(r.id(), r.type(), new LinkedHashMap<>(r.attributes()), r.units())).toList();
        assertThat(plain).allSatisfy(r -> assertThat(r.attributes()).isNotInstanceOf(RowMap.class));
        String expected = "\"run_number\",\"a\",\"b\",\"c\",\"a_unit\"\n"
                + "10,1.5,\"x\",,\"cm\"\n"
                + "11,2.5,,,\n"
                + "12,,\"y\",\"P;Q\",\n"
                + "13,3,\"last\",,\n";
        assertThat(csv(parsed, List.of())).isEqualTo(csv(plain, List.of())).isEqualTo(expected);
        assertThat(json(parsed, List.of())).isEqualTo(json(plain, List.of()));
        assertThat(csv(parsed, List.of("c", "a"))).isEqualTo(csv(plain, List.of("c", "a")));
        assertThat(OmsTable.of(parsed, "run_number").rows()).isEqualTo(OmsTable.of(plain, "run_number").rows());
        assertThat(OmsTable.of(parsed, "run_number").rows().get(2)).containsExactly(12L, null, "y", "P;Q", null);
    }

    /** The writers hand the output on in whole records (CSV) or jackson's buffer (JSON), and flush once at the end. */
    @Test
    void writesWholeRecordsAndFlushesOnce() {
        List<OmsRecord> rows = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            rows.add(record(Integer.toString(1000 + i), Map.of("x", "cm"), "run_number", 1000L + i, "x", i * 0.5, "s", "row " + i));
        }
        CountingWriter csv = new CountingWriter();
        OmsTable.of(rows, "run_number").writeCsv(csv);
        assertThat(csv.writes).isEqualTo(1 + rows.size());
        assertThat(csv.flushes).isEqualTo(1);
        assertThat(csv.text).startsWith("\"run_number\",\"x\",\"s\",\"x_unit\"\n1000,0.0,\"row 0\",\"cm\"\n").endsWith("1499,249.5,\"row 499\",\"cm\"\n");
        CountingWriter json = new CountingWriter();
        OmsTable.of(rows, "run_number").writeJson(json);
        assertThat(json.writes).isLessThan(rows.size() / 10);
        assertThat(json.flushes).isLessThanOrEqualTo(1);
        assertThat(json.text.toString()).isEqualTo(json(rows, List.of()));
    }

    private static final class CountingWriter extends Writer {
        final StringBuilder text = new StringBuilder();
        int writes;
        int flushes;

        @Override
        public void write(char[] buf, int off, int len) {
            writes++;
            text.append(buf, off, len);
        }

        @Override
        public void write(String s, int off, int len) {
            writes++;
            text.append(s, off, off + len);
        }

        @Override
        public void flush() {
            flushes++;
        }

        @Override
        public void close() {}
    }

    /** Rows with different attribute sets, every kind of value and the characters CSV and JSON must escape. */
    static List<OmsRecord> edgeRows() {
        return List.of(
                record("1", Map.of("dbl", "cm", "text", "u,\"q\""),
                        "run_number", 1L, "text", "a,\"b\"\nc\rd", "uni", "Zürich µ ✓ 𝄞 ü", "bom", "\uFEFFx", "empty_list", List.of(),
                        "list", List.of("A", "B,C", "q\"d"), "nan", Double.NaN, "inf", Double.POSITIVE_INFINITY,
                        "ninf", Double.NEGATIVE_INFINITY, "dbl", 1.0E-5, "big", 1.0E21, "small", 0.002, "neg0", -0.0,
                        "long", Long.MIN_VALUE, "bool", false, "nul", null, "int", 7, "numtext", "123", "ctrl", "\u0001\t\\/\b\f\u001f\u007f",
                        "empty", "", "pi", Math.PI, "tiny", Double.MIN_VALUE, "max", Double.MAX_VALUE, "third", 1.0 / 3, "e7", 1.0E7,
                        "e6", 9999999.0, "lmax", Long.MAX_VALUE),
                record("2", Map.of("other", "u", "dbl", "mm"),
                        "other", "x", "dbl", 2.5, "nested", Arrays.asList(1L, 2.5, null, "x"), "map", Map.of("a", 1),
                        "bool", true, "float", 1.1f, "short", (short) 3, "byte", (byte) -4, "bigdec", new BigDecimal("1.50"),
                        "line_sep", "a\u2028b"),
                record("run-x", Map.of(), "text", "", "list", List.of("only")),
                record("007", Map.of("text", "v"), "dbl", -1.5E-300));
    }

    static OmsRecord record(String id, Map<String, String> units, Object... nameValue) {
        Map<String, Object> a = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            a.put((String) nameValue[i], nameValue[i + 1]);
        }
        return new OmsRecord(id, "runs", a, units);
    }

    private static List<OmsRecord> parse(String shared) throws IOException {
        Path file = SharedData.require(shared);
        return OmsPage.parse(Files.readAllBytes(file), file.toString()).records();
    }

    private static String csv(List<OmsRecord> rows, List<String> fields) {
        StringWriter out = new StringWriter();
        OmsTable.of(rows, "run_number", fields).writeCsv(out);
        return out.toString();
    }

    private static String json(List<OmsRecord> rows, List<String> fields) {
        StringWriter out = new StringWriter();
        OmsTable.of(rows, "run_number", fields).writeJson(out);
        return out.toString();
    }

    private static void assertPinned(String text, int utf8Length, String sha256) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertThat(bytes).hasSize(utf8Length);
        try {
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))).isEqualTo(sha256);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
