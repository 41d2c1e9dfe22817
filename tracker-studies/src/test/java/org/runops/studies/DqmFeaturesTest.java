package org.runops.studies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.runops.dqm.CrawlLayout;

class DqmFeaturesTest {
    @Test
    void theNotebooksTableHasDistinctPrefixesAndMeNames() {
        assertThat(DqmFeatures.NOTEBOOK).hasSize(77);
        assertThat(DqmFeatures.NOTEBOOK.stream().map(DqmFeature::prefix).distinct()).hasSize(77);
        // a crawl keys its files by ME name: two features with one name would read each other's files
        assertThat(DqmFeatures.NOTEBOOK.stream().map(f -> CrawlLayout.meName(f.mePath())).distinct()).hasSize(77);
        assertThat(DqmFeatures.select(List.of("Hits.Pixel")).get(0).columns())
                .containsExactly("Hits.Pixel.mean", "Hits.Pixel.rms", "Hits.Pixel.entries", "Hits.Pixel.integral");
        assertThat(CrawlLayout.meName(DqmFeatures.select(List.of("clusters.OnTrack.TIB")).get(0).mePath()))
                .isEqualTo("Summary_ClusterStoNCorr_OnTrack__TIB");
    }

    @Test
    void otherHistogramsAreGivenWithTheirPath() {
        assertThat(DqmFeatures.select(List.of("vertices = /OfflinePV/offlinePrimaryVertices/vtxNbr")))
                .containsExactly(new DqmFeature("vertices", "OfflinePV/offlinePrimaryVertices/vtxNbr"));
        assertThatThrownBy(() -> DqmFeatures.select(List.of("Hitz"))).hasMessageContaining("unknown DQM feature prefix 'Hitz'")
                .hasMessageContaining("Hits.Pixel");
        assertThatThrownBy(() -> DqmFeatures.select(List.of("x=/"))).hasMessageContaining("without leading or trailing '/'");
    }
}
