package org.runops.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The table and option parsing of the harness mains, on synthetic values: a failed row shows no number. */
class TimingTableTest {
    @Test
    void aRowThatFailedAfterTwoSamplesShowsNoNumber() {
        TimingTable t = new TimingTable("client", List.of("wall s", "CPU s"));
        t.add("bad", 1.0, 2.0);
        t.add("bad", 3.0, 4.0);
        t.fail("bad", "output differs");
        t.add("good", 1.0, Double.NaN);
        t.add("good", 2.0, Double.NaN);

        String md = t.markdown();
        assertThat(md).contains("| client | n | wall s | CPU s | output |");
        assertThat(md.lines().filter(l -> l.startsWith("| bad |")).findFirst().orElseThrow()).isEqualTo("| bad | 2 | **FAILED** |  | output differs |");
        assertThat(md.lines().filter(l -> l.startsWith("| good |")).findFirst().orElseThrow()).isEqualTo("| good | 2 | 1.50 (1.00–2.00) | n/a |  |");
        assertThat(TimingTable.median(new double[] {1, 2, 3, 4})).isEqualTo(2.5);
        assertThat(TimingTable.median(new double[] {1, 2, 9})).isEqualTo(2);
    }

    @Test
    void optionsAreCheckedByName() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("runs", "20000");
        defaults.put("variant", null);

        HarnessArgs a = new HarnessArgs(new String[] {"--runs=5", "--variant", "a=x", "--variant=b=y"}, defaults);
        assertThat(a.positiveInt("runs")).isEqualTo(5);
        assertThat(a.all("variant")).containsExactly("a=x", "b=y");
        assertThat(new HarnessArgs(new String[0], defaults).get("runs")).isEqualTo("20000");
        assertThatThrownBy(() -> new HarnessArgs(new String[] {"--rns", "5"}, defaults)).hasMessageContaining("unknown option --rns; known: --runs, --variant");
        assertThatThrownBy(() -> new HarnessArgs(new String[] {"--runs"}, defaults)).hasMessageContaining("option --runs needs a value");
        assertThatThrownBy(() -> new HarnessArgs(new String[] {"runs"}, defaults)).hasMessageContaining("expected an option --name value, got 'runs'");
        assertThatThrownBy(() -> new HarnessArgs(new String[] {"--runs", "0"}, defaults).positiveInt("runs")).hasMessageContaining("positive integer, got '0'");
    }
}
