package org.runops.core.refrun;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReconstructionTest {
    @Test
    void parsingIsLenient() {
        assertThat(Reconstruction.parse("express")).isEqualTo(Reconstruction.EXPRESS);
        assertThat(Reconstruction.parse(" Prompt ")).isEqualTo(Reconstruction.PROMPT);
        assertThat(Reconstruction.parse("reReco")).isEqualTo(Reconstruction.RERECO);
        assertThat(Reconstruction.parse("rereco UL")).isEqualTo(Reconstruction.RERECOUL);
        assertThat(Reconstruction.parse("ReReco-UL")).isEqualTo(Reconstruction.RERECOUL);
        assertThat(Reconstruction.parse("ONLINE")).isEqualTo(Reconstruction.ONLINE);
        assertThat(Reconstruction.parse("")).isEqualTo(Reconstruction.UNKNOWN);
        assertThat(Reconstruction.parse(null)).isEqualTo(Reconstruction.UNKNOWN);
        assertThat(Reconstruction.parse("unknown")).isEqualTo(Reconstruction.UNKNOWN);
        assertThat(Reconstruction.parse("hlt")).isEqualTo(Reconstruction.UNKNOWN);
    }

    @Test
    void datasetNamesGiveTheReconstructionAsCerthelperReadsThem() {
        assertThat(Reconstruction.fromDataset("/Express/Collisions2022/DQM")).isEqualTo(Reconstruction.EXPRESS);
        assertThat(Reconstruction.fromDataset("/StreamExpress/Run2018D-Express-v1/DQMIO")).isEqualTo(Reconstruction.EXPRESS);
        assertThat(Reconstruction.fromDataset("/PromptReco/Cosmics23/DQM")).isEqualTo(Reconstruction.PROMPT);
        assertThat(Reconstruction.fromDataset("/ReReco/Run2018D_UL2019/DQM")).isEqualTo(Reconstruction.RERECOUL);
        assertThat(Reconstruction.fromDataset("/ReReco/Run2018D/DQM")).isEqualTo(Reconstruction.RERECO);
        assertThat(Reconstruction.fromDataset("To Be Defined")).isEqualTo(Reconstruction.UNKNOWN);
        assertThat(Reconstruction.fromDataset("")).isEqualTo(Reconstruction.UNKNOWN);
        assertThat(Reconstruction.fromDataset(null)).isEqualTo(Reconstruction.UNKNOWN);
    }

    @Test
    void certhelperNamesRoundTrip() {
        for (Reconstruction r : Reconstruction.values()) {
            assertThat(Reconstruction.parse(r.certhelperName())).isEqualTo(r);
        }
    }
}
