package org.runops.dqm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.runops.testing.SharedData;

/**
 * The jsonfairy parser on the three real answers in {@code shared/data/dqm} and on spec-only shapes.
 * No real TH1, TProfile, NaN, {@code formatted=true}, render-error or plain-text answer exists (see the
 * data README): those inputs ({@code *_spec.*} in {@code JsonFairyFuzzTestInputs/parse/}, also the
 * fuzz seeds) were written from the spec (dqm-runregistry.md §1–2, the GUI's render.cc), not recorded.
 */
class JsonFairyTest {
    static final String OFFLINE = "dqm/jsonfairy_offline_321012_StreamExpress_Run2018D-Express-v1_TrackEtaPhi_ImpactPoint_GenTk.json";
    static final String ONLINE = "dqm/jsonfairy_online_321012_GlobalOnlineALL_TrackEtaPhi_ImpactPoint_GenTk.json";
    static final String UNSUPPORTED = "dqm/jsonfairy_unsupported_type_321012_StreamExpress_Run2018D-Express-v1_folder.json";

    @Test
    void offlineTrackingMapOfRun321012() throws IOException {
        Histogram2D h = (Histogram2D) JsonFairy.parse(Files.readAllBytes(SharedData.require(OFFLINE)), "offline").orElseThrow();

        assertThat(h.type()).isEqualTo("TH2");
        assertThat(h.title()).isEqualTo("TrackEtaPhi_ImpactPoint_GenTk");
        assertThat(h.name()).isEqualTo("TrackEtaPhi_ImpactPoint_GenTk");
        assertThat(h.entries()).isEqualTo(27_465_754d);
        assertThat(h.x()).isEqualTo(new AxisStats(-0.0241293, 0.000312038, 1.63532, 0.000220644));
        assertThat(h.y()).contains(new AxisStats(-0.00116678, 0.000349952, 1.83402, 0.000247454));
        assertThat(h.xAxis()).isEqualTo(new Axis("Track #eta", 1, 31, -3, 3, java.util.List.of()));
        assertThat(h.yAxis()).isEqualTo(new Axis("Track #phi", 1, 32, -3.14159, 3.14159, java.util.List.of()));
        assertThat(h.content()).hasSize(32).allSatisfy(row -> assertThat(row.size()).isEqualTo(31));
        assertThat(h.contentArray()[0]).hasSize(31);

        // the 3×3: 2907 tracks beyond the eta range on one side, 4466 on the other, nothing out in phi
        assertThat(h.integral(0, 1)).isEqualTo(2907);
        assertThat(h.integral(2, 1)).isEqualTo(4466);
        assertThat(h.outOfRange()).isEqualTo(2907 + 4466);
        assertThat(h.contentSum()).isEqualTo(27_458_381d);
        assertThat(h.contentSum() + h.outOfRange()).isEqualTo(h.entries());
        // the centre cell is sent with 6 significant digits: 2.74584e+07 for 27458381
        assertThat(h.integral()).isEqualTo(2.74584e7).isCloseTo(h.contentSum(), within(h.contentSum() * 5e-6));
    }

    @Test
    void onlineTrackingMapOfRun321012() throws IOException {
        Histogram2D h = (Histogram2D) JsonFairy.parse(Files.readAllBytes(SharedData.require(ONLINE)), "online").orElseThrow();

        assertThat(h.entries()).isEqualTo(224_510d);
        assertThat(h.x().mean()).isEqualTo(-0.0732735);
        assertThat(h.y().orElseThrow().mean()).isEqualTo(-0.0589661);
        assertThat(h.x().rms()).isEqualTo(1.65747);
        assertThat(h.y().orElseThrow().rms()).isEqualTo(1.87795);
        assertThat(h.content(0, 0)).isEqualTo(1);
        assertThat(h.contentSum()).isEqualTo(224_509d).isEqualTo(h.integral());
        assertThat(h.contentSum() + h.outOfRange()).isEqualTo(h.entries());
    }

