package org.runops.dqm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.runops.core.refrun.Reconstruction;

/**
 * The six cases of dqmcrawlr's tests (spec §3 "Reco → dataset") plus the version-sort trap. No real
 * {@code data/json/samples} or session answer exists in ../shared, so each run's dataset list is written
 * here from the spec and dqmcrawlr's tests (321012's four names are the ones its test asserts present);
 * the other names are the kinds the GUI lists beside the expected one, chosen so each rule must reject them.
 */
class DatasetResolverTest {

    private static final List<String> RUN_321012 = List.of(
            "/Commissioning/Run2018D-PromptReco-v2/DQMIO",
            "/StreamExpress/Run2018D-Express-v1/DQMIO",
            "/ZeroBias/Run2018D-PromptReco-v2/DQMIO",
            "/StreamExpressAlignment/Run2018D-Express-v1/DQMIO",
            "/Global/Online/ALL");

    @Test
    void pickFromFetchedSamples() {
        // the GUI lists a dataset once per sample type; the names are what the rules choose from, once each, in order
        List<DqmSample> samples = List.of(new DqmSample("offline_data", 321012, "/ZeroBias/Run2018D-PromptReco-v2/DQMIO", "", 1),
                new DqmSample("offline_data", 321012, "/StreamExpress/Run2018D-Express-v1/DQMIO", "", 1),
                new DqmSample("offline_data", 321012, "/ZeroBias/Run2018D-PromptReco-v2/DQMIO", "v2", 2));
        assertThat(DqmSample.datasetNames(samples))
                .containsExactly("/ZeroBias/Run2018D-PromptReco-v2/DQMIO", "/StreamExpress/Run2018D-Express-v1/DQMIO");
        assertThat(DatasetResolver.pick(Reconstruction.PROMPT, DqmSample.datasetNames(samples))).contains("/ZeroBias/Run2018D-PromptReco-v2/DQMIO");
    }

    @Test
    void expressOf321012() {
        assertThat(DatasetResolver.pick(Reconstruction.EXPRESS, RUN_321012))
                .contains("/StreamExpress/Run2018D-Express-v1/DQMIO");
    }

    @Test
    void expressCosmicsOf324231() {
        List<String> names = List.of(
                "/Cosmics/Run2018D-PromptReco-v2/DQMIO",
                "/StreamExpressCosmics/Run2018D-Express-v1/DQMIO",
                "/StreamExpressCosmics/Run2018D-Express-v1/DQM");
        // both tiers contain "/DQM": the reverse sort puts DQMIO first ("DQMIO" > "DQM")
        assertThat(DatasetResolver.pick(Reconstruction.EXPRESS, names))
                .contains("/StreamExpressCosmics/Run2018D-Express-v1/DQMIO");
    }

    @Test
    void promptOf325680TakesCosmicsFirstAmongAllPrimaries() {
        List<String> names = List.of(
                "/ZeroBias/Run2018E-PromptReco-v1/DQMIO",
                "/MinimumBias/Run2018E-PromptReco-v1/DQMIO",
                "/Cosmics/Run2018E-PromptReco-v1/DQMIO",
                "/StreamExpressCosmics/Run2018E-Express-v1/DQMIO");
        assertThat(DatasetResolver.pick(Reconstruction.PROMPT, names))
                .contains("/Cosmics/Run2018E-PromptReco-v1/DQMIO");
    }

    @Test
    void promptOf320065TakesHighestVersionOfZeroBias() {
        List<String> names = List.of(
                "/ZeroBias/Run2018C-PromptReco-v2/DQMIO",
                "/ZeroBias/Run2018C-PromptReco-v3/DQMIO",
                "/MinimumBias/Run2018C-PromptReco-v3/DQMIO",
                "/StreamExpress/Run2018C-Express-v1/DQMIO");
        assertThat(DatasetResolver.pick(Reconstruction.PROMPT, names))
                .contains("/ZeroBias/Run2018C-PromptReco-v3/DQMIO");
    }

    @Test
    void rerecoOf315642IsZeroBiasNotPromptNorExpress() {
        List<String> names = List.of(
                "/ZeroBias/Run2018A-PromptReco-v1/DQMIO",
                "/ZeroBias/Run2018A-17Sep2018-v1/DQMIO",
                "/StreamExpress/Run2018A-Express-v1/DQMIO",
                "/SingleTrack/Run2018A-17Sep2018-v1/DQMIO");
        assertThat(DatasetResolver.pick(Reconstruction.RERECO, names))
                .contains("/ZeroBias/Run2018A-17Sep2018-v1/DQMIO");
    }

