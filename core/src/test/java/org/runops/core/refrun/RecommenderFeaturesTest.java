package org.runops.core.refrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.core.SharedData;
import org.runops.core.csv.CsvFormatException;

class RecommenderFeaturesTest {
    private static final String HEADER = "run_number,init_lumi,end_lumi,duration,hlt_physics_rate,l1_rate,energy,last_lumisection_number";

    @TempDir
    Path dir;

    @Test
    void theDefaultsIncludeTheFieldSoTheFieldFilterWorksByDefault() throws IOException {
        Path csv = Files.writeString(dir.resolve("features.csv"), HEADER + ",b_field\n"
                + "90,1,1,600,100,1000,6500,100,3.8\n"
                + "91,1,1,600,100,1000,6500,100,0.0\n"
                + "300,1,1,600,100,1000,6500,100,0.02\n");
        FeatureTable f = RecommenderFeatures.read(csv);
        assertThat(f.columns()).isEqualTo(RecommenderFeatures.DEFAULTS).contains("b_field");
        ReferenceRunRecommender r = ReferenceRunRecommender.builder().features(f).build();
        r.learnAll(List.of(new RunReferencePair(200, "express", 90, "express", "/Express/Collisions2018/DQM"),
                new RunReferencePair(201, "express", 91, "express", "/Express/Collisions2018/DQM")));
        // 90 (3.8 T) is the dataset's latest reference, but the target was taken at 0 T
        assertThat(r.recommend(new RecommendationTarget(300, "/Express/Collisions2018/DQM", "express")).runs()).containsExactly(91L);
    }

    @Test
    void aTableWithoutTheFieldReadsTheDistancesOnly() throws IOException {
        Path csv = Files.writeString(dir.resolve("no-field.csv"), HEADER + "\n1,1,1,600,100,1000,6500,100\n");
        assertThat(RecommenderFeatures.read(csv).columns()).isEqualTo(RecommenderFeatures.DISTANCES);
        Path partial = Files.writeString(dir.resolve("partial.csv"), "run_number,init_lumi,b_field\n1,2,3.8\n");
        assertThatThrownBy(() -> RecommenderFeatures.read(partial)).isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("partial.csv").hasMessageContaining("no column \"end_lumi\"");
    }

    @Test
    void readsTheReal2018OmsRunTable() {
        FeatureTable f = RecommenderFeatures.read(SharedData.require("refrun/ReferenceRunRank/omsrundata_2018.csv"));
        assertThat(f.size()).isEqualTo(1117);
        assertThat(f.columns()).isEqualTo(RecommenderFeatures.DISTANCES);
    }
}
