package org.runops.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.strip.PassReport;

/** The demo covers every row of the decision table, and each run ends as the table says. */
class StripDemoTest {

    @TempDir
    Path tmp;

    @Test
    void everyDecisionAppears() {
        PassReport report = new StripDemo(tmp, System.getProperty("java.class.path")).run();
        Map<Long, String> reasons = report.results().stream()
                .collect(Collectors.toMap(PassReport.RunResult::run, r -> r.decision() + " " + r.reason()));
        assertThat(reasons.get(400100L)).startsWith("SKIP NOT_IN_RUN_DB");
        assertThat(reasons.get(400101L)).startsWith("SKIP RUN_NOT_FINISHED");
        assertThat(reasons.get(400102L)).startsWith("SKIP RECENTLY_FINISHED");
        assertThat(reasons.get(400103L)).startsWith("IGNORED MODE_NOT_ANALYSED");
        assertThat(reasons.get(400104L)).startsWith("SKIP PARTITION_ON_OTHER_HOST");
        assertThat(reasons.get(400105L)).startsWith("SKIP ANALYSIS_RUNNING");
        assertThat(reasons.get(400106L)).startsWith("GOOD ZERO_EVENT_RUN");
        assertThat(reasons.get(400107L)).startsWith("GOOD VALIDATED");
        assertThat(reasons.get(400108L)).startsWith("GOOD VALIDATED");
        assertThat(reasons.get(400109L)).startsWith("FAILED VALIDATION_FAILED").contains("MISMATCH");
        assertThat(reasons.get(400110L)).startsWith("GOOD VALIDATED");
        assertThat(reasons.get(400111L)).startsWith("FAILED VALIDATION_FAILED").contains("OUTPUT_RECOVERED");
        assertThat(reasons.get(400112L)).startsWith("SKIP LEASED").contains("srv-s2b17-30-01");
        assertThat(tmp.resolve("ledgers/failedruns.txt")).hasContent("run400109 True False True True\nrun400111 True False True True");
    }
}