    @Test
    void unsupportedTypeIsNoHistogram() throws IOException {
        assertThat(JsonFairy.parse(Files.readAllBytes(SharedData.require(UNSUPPORTED)), "folder")).isEmpty();
    }

    @Test
    void formattedTruePageOfTheRealAnswerParsesAlike() throws IOException {
        byte[] json = Files.readAllBytes(SharedData.require(OFFLINE));
        // the page shape of the GUI's templates/json.tmpl (spec §1); the JSON in it is the real answer
        byte[] page = ("<!DOCTYPE html>\n<html><head><title>jsonfairy</title></head><body>\n<script id=\"dto\" type=\"text/json\">\n"
                + new String(json, StandardCharsets.UTF_8) + "\n</script>\n</body></html>\n").getBytes(StandardCharsets.UTF_8);

        assertThat(JsonFairy.parse(page, "page")).isEqualTo(JsonFairy.parse(json, "json"));
    }

    @Test
    void oneDimensionalFromTheSpec() {
        Histogram1D h = (Histogram1D) parseSeed("th1_spec.json").orElseThrow();

        assertThat(h.type()).isEqualTo("TH1");
        assertThat(h.name()).isEqualTo("TrackCharge");
        assertThat(h.title()).isEqualTo("Track charge");
        assertThat(h.entries()).isEqualTo(100);
        assertThat(h.x()).isEqualTo(new AxisStats(4.3498, 0.201, 2.11, 0.142));
        assertThat(h.y()).isEmpty();
        assertThat(h.xAxis().nbins()).isEqualTo(4);
        assertThat(h.content()).isEqualTo(BinValues.of(10, 20, 40, 27));
        assertThat(h.error().size()).isEqualTo(4);
        assertThat(h.width().isEmpty()).isTrue();
        assertThat(h.integral()).isEqualTo(97).isEqualTo(h.content().sum());
        assertThat(h.underflow() + h.integral() + h.overflow()).isEqualTo(h.entries());
    }

