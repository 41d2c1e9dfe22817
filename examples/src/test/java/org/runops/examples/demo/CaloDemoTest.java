package org.runops.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.runops.calo.Plan;
import org.runops.calo.RunStatus;
import org.runops.calo.RunTag;
import org.runops.core.exec.batch.SubmissionOutcome.Kind;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CaloDemoTest {
    @TempDir
    Path work;

    @Test
    void everyVerdictAndBothJobOutcomesOccur() throws Exception {
        CaloDemo.Outcome o = CaloDemo.run(work);
        Plan p = o.executed().plan();
        assertThat(p.demo()).isTrue();
        assertThat(o.executed().directory().getFileName().toString()).endsWith("-DEMO-DATA");
        // 68006 (exactly 500,000 events) and 68008 (1,000) are below the threshold
        assertThat(p.catalogRuns()).extracting(RunTag::run).containsExactly(68001L, 68002L, 68003L, 68004L, 68005L, 68007L);
        assertThat(p.upToDate()).extracting(RunTag::run).containsExactly(68001L);
        assertThat(p.tasks()).filteredOn(t -> t.runTag().run() == 68003).singleElement()
                .satisfies(t -> assertThat(t.mapsNeeded()).containsExactly("CEMC_BadTowerMap"));
        assertThat(p.missingFiles()).singleElement().asString().contains("-00068005-00002");
        assertThat(o.status()).extracting(RunStatus::run).containsExactly(68002L, 68003L, 68004L, 68005L, 68007L);
        assertThat(o.status()).allSatisfy(s -> assertThat(s.latest().outcome().kind())
                .isEqualTo(s.run() == CaloDemo.FAILING_RUN ? Kind.FAILED : Kind.SUCCEEDED));
        assertThat(Files.readString(o.executed().directory().resolve("plan.json"))).contains("\"demo\" : true");
    }
}
