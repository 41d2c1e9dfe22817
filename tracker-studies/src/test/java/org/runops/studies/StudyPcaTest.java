package org.runops.studies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.runops.certhelper.CertHelperHistory;
import org.runops.core.refrun.RunReferencePair;
import org.runops.testing.SharedData;

class StudyPcaTest {

    @Test
    void addsScoreColumnsAndReportsVarianceAndWeights() {
        StudyTable t = StudyTable.of(List.of("run_number", "a", "b", "c"), List.of(
                Arrays.asList(1, 1.0, 2.0, 5.0), Arrays.asList(2, 2.0, 4.0, 5.0), Arrays.asList(3, 3.0, 6.0, 5.0),
                Arrays.asList(4, null, null, null)));
        StudyPca.Result r = StudyPca.apply(t, List.of("a", "b", "c"), 2);
        assertThat(r.rowsFitted()).isEqualTo(3);
        assertThat(r.table().columns()).endsWith("pc1", "pc2");
        assertThat(r.pca().explainedVarianceRatio()[0]).isCloseTo(1, within(1e-9));
        assertThat(r.table().value(3, "pc1")).isNull(); // no feature at all: no score
        double[] pc1 = r.table().numeric("pc1");
        assertThat(pc1[0]).isCloseTo(-pc1[2], within(1e-9));
        assertThat(pc1[1]).isCloseTo(0, within(1e-9));
        assertThat(r.featureWeights()).containsExactly(new double[] {0.5, 0.5, 0}, within(1e-9));
        assertThatThrownBy(() -> StudyPca.apply(t, List.of("a"), 2)).hasMessageContaining("components must be in 1..1");
    }

    @Test
    void pcaOfThe2018OmsRunsJoinedWithTheMarch2024History() {
        StudyTable runs = StudyTable.readCsv(SharedData.require("refrun/ReferenceRunRank/omsrundata_2018.csv"));
        List<RunReferencePair> history = CertHelperHistory.read(
                SharedData.require("refrun/ReferenceRunRank/AllRunsRefRuns_Mar5_2024.json"));
        StudyTable joined = StudyJoin.join(runs, history);
        long certifiedRows = joined.column("reconstruction").stream().filter(v -> v != null).count();
        assertThat(joined.size()).isGreaterThan(runs.size());
        assertThat(certifiedRows).isGreaterThan(1000);

        List<String> features = List.of("init_lumi", "end_lumi", "duration", "hlt_physics_rate", "l1_rate",
                "last_lumisection_number");
        StudyPca.Result r = StudyPca.apply(joined, features, 2);
        assertThat(r.table().size()).isEqualTo(joined.size());
        assertThat(r.table().columns()).endsWith("pc1", "pc2");
        double[] ratio = r.pca().explainedVarianceRatio();
        assertThat(ratio[0]).isGreaterThanOrEqualTo(ratio[1]).isGreaterThan(1.0 / features.size());
        assertThat(Arrays.stream(r.featureWeights()).sum()).isCloseTo(1, within(1e-9));
        assertThat(Arrays.stream(r.table().numeric("pc1")).filter(Double::isNaN).count()).isEqualTo(joined.size() - r.rowsFitted());
        // scores are centred over the fitted rows
        assertThat(Arrays.stream(r.table().numeric("pc1")).filter(v -> !Double.isNaN(v)).average().orElseThrow())
                .isCloseTo(0, within(1e-6));
    }
}
