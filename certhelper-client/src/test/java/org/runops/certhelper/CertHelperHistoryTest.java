package org.runops.certhelper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.runops.core.RunopsException;
import org.runops.core.refrun.Evaluation;
import org.runops.core.refrun.HistoryBaselines;
import org.runops.core.refrun.RunReferencePair;

/** The real dumps in shared/data/refrun (skipped when absent), and the baselines replayed on them. */
class CertHelperHistoryTest {

    @Test
    void everyKnownFormatLoads() {
        List<RunReferencePair> march2024 = CertHelperHistory.read(RefrunData.march2024());
        assertThat(march2024).hasSize(10448);
        assertThat(march2024.get(0)).isEqualTo(new RunReferencePair(313098, "express", 312727, "express", "To Be Defined"));
        assertThat(CertHelperHistory.read(RefrunData.require("RefRunAnalysis/runRefRunPairs.json"))).hasSize(4350);
        List<RunReferencePair> old = CertHelperHistory.read(RefrunData.require("ReferenceRunRank/json_allRunsRefRuns.json"));
        assertThat(old).hasSize(4061);
        assertThat(old.get(0).dataset()).isEmpty();
    }

    @Test
    void nullDatasetsUnknownFieldsAndBadRows() {
        String json = "[{\"run_number\": 5, \"reference_run_number\": 3, \"dataset\": null, \"extra\": {\"a\": [1]}},"
                + " {\"run_number\": \"6\", \"reference_run_number\": 3, \"dataset\": \"/Express/Collisions2022/DQM\"}]";
        List<RunReferencePair> pairs = CertHelperHistory.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test");
        assertThat(pairs).extracting(RunReferencePair::dataset).containsExactly("", "/Express/Collisions2022/DQM");
        assertThatThrownBy(() -> CertHelperHistory.parse(new ByteArrayInputStream("[{\"run_number\": 5}]".getBytes(StandardCharsets.UTF_8)), "u"))
                .isInstanceOf(RunopsException.class).hasMessageContaining("row 0");
        assertThatThrownBy(() -> CertHelperHistory.parse(new ByteArrayInputStream("[{\"run_number\": 5,".getBytes(StandardCharsets.UTF_8)), "cut"))
                .isInstanceOf(RunopsException.class).hasMessageContaining("cut").hasMessageContaining("malformed JSON");
    }

    @Test
    void textAfterTheClosingBracketIsAnError() {
        String rows = "[{\"run_number\": 5, \"reference_run_number\": 3}]";
        assertThat(CertHelperHistory.parse(bytes(rows + "\n  \n"), "dump.json")).hasSize(1);
        assertThatThrownBy(() -> CertHelperHistory.parse(bytes(rows + " [{\"run_number\": 6}]"), "dump.json"))
                .isInstanceOf(RunopsException.class).hasMessage("dump.json: unexpected '[' after the closing ] of the 1 rows");
        assertThatThrownBy(() -> CertHelperHistory.parse(bytes(rows + "garbage"), "dump.json"))
                .isInstanceOf(RunopsException.class).hasMessageStartingWith("dump.json: malformed JSON after 1 rows");
    }

    @Test
    @org.junit.jupiter.api.Timeout(10)
    void aDumpThatIsNotARegularFileIsNamedAndNeverBlocks(@org.junit.jupiter.api.io.TempDir Path tmp) {
        Path fifo = org.runops.testing.Fifos.create(tmp.resolve("AllRunsRefRuns.json"));
        assertThatThrownBy(() -> CertHelperHistory.read(fifo)).isInstanceOf(RunopsException.class)
                .hasMessage(fifo + ": is a FIFO (named pipe), not a regular file");
        assertThatThrownBy(() -> CertHelperHistory.read(tmp.resolve("gone.json"))).hasMessage(tmp.resolve("gone.json") + ": does not exist");
    }

    private static ByteArrayInputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void writtenDumpsReadBackAsTheSamePairs() {
        List<RunReferencePair> pairs = List.of(new RunReferencePair(355100, "express", 355000, "express", "/Express/Collisions2022/DQM"),
                new RunReferencePair(355101, "prompt", 355001, "prompt", "a,\"b\""),
                new RunReferencePair(200000, "", 199000, "", ""));
        StringWriter out = new StringWriter();
        CertHelperHistory.write(pairs, out, "dump.json");
        assertThat(out.toString()).startsWith("[\n{\"run_number\":355100,\"run_reconstruction_type\":\"express\",")
                .contains("},\n{").endsWith("\"dataset\":null}\n]\n");
        assertThat(CertHelperHistory.parse(new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)), "dump.json"))
                .isEqualTo(pairs);
        StringWriter none = new StringWriter();
        CertHelperHistory.write(List.of(), none, "empty.json");
        assertThat(CertHelperHistory.parse(new ByteArrayInputStream(none.toString().getBytes(StandardCharsets.UTF_8)), "empty.json")).isEmpty();
    }

    /** Spec §2.5 measured "previous reference in the same dataset" at 0.931 on this dump; the replay reproduces it. */
    @Test
    void baselinesOnTheMarch2024Dump() {
        List<RunReferencePair> history = CertHelperHistory.read(RefrunData.march2024());
        Map<String, Evaluation.Metrics> m = Evaluation.replay(history,
                List.of(HistoryBaselines.previousInDataset(), HistoryBaselines.mostRecentlyUsed()));
        Evaluation.Metrics previous = m.get("previous reference in dataset");
        assertThat(previous.targets()).isEqualTo(10448);
        assertThat(previous.top1()).isBetween(0.90, 0.95);
        assertThat(previous.top3()).isGreaterThanOrEqualTo(previous.top1());
        assertThat(previous.mrr()).isBetween(previous.top1(), previous.top5());
    }
}
