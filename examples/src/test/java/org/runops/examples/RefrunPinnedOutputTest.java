package org.runops.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.runops.examples.Launcher.runops;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.runops.examples.Launcher.Run;
import org.runops.testing.SharedData;

/**
 * recommend and evaluate on the March-2024 dump print, to the last digit of every learned weight and score, what
 * the build before issue 13 printed (the files in refrun-pinned/): making learning cheaper must not move a bit.
 */
class RefrunPinnedOutputTest {
    private static final String DUMP = "refrun/ReferenceRunRank/AllRunsRefRuns_Mar5_2024.json";

    @Test
    void recommendLearningAllButTheRunPrintsThePinnedWeightsAndRanking() throws IOException {
        assertThat(json("refrun", "recommend", "370670", "--dataset", "/PromptReco/Cosmics23/DQM", "--history", dump(), "--format", "json"))
                .isEqualTo(pinned("recommend-370670-all-but.json"));
    }

    @Test
    void recommendAsOfTheRunPrintsThePinnedWeightsAndRanking() throws IOException {
        assertThat(json("refrun", "recommend", "370670", "--dataset", "/PromptReco/Cosmics23/DQM", "--history", dump(), "--format", "json",
                "--as-of-run")).isEqualTo(pinned("recommend-370670-as-of-run.json"));
    }

    @Test
    void evaluateFromRun363000PrintsThePinnedMetricsAndWeights() throws IOException {
        assertThat(json("refrun", "evaluate", "--history", dump(), "--from-run", "363000", "--format", "json"))
                .isEqualTo(pinned("evaluate-from-363000.json"));
    }

    private static String dump() {
        return SharedData.require(DUMP).toString();
    }

    private static String json(String... args) {
        Run r = runops(args);
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r.out();
    }

    private static String pinned(String name) throws IOException {
        try (InputStream in = RefrunPinnedOutputTest.class.getResourceAsStream("/refrun-pinned/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
