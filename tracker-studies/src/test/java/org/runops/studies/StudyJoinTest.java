package org.runops.studies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.certhelper.CertHelperHistory;
import org.runops.core.refrun.RunReferencePair;
import org.runops.oms.OmsPage;
import org.runops.oms.OmsRecord;
import org.runops.testing.SharedData;

class StudyJoinTest {
    @TempDir
    Path dir;

    static OmsRecord run(long number, Long fill, double initLumi, String unit) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("run_number", number);
        a.put("fill_number", fill);
        a.put("init_lumi", initLumi);
        a.put("components", List.of("TRACKER", "PIXEL"));
        return new OmsRecord(Long.toString(number), "runs", a, unit == null ? Map.of() : Map.of("init_lumi", unit));
    }

    static OmsRecord fill(long number, long colliding) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("fill_number", number);
        a.put("bunches_colliding", colliding);
        a.put("peak_pileup", 50.5);
        return new OmsRecord(Long.toString(number), "fills", a, Map.of("peak_pileup", ""));
    }

    static final List<OmsRecord> RUNS = List.of(
            run(316201, 6672L, 1.08, "10^{34}cm^{-2}s^{-1}"),
            run(316202, null, 0.5, null), // no fill: fill columns stay empty
            run(316203, 6999L, 0.7, "10^{34}cm^{-2}s^{-1}")); // its fill is not in the list
    static final List<OmsRecord> FILLS = List.of(fill(6672, 2544), fill(6673, 12));
    static final List<RunReferencePair> HISTORY = List.of(
            new RunReferencePair(316201, "express", 315713, "express", "/StreamExpress/Run2018B-Express-v1/DQMIO"),
            new RunReferencePair(316201, "prompt", 315705, "prompt", "/ZeroBias/Run2018B-PromptReco-v1/DQMIO"),
            new RunReferencePair(316201, "express", 300000, "express", "repeated (run, reco): the first row wins"),
            new RunReferencePair(999999, "express", 316201, "express", "not in the runs: dropped"));

    @Test
    void flattensRunsWithUnitColumnsAndPrefixedFillColumns() {
        StudyTable t = StudyJoin.join(RUNS, FILLS, List.of());
        assertThat(t.columns()).containsExactly("run_number", "fill_number", "init_lumi", "components", "init_lumi_unit",
                "fill__fill_number", "fill__bunches_colliding", "fill__peak_pileup", "fill__peak_pileup_unit",
                "reconstruction", "reference_run", "reference_reconstruction", "dataset");
        assertThat(t.size()).isEqualTo(3);
        assertThat(t.row(0)).startsWith(316201L, 6672L, 1.08, "TRACKER;PIXEL", "10^{34}cm^{-2}s^{-1}", 6672L, 2544L, 50.5, "");
        assertThat(t.value(1, "init_lumi_unit")).isNull();
        assertThat(t.value(1, "fill__bunches_colliding")).isNull();
        assertThat(t.value(2, "fill__fill_number")).isNull();
        assertThat(t.column("reconstruction")).containsOnlyNulls();
    }

    @Test
    void oneRowPerCertifiedReconstructionAndUncertifiedRunsOnce() {
        StudyTable t = StudyJoin.join(RUNS, FILLS, HISTORY);
        assertThat(t.column("run_number")).containsExactly(316201L, 316201L, 316202L, 316203L);
        assertThat(t.column("reconstruction")).containsExactly("express", "prompt", null, null);
        assertThat(t.column("reference_run")).containsExactly(315713L, 315705L, null, null);
        assertThat(t.column("reference_reconstruction")).containsExactly("express", "prompt", null, null);
        assertThat(t.column("dataset")).containsExactly("/StreamExpress/Run2018B-Express-v1/DQMIO",
                "/ZeroBias/Run2018B-PromptReco-v1/DQMIO", null, null);
        assertThat(t.column("fill__bunches_colliding")).containsExactly(2544L, 2544L, null, null);
    }

    @Test
    void theKeyComesFromTheIdWhenAProjectionLeftItOut() {
        OmsRecord projected = new OmsRecord("297050", "runs", Map.of("l1_rate", 93.5), Map.of());
        StudyTable t = StudyJoin.flatten(List.of(projected), "run_number");
        assertThat(t.columns()).containsExactly("run_number", "l1_rate");
        assertThat(t.row(0)).containsExactly(297050L, 93.5);
    }

    @Test
    void aFlatRunsTableJoinsOnRunNumbersWrittenAsDecimals() {
        StudyTable runs = StudyTable.of(List.of("run_number", "duration"), List.of(List.of(316201.0, 12), List.of(5, 1)));
        StudyTable t = StudyJoin.join(runs, HISTORY);
        assertThat(t.size()).isEqualTo(3);
        assertThat(t.column("reference_run")).containsExactly(315713L, 315705L, null);
    }

    @Test
    void realOmsRunsJoinedWithTheMarch2024History() throws IOException {
        Path json = SharedData.require("oms/runs_377254-377296_int0185_2024-03.json");
        List<OmsRecord> runs = OmsPage.parse(Files.readAllBytes(json), json.toString()).records();
        List<RunReferencePair> history = CertHelperHistory.read(
                SharedData.require("refrun/ReferenceRunRank/AllRunsRefRuns_Mar5_2024.json"));
        StudyTable t = StudyJoin.join(runs, List.of(), history);

        assertThat(runs).hasSize(28);
        assertThat(t.columns()).contains("run_number", "duration", "init_lumi", "init_lumi_unit", "recorded_lumi_unit",
                "fill__fill_number", "reconstruction", "reference_run");
        assertThat(t.columns().indexOf("init_lumi_unit")).isGreaterThan(t.columns().indexOf("duration"));
        int row = t.column("run_number").indexOf(377254L);
        assertThat(t.value(row, "duration")).isNotNull();
        assertThat(t.value(row, "components")).asString().contains("TRACKER");
        long certified = t.column("reference_run").stream().filter(v -> v != null).count();
        assertThat(certified).isEqualTo(27); // the 27 history rows of these runs, one row each
        assertThat(t.size()).isEqualTo(certified + t.column("run_number").stream().distinct()
                .filter(r -> history.stream().noneMatch(p -> p.run() == (Long) r)).count());
        Path csv = dir.resolve("runs.csv");
        t.writeCsv(csv);
        assertThat(StudyTable.readCsv(csv).column("init_lumi_unit")).isEqualTo(t.column("init_lumi_unit"));
    }

    @Test
    void aTableWithoutRunNumbersOrWithCertificationColumnsIsRefused() {
        StudyTable noRun = StudyTable.of(List.of("run"), List.of(List.of(1)));
        assertThatThrownBy(() -> StudyJoin.join(noRun, HISTORY)).isInstanceOf(StudyException.class)
                .hasMessageContaining("no column \"run_number\"; available: run");
        StudyTable clash = StudyTable.of(List.of("run_number", "dataset"), List.of(List.of(1, "x")));
        assertThatThrownBy(() -> StudyJoin.join(clash, HISTORY)).hasMessageContaining("already has a column \"dataset\"");
    }
}
