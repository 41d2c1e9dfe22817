package org.runops.studies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.testing.SharedData;

class StudyTableTest {
    @TempDir
    Path dir;

    static final StudyTable TRICKY = StudyTable.of(List.of("run_number", "note", "lumi", "stable", "code", "empty"),
            List.of(Arrays.asList(316201L, "a, \"quoted\" note", 1.08, true, "123", ""),
                    Arrays.asList(316202, "two\nlines", null, false, null, null),
                    Arrays.asList(316203, null, 2.5e-7, null, "x", "")));

    @Test
    void csvRoundTripKeepsTypesQuotesAndNulls() {
        Path csv = dir.resolve("t.csv");
        TRICKY.writeCsv(csv);
        StudyTable back = StudyTable.readCsv(csv);
        assertThat(back.columns()).isEqualTo(TRICKY.columns());
        for (int i = 0; i < TRICKY.size(); i++) {
            assertThat(back.row(i)).as("row %d", i).isEqualTo(TRICKY.row(i));
        }
        assertThat(back.value(0, "code")).isEqualTo("123"); // a quoted number stays a string
        assertThat(back.value(0, "empty")).isEqualTo(""); // "" is an empty string, an empty field null
        assertThat(back.value(1, "empty")).isNull();
        assertThat(dir.toFile().list()).containsExactly("t.csv"); // no temp file left behind
    }