    @Test
    void promptOf327489FallsBackToHeavyIonMinimumBias() {
        List<String> names = List.of(
                "/HIMinimumBias0/HIRun2018A-PromptReco-v2/DQMIO",
                "/HIMinimumBias1/HIRun2018A-PromptReco-v2/DQMIO",
                "/StreamHIExpress/HIRun2018A-Express-v1/DQMIO");
        assertThat(DatasetResolver.pick(Reconstruction.PROMPT, names))
                .contains("/HIMinimumBias1/HIRun2018A-PromptReco-v2/DQMIO");
        assertThat(DatasetResolver.pick(Reconstruction.EXPRESS, names))
                .contains("/StreamHIExpress/HIRun2018A-Express-v1/DQMIO");
    }

    @Test
    void versionSortTrapV9BeatsV10AsDqmcrawlrDoes() {
        List<String> names = List.of(
                "/ZeroBias/Run2018C-PromptReco-v10/DQMIO",
                "/ZeroBias/Run2018C-PromptReco-v9/DQMIO");
        assertThat(DatasetResolver.pick(Reconstruction.PROMPT, names))
                .contains("/ZeroBias/Run2018C-PromptReco-v9/DQMIO");
        assertThat(DatasetResolver.pick(Reconstruction.PROMPT,
                List.of("/HIMinimumBias19/HIRun2018A-PromptReco-v2/DQMIO", "/HIMinimumBias9/HIRun2018A-PromptReco-v2/DQMIO")))
                .contains("/HIMinimumBias9/HIRun2018A-PromptReco-v2/DQMIO");
    }

    @Test
    void rerecoIn2017GIsSingleTrackOnly() {
        List<String> names = List.of(
                "/SingleTrack/Run2017G-17Nov2017-v1/DQMIO",
                "/ZeroBias/Run2017G-17Nov2017-v1/DQMIO",
                "/ZeroBias/Run2017G-PromptReco-v1/DQMIO");
        assertThat(DatasetResolver.pick(Reconstruction.RERECO, names))
                .contains("/SingleTrack/Run2017G-17Nov2017-v1/DQMIO");
    }

    @Test
    void rerecoUlKeepsOnlyUltraLegacyProcessings() {
        List<String> names = List.of(
                "/ZeroBias/Run2018A-17Sep2018-v1/DQMIO",
                "/ZeroBias/Run2018A-12Nov2019_UL2018-v2/DQMIO");
        assertThat(DatasetResolver.pick(Reconstruction.RERECOUL, names))
                .contains("/ZeroBias/Run2018A-12Nov2019_UL2018-v2/DQMIO");
        // dqmcrawlr's reReco rule sees both and the string sort prefers 17Sep2018 over 12Nov2019
        assertThat(DatasetResolver.pick(Reconstruction.RERECO, names))
                .contains("/ZeroBias/Run2018A-17Sep2018-v1/DQMIO");
    }

    @Test
    void onlineIsTheGlobalOnlineDatasetWhenListed() {
        assertThat(DatasetResolver.pick(Reconstruction.ONLINE, RUN_321012)).contains("/Global/Online/ALL");
        assertThat(DatasetResolver.pick(Reconstruction.ONLINE, List.of("/ZeroBias/Run2018D-PromptReco-v2/DQMIO"))).isEmpty();
    }

    @Test
    void nothingMatches() {
        assertThat(DatasetResolver.pick(Reconstruction.RERECO, RUN_321012)).isEmpty();
        assertThat(DatasetResolver.pick(Reconstruction.UNKNOWN, RUN_321012)).isEmpty();
        assertThat(DatasetResolver.pick(Reconstruction.PROMPT, List.of())).isEmpty();
        // the tier must be DQM: a RECO dataset of the right primary is not a GUI dataset
        assertThat(DatasetResolver.pick(Reconstruction.PROMPT, List.of("/ZeroBias/Run2018C-PromptReco-v3/RECO"))).isEmpty();
        // Commissioning is not a prompt primary dqmcrawlr tries, and the tests are case-sensitive
        assertThat(DatasetResolver.pick(Reconstruction.PROMPT,
                List.of("/Commissioning/Run2018D-PromptReco-v2/DQMIO", "/zerobias/Run2018D-PromptReco-v2/DQMIO"))).isEmpty();
        // a stream-express name without "-Express-" (an ALCA processing) is not express
        assertThat(DatasetResolver.pick(Reconstruction.EXPRESS,
                List.of("/StreamExpress/Run2018D-PromptCalibProdSiStrip-Express/DQMIO", "/StreamExpressAlignment/Run2018D-Express-v1/DQMIO"))).isEmpty();
    }

    @Test
    void nullNamesInTheListAreSkippedAndNullArgumentsRefused() {
        assertThat(DatasetResolver.pick(Reconstruction.EXPRESS, Arrays.asList(null, "/StreamExpress/Run2018D-Express-v1/DQMIO")))
                .contains("/StreamExpress/Run2018D-Express-v1/DQMIO");
        assertThatThrownBy(() -> DatasetResolver.pick(null, RUN_321012)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> DatasetResolver.pick(Reconstruction.EXPRESS, null)).isInstanceOf(NullPointerException.class);
    }
}