    @Test
    void nanAndInfinityStringsFromTheSpec() {
        Histogram1D h = (Histogram1D) parseSeed("th1_nan_strings_spec.json").orElseThrow();

        assertThat(h.x().mean()).isNaN();
        assertThat(h.x().meanError()).isNaN();
        assertThat(h.x().rms()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(h.x().rmsError()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(h.content().get(1)).isNaN();
    }

    @Test
    void unclosedNanStringFromTheSpecIsRepaired() {
        Histogram1D h = (Histogram1D) parseSeed("th1_unclosed_nan_spec.json").orElseThrow();

        assertThat(h.x().mean()).isEqualTo(0.5);
        assertThat(h.x().meanError()).isNaN();
        assertThat(h.x().rms()).isEqualTo(0.25);
        assertThat(h.x().rmsError()).isNaN();
    }

    @Test
    void validTitleStartingWithNanIsNotTouched() {
        String body = new String(read("th1_spec.json"), StandardCharsets.UTF_8).replace("\"Track charge\"", "\"NaN, per event\"");

        assertThat(JsonFairy.parse(body.getBytes(StandardCharsets.UTF_8), "t").orElseThrow().title()).isEqualTo("NaN, per event");
    }

    @Test
    void profileFromTheSpec() {
        Profile p = (Profile) parseSeed("tprofile_spec.json").orElseThrow();

        assertThat(p.type()).isEqualTo("TProfile");
        assertThat(p.content()).isEqualTo(BinValues.of(14.2, 16.8, 18.9, 17.1, 16.5));
        assertThat(p.yMin()).hasValue(0);
        assertThat(p.yMax()).hasValue(30);
        assertThat(p.errorStyle()).isEqualTo("s");
        assertThat(p.xAxis()).isEqualTo(new Axis("#eta", 1, 5, -2.5, 2.5, java.util.List.of()));
    }

    @Test
    void profile2dFromTheSpecIsTwoDimensional() {
        Histogram2D h = (Histogram2D) parseSeed("tprofile2d_spec.json").orElseThrow();

        assertThat(h.type()).isEqualTo("TProfile2D");
        assertThat(h.contentArray()).isEqualTo(new double[][] {{1, 2}, {3, 1}, {2, 3}});
        assertThat(h.yAxis().labels()).extracting(Axis.Label::text).containsExactly("L1", "L2", "L3");
        assertThat(h.integral()).isEqualTo(12);
    }

    @Test
    void formattedTruePageFromTheSpec() {
        Histogram1D h = (Histogram1D) parseSeed("formatted_true_spec.html").orElseThrow();

        assertThat(h.name()).isEqualTo("Formatted");
        assertThat(h.content()).isEqualTo(BinValues.of(1, 2));
    }

    @Test
    void renderErrorFromTheSpecNamesSourceAndMessage() {
        assertThatThrownBy(() -> parseSeed("render_error_spec.json"))
                .isInstanceOf(DqmException.class)
                .hasMessageContaining("render_error_spec.json")
                .hasMessageContaining("could not render")
                .hasMessageContaining("JSON preparing process was interrupted.");
    }

    @Test
    void plainTextAnswerFromTheSpecIsAnError() {
        assertThatThrownBy(() -> parseSeed("plain_text_spec.txt"))
                .isInstanceOf(DqmException.class)
                .hasMessageContaining("plain_text_spec.txt")
                .hasMessageContaining("text, not JSON")
                .hasMessageContaining("JSON format of live source plot is not supported yet.");
    }

    @Test
    void otherBodiesAreNamedErrors() {
        assertThatThrownBy(() -> parse("<html><head><title>CERN Single Sign-On</title></head></html>"))
                .isInstanceOf(DqmException.class).hasMessageContaining("src: ").hasMessageContaining("CERN Single Sign-On");
        assertThatThrownBy(() -> parse("{\"hist\":{\"type\":\"TH1\"")).isInstanceOf(DqmException.class)
                .hasMessageContaining("malformed jsonfairy JSON");
        assertThatThrownBy(() -> parse("")).isInstanceOf(DqmException.class).hasMessageContaining("an empty body");
        assertThatThrownBy(() -> parse("[1]")).isInstanceOf(DqmException.class).hasMessageContaining("expected a jsonfairy object");
        assertThatThrownBy(() -> parse("{\"hist\": \"no such thing\"}")).isInstanceOf(DqmException.class)
                .hasMessageContaining("no such thing");
        assertThatThrownBy(() -> parse("{\"hist\":{\"type\":\"TH3\"}}")).isInstanceOf(DqmException.class)
                .hasMessageContaining("'TH3' is not supported");
        String th1 = new String(read("th1_spec.json"), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> parse(th1.replace("[10,20,40,27]", "[10,20,40]"))).isInstanceOf(DqmException.class)
                .hasMessageContaining("3 bin contents for an axis of 4 bins");
        assertThatThrownBy(() -> parse(th1.replace("\"entries\":100.000000", "\"entries\":\"many\""))).isInstanceOf(DqmException.class)
                .hasMessageContaining("hist.stats.entries should be a number, got \"many\"");
        assertThatThrownBy(() -> parse(th1.replace("\"mean\"", "\"average\""))).isInstanceOf(DqmException.class)
                .hasMessageContaining("hist.stats.mean is missing");
    }

    @Test
    void bytesAfterTheJsonAreAnError() {
        // Not "no such histogram": a proxy that appends a page to the answer must be seen.
        assertThatThrownBy(() -> parse("{\"hist\":\"unsupported type\"} <html>oops")).isInstanceOf(DqmException.class)
                .hasMessageContaining("src: ").hasMessageContaining("malformed jsonfairy JSON");
    }

    private static java.util.Optional<Histogram> parse(String body) {
        return JsonFairy.parse(body.getBytes(StandardCharsets.UTF_8), "src");
    }

    static java.util.Optional<Histogram> parseSeed(String name) {
        return JsonFairy.parse(read(name), name);
    }

    static byte[] read(String seed) {
        try (InputStream in = JsonFairyTest.class.getResourceAsStream("JsonFairyFuzzTestInputs/parse/" + seed)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + seed + " missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