    @Test
    void jsonOutputParsesBackToTheSameValues() throws IOException {
        StringWriter text = new StringWriter();
        TRICKY.writeJson(text);
        List<List<Object>> parsed = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(text.toString())) {
            assertThat(p.nextToken()).isEqualTo(JsonToken.START_ARRAY);
            while (p.nextToken() == JsonToken.START_OBJECT) {
                List<Object> row = new ArrayList<>();
                List<String> names = new ArrayList<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    names.add(p.currentName());
                    JsonToken t = p.nextToken();
                    row.add(switch (t) {
                        case VALUE_NULL -> null;
                        case VALUE_NUMBER_INT -> p.getLongValue();
                        case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
                        case VALUE_TRUE, VALUE_FALSE -> p.getBooleanValue();
                        default -> p.getText();
                    });
                }
                assertThat(names).isEqualTo(TRICKY.columns());
                parsed.add(row);
            }
        }
        assertThat(parsed).hasSize(3);
        for (int i = 0; i < parsed.size(); i++) {
            assertThat(parsed.get(i)).isEqualTo(TRICKY.row(i));
        }
        Path json = dir.resolve("sub/t.json");
        TRICKY.writeJson(json);
        StudyTable back = StudyTable.read(json);
        for (int i = 0; i < TRICKY.size(); i++) {
            assertThat(back.row(i)).isEqualTo(TRICKY.row(i));
        }
    }

    @Test
    void unquotedValuesAreTypedByTheirWholeText() {
        StudyTable t = StudyTable.readCsv(new java.io.StringReader(
                "v\n12\n-3.5e2\n.5\n123456789012345678901\n" + "6".repeat(5000) + "1a1\n1e\nTRUE\nNone\n"), "inline");
        assertThat(t.column("v")).containsExactly(12L, -350.0, 0.5, 1.23456789012345678901e20, "6".repeat(5000) + "1a1",
                "1e", true, null);
    }

    @Test
    void numericConvertsAndNamesBadValues() {
        assertThat(TRICKY.numeric("lumi")).containsExactly(1.08, Double.NaN, 2.5e-7);
        assertThat(TRICKY.numeric("stable")).containsExactly(1, 0, Double.NaN);
        assertThatThrownBy(() -> TRICKY.numeric("code")).isInstanceOf(StudyException.class)
                .hasMessageContaining("column code, row 2: not a number: \"x\"");
        assertThatThrownBy(() -> TRICKY.numeric("pileup")).hasMessageContaining("no column \"pileup\"; available: run_number");
    }

    @Test
    void withColumnAddsOrReplaces() {
        StudyTable t = TRICKY.withColumn("pc1", new double[] {1, Double.NaN, 3});
        assertThat(t.columns()).endsWith("pc1");
        assertThat(t.column("pc1")).containsExactly(1.0, null, 3.0);
        StudyTable again = t.withColumn("pc1", new double[] {4, 5, 6});
        assertThat(again.columns()).isEqualTo(t.columns());
        assertThat(again.column("pc1")).containsExactly(4.0, 5.0, 6.0);
        assertThat(TRICKY.columns()).doesNotContain("pc1"); // tables are immutable
        assertThatThrownBy(() -> TRICKY.withColumn("x", new double[] {1})).hasMessageContaining("1 values for 3 rows");
    }

    @Test
    void withColumnsAddsAndReplacesSeveralInOnePass() {
        StudyTable t = TRICKY.withColumn("pc1", new double[] {1, 2, 3});
        StudyTable both = t.withColumns(List.of("pc1", "pc2", "label"),
                List.of(List.of(7.0, 8.0, 9.0), java.util.Arrays.asList(null, 1L, 2L), List.of("a", "b", "c")));
        assertThat(both.columns()).endsWith("pc1", "pc2", "label").hasSize(t.columns().size() + 2);
        assertThat(both.column("pc1")).containsExactly(7.0, 8.0, 9.0);
        assertThat(both.column("pc2")).containsExactly(null, 1L, 2L);
        assertThat(TRICKY.withColumns(List.of("a", "b"), new double[][] {{1, Double.NaN, 3}, {4, 5, 6}}).column("a"))
                .containsExactly(1.0, null, 3.0);
        assertThatThrownBy(() -> TRICKY.withColumns(List.of("a"), new double[][] {{1, 2, 3}, {4, 5, 6}}))
                .hasMessageContaining("1 column names for 2 columns");
    }

    @Test
    void badInputIsRefusedWithItsPlace() throws IOException {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "a,b\n1,2\n3\n");
        assertThatThrownBy(() -> StudyTable.readCsv(csv)).isInstanceOf(StudyException.class)
                .hasMessageContaining(csv + ":3: expected 2 fields");
        Files.writeString(csv, "a,a\n1,2\n");
        assertThatThrownBy(() -> StudyTable.readCsv(csv)).hasMessageContaining("duplicate column a");
        Path json = dir.resolve("bad.json");
        Files.writeString(json, "[{\"a\": 1}, {\"a\": [1, 2]}]");
        assertThatThrownBy(() -> StudyTable.readJson(json)).hasMessageContaining("row 1, field a: expected a scalar");
        Files.writeString(json, "[{\"a\": 1}, {\"a\": ");
        assertThatThrownBy(() -> StudyTable.readJson(json)).hasMessageContaining(json + ": malformed JSON after 1 rows");
        assertThatThrownBy(() -> StudyTable.of(List.of("a"), List.of(List.of(new Object()))))
                .hasMessageContaining("unsupported value type");
    }

    @Test
    void readsTheSharedRunTables() {
        StudyTable runs = StudyTable.readCsv(SharedData.require("refrun/ReferenceRunRank/run_df.csv"));
        assertThat(runs.size()).isEqualTo(1231);
        assertThat(runs.value(0, "components")).isEqualTo("CTPPS;CTPPS_TOT;DAQ;DCS;DQM;SCAL;TCDS;TRG");
        assertThat(runs.value(0, "run_number")).isEqualTo(314206L);
        assertThat(runs.value(0, "stable_beam")).isEqualTo(false);
        assertThat(runs.value(0, "end_time")).isEqualTo("2018-04-13T15:13:07Z");
        Path copy = dir.resolve("copy.csv");
        runs.writeCsv(copy);
        StudyTable back = StudyTable.readCsv(copy);
        for (int i = 0; i < runs.size(); i++) {
            assertThat(back.row(i)).isEqualTo(runs.row(i));
        }
    }
}
