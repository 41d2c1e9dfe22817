package org.runops.datalogger.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatsHtmlPageTest {
    @TempDir
    Path dir;

    private static int count(String text, String part) {
        Matcher m = Pattern.compile(Pattern.quote(part), Pattern.CASE_INSENSITIVE).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void aHostileDeviceNameCannotCloseTheDataScript() {
        StatsHistory h = new StatsHistory("</script><script>alert(1)</script>", new double[] {StatsFixtures.DAY1},
                new double[] {2}, new double[] {1}, new double[] {Double.NaN}, new double[] {0});
        String page = StatsHtmlPage.render(List.of(h), ZoneId.of("America/Chicago"), "t", "p");
        // the template's own three scripts close, nothing else does
        assertThat(count(page, "</script")).isEqualTo(3);
        assertThat(page).contains("\\u003c/script\\u003e\\u003cscript\\u003ealert(1)");
    }

    @Test
    void thePageInlinesTheLibraryAndNeedsNoNetwork() throws Exception {
        Path db = StatsFixtures.twoDevices(dir, "simulated");
        Path html = dir.resolve("stats.html");
        try (StatsDatabase stats = StatsDatabase.open(db)) {
            StatsHtmlPage.write(stats, List.of(), ZoneId.of("America/Chicago"), html);
        }
        String page = Files.readString(html);
        assertThat(page).contains("uPlot 1.6.30").contains(".uplot").contains("\"name\":\"B:VIMIN\"")
                // real starts: 2020-03-10 00:00 Chicago is 05:00Z
                .contains("\"t\":[1583816400,1583902800]")
                .doesNotContain("src=\"http").doesNotContain("href=\"http").doesNotContain("@@")
                .contains("<p id=\"provenance\" class=\"simulated\">SIMULATED DATA: 2 files distilled by backend: acl 1, simulated 1</p>");
    }

    @Test
    void provenanceCountsTheBackends() {
        java.time.Instant at = java.time.Instant.EPOCH;
        assertThat(StatsHtmlPage.provenance(List.of(new DistilledFile("a.h5", 1, "acl", null, null, at, 1),
                new DistilledFile("b.h5", 2, "unknown", null, null, at, 1), new DistilledFile("c.h5", 3, "acl", null, null, at, 1))))
                .isEqualTo("3 files distilled by backend: acl 2, unknown 1");
        assertThat(StatsHtmlPage.provenance(List.of())).isEqualTo("0 files distilled");
    }
}
