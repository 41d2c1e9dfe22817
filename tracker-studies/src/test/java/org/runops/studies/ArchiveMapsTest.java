package org.runops.studies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.runops.core.refrun.Reconstruction;
import org.runops.dqm.ArchiveSource;
import org.runops.dqm.DqmException;
import org.runops.testing.SharedData;

/** ArchiveMaps over an in-memory archive that answers with the real 321012 bodies (the HTTP side is DqmGuiClient's, tested there). */
class ArchiveMapsTest {
    private static final String EXPRESS = "/StreamExpress/Run2018D-Express-v1/DQMIO";

    private static ArchiveSource archive(List<String> asked) throws IOException {
        byte[] map = Files.readAllBytes(SharedData.require(
                "dqm/jsonfairy_offline_321012_StreamExpress_Run2018D-Express-v1_TrackEtaPhi_ImpactPoint_GenTk.json"));
        byte[] unsupported = Files.readAllBytes(SharedData.require(
                "dqm/jsonfairy_unsupported_type_321012_StreamExpress_Run2018D-Express-v1_folder.json"));
        return new ArchiveSource() {
            @Override
            public Optional<byte[]> archiveJson(long run, String dataset, String mePath) {
                asked.add(run + " " + dataset + " " + mePath);
                if (run == 999) {
                    throw new DqmException("https://gui/dqm/offline/jsonfairy/archive/999: HTTP 503");
                }
                return dataset.equals(EXPRESS) ? Optional.of(map) : Optional.of(unsupported);
            }

            @Override
            public List<String> datasetNames(long run) {
                return List.of(EXPRESS, "/ZeroBias/Run2018D-PromptReco-v2/DQMIO");
            }
        };
    }

    @Test
    void picksTheDatasetOfTheReconstructionAndParsesTheMap() throws IOException {
        List<String> asked = new ArrayList<>();
        ArchiveMaps maps = new ArchiveMaps(archive(asked), DqmFeatures.TRACKING_MAP);
        double[][] express = maps.map(321012, Reconstruction.EXPRESS).orElseThrow();
        assertThat(express).hasDimensions(32, 31);
        assertThat(maps.map(321012, Reconstruction.PROMPT)).isEmpty();  // the GUI: "unsupported type"
        assertThat(maps.map(321012, Reconstruction.RERECO)).isEmpty();  // no such dataset: not even asked
        assertThat(asked).containsExactly("321012 " + EXPRESS + " " + DqmFeatures.TRACKING_MAP,
                "321012 /ZeroBias/Run2018D-PromptReco-v2/DQMIO " + DqmFeatures.TRACKING_MAP);
        assertThatThrownBy(() -> maps.map(999, Reconstruction.EXPRESS)).isInstanceOf(DqmException.class).hasMessageContaining("HTTP 503");
    }
}
