package org.runops.dqm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.runops.dqm.DqmException;
import org.runops.dqm.DqmSample;

/**
 * The samples of a run from the stateless samples answer and from the session API's Python tuple. No real
 * answer of either exists (data/dqm/README.md): every input here is written from the spec (§3, the GUI's
 * serverext.cc and dqmcrawlr's dqm.py), and the seed files are the fuzz test's seeds too.
 */
class SamplesParserTest {

    @Test
    void statelessSamplesFromTheSpec() {
        assertThat(SamplesParser.samples(seed("samples/samples_spec.json"), 321012, "s")).containsExactly(
                new DqmSample("offline_data", 321012, "/StreamExpress/Run2018D-Express-v1/DQMIO", "", 1),
                new DqmSample("offline_data", 321012, "/ZeroBias/Run2018D-PromptReco-v2/DQMIO", "", 1));
        assertThat(SamplesParser.samples(seed("samples/samples_spec.json"), 321013, "s")).isEmpty();
    }

    @Test
    void sessionTupleFromTheSpecWithPythonWords() {
        assertThat(SamplesParser.session(seed("session/modify_spec.txt"), 321012, "m")).extracting(DqmSample::dataset)
                .containsExactly("/StreamExpress/Run2018D-Express-v1/DQMIO", "/Cosmics/Run2018D-PromptReco-v2/DQMIO");
    }

    @Test
    void onlineSessionSkipsTheLiveGroup() {
        assertThat(SamplesParser.session(seed("session/modify_online_spec.txt"), 321012, "m"))
                .containsExactly(new DqmSample("online_data", 321012, "/Global/Online/ALL", "", 1));
    }

    @Test
    void theLiveGroupIsSkippedEvenWhenItCarriesTheRun() {
        // The live item names the run here: only its type tells it apart (spec §3: items[0] is "live", use online_data).
        assertThat(SamplesParser.session(seed("session/modify_online_live_run_spec.txt"), 321012, "m"))
                .containsExactly(new DqmSample("online_data", 321012, "/Global/Online/ALL", "", 1));
        assertThat(SamplesParser.samples(bytes("{\"samples\":[{\"type\":\"online_data\",\"items\":[{\"type\":\"live\",\"run\":\"7\","
                + "\"dataset\":\"/Global/Online/ALL\"}]}]}"), 7, "s")).isEmpty();
    }

    @Test
    void numericRunsAreAcceptedAndOtherRunsSkipped() {
        assertThat(SamplesParser.samples(bytes("{\"samples\":[{\"type\":\"offline_data\",\"items\":["
                + "{\"run\":321012,\"dataset\":\"/A/B-v1/DQMIO\"},{\"run\":321012.0,\"dataset\":\"/A/C-v1/DQMIO\"},"
                + "{\"run\":\"3210120\",\"dataset\":\"/A/D-v1/DQMIO\"}]}]}"), 321012, "s"))
                .extracting(DqmSample::dataset).containsExactly("/A/B-v1/DQMIO", "/A/C-v1/DQMIO");
    }

    @Test
    void anItemOfAnUnexpectedShapeIsAnErrorNamingSourceAndItem() {
        // No real answer has these shapes: they guard against the GUI renaming or retyping a field.
        assertThatThrownBy(() -> SamplesParser.samples(bytes("{\"samples\":[{\"items\":[{\"runnr\":321012,\"name\":\"/A/B/DQMIO\"}]}]}"),
                321012, "src")).isInstanceOf(DqmException.class).hasMessageContaining("src: a sample without a dataset name")
                .hasMessageContaining("runnr");
        assertThatThrownBy(() -> SamplesParser.samples(bytes("{\"samples\":[{\"items\":[{\"runnr\":321012,\"dataset\":\"/A/B/DQMIO\"}]}]}"),
                321012, "src")).isInstanceOf(DqmException.class).hasMessageContaining("src: a sample without an integral run number")
                .hasMessageContaining("runnr");
        assertThatThrownBy(() -> SamplesParser.samples(bytes("{\"samples\":[{\"items\":[{\"run\":321012.5,\"dataset\":\"/A/B/DQMIO\"}]}]}"),
                321012, "src")).isInstanceOf(DqmException.class).hasMessageContaining("integral run number");
    }

    @Test
    void pythonWordsOnlyOutsideStrings() {
        assertThat(SamplesParser.pythonToJson("({'a':True,'b':'None of True','c':None,'d':[False,1.5e3]},)"))
                .isEqualTo("{\"a\":true,\"b\":\"None of True\",\"c\":null,\"d\":[false,1.5e3]}");
    }

    @Test
    void sessionPathFromTheLandingPage() {
        assertThat(SamplesParser.sessionPath("<script>location.replace('/dqm/offline/session/ABMTY3')</script>"))
                .isEqualTo("/dqm/offline/session/ABMTY3");
        assertThat(SamplesParser.sessionPath("<html>no session here</html>")).isNull();
        assertThat(SamplesParser.sessionPath("location.replace('/dqm/offline/session/')")).isNull();
    }

    @Test
    void wrongShapesAreNamed() {
        assertThatThrownBy(() -> SamplesParser.samples(bytes("{\"rows\":[]}"), 1, "src")).isInstanceOf(DqmException.class)
                .hasMessageContaining("src: expected {\"samples\": [...]}");
        assertThatThrownBy(() -> SamplesParser.samples(bytes("<html><title>Login</title></html>"), 1, "src"))
                .isInstanceOf(DqmException.class).hasMessageContaining("Login");
        assertThatThrownBy(() -> SamplesParser.samples(bytes("{\"samples\":["), 1, "src")).isInstanceOf(DqmException.class)
                .hasMessageContaining("malformed samples answer");
        assertThatThrownBy(() -> SamplesParser.session(bytes("([{'kind':'AutoUpdate'}])"), 1, "src")).isInstanceOf(DqmException.class)
                .hasMessageContaining("no {'kind': 'DQMSample'} part");
    }

    @Test
    void bytesAfterTheJsonAreAnError() {
        assertThatThrownBy(() -> SamplesParser.samples(bytes("{\"samples\":[]} <html>oops"), 1, "src")).isInstanceOf(DqmException.class)
                .hasMessageContaining("src: malformed samples answer");
    }

    @Test
    void aPythonEscapedQuoteIsAPlainQuote() {
        assertThat(SamplesParser.pythonToJson("({'t':'it\\'s','p':'a\\\\b'},)")).isEqualTo("{\"t\":\"it's\",\"p\":\"a\\\\b\"}");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] seed(String name) {
        try (InputStream in = SamplesParserTest.class.getResourceAsStream("SamplesFuzzTestInputs/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
