package org.runops.oms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.runops.core.refrun.RunType;
import org.runops.testing.SharedData;

class TypedRecordsTest {

    private static OmsRecord record(String type, String id, Map<String, Object> attributes, Map<String, String> units) {
        return new OmsRecord(id, type, attributes, units);
    }

    @Test
    void run297050FromTheRealResponse() throws IOException {
        Path file = SharedData.require("oms/runs_297050_full_int0185.json");
        OmsRun run = OmsRun.from(OmsPage.parse(Files.readAllBytes(file), file.toString()).records().get(0));
        assertThat(run.runNumber()).isEqualTo(297050);
        assertThat(run.fillNumber()).hasValue(5839);
        assertThat(run.startTime()).isEqualTo(Instant.parse("2017-06-16T20:50:33Z"));
        assertThat(run.endTime()).isEqualTo(Instant.parse("2017-06-17T01:57:57Z"));
        assertThat(run.duration()).hasValue(Duration.ofSeconds(18444));
        assertThat(run.lastLumisection()).hasValue(793);
        assertThat(run.bField().getAsDouble()).isEqualTo(3.799);
        assertThat(run.energy().getAsDouble()).isEqualTo(6499.0);
        assertThat(run.initLumi().orElseThrow().to("10^{34}cm^{-2}s^{-1}").value()).isCloseTo(0.68852, within(1e-5));
        assertThat(run.recordedLumi().orElseThrow().unit()).isEqualTo("pb^{-1}");
        assertThat(run.stableBeam()).isTrue();
        assertThat(run.hltKey()).hasValue("/cdaq/physics/Run2017/2e34/v1.1.1/HLT/V2");
        assertThat(run.runType()).isEqualTo(RunType.COLLISIONS);
        assertThat(run.sequence()).hasValue("GLOBAL-RUN");
        assertThat(run.era()).hasValue("2017B");
        assertThat(run.components()).contains("TRACKER", "PIXEL").hasSize(17);
        assertThat(run.l1Rate().getAsDouble()).isEqualTo(49130.85);
        assertThat(run.hltPhysicsRate().getAsDouble()).isEqualTo(1026.971);
        assertThat(run.fillTypeRuntime()).hasValue("PROTONS");
        assertThat(run.l1HltMode()).hasValue("collisions2017");
        assertThat(run.attributes().attributes()).containsKey("cmssw_version");
    }

    @Test
    void runsOf2024AreTypedAndClassified() throws IOException {
        Path file = SharedData.require("oms/runs_377254-377296_int0185_2024-03.json");
        List<OmsRun> runs = OmsPage.parse(Files.readAllBytes(file), file.toString()).records().stream().map(OmsRun::from).toList();
        assertThat(runs).hasSize(28);
        assertThat(runs).allSatisfy(r -> assertThat(r.runType()).isEqualTo(RunType.fromHltKey(r.hltKey().orElse(null), r.stableBeam())));
        assertThat(runs.stream().filter(r -> r.initLumi().isPresent()).map(r -> r.initLumi().get().knownUnit().orElseThrow().scale()))
                .allMatch(s -> s == 1e33);
    }

    @Test
    void aRunWithoutFillUnitsOrTimesIsEmptyNotBroken() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("run_number", 350000L);
        a.put("fill_number", null);
        a.put("init_lumi", 12.5);
        a.put("end_time", null);
        a.put("hlt_key", "/cdaq/cosmic/commissioning2022/v1");
        a.put("stable_beam", null);
        OmsRun run = OmsRun.from(record("runs", "350000", a, Map.of()));
        assertThat(run.fillNumber()).isEmpty();
        assertThat(run.endTime()).isNull();
        assertThat(run.isFinished()).isFalse();
        assertThat(run.duration()).isEmpty();
        assertThat(run.initLumi()).hasValue(new Quantity(12.5, ""));
        assertThat(run.endLumi()).isEmpty();
        assertThat(run.components()).isEmpty();
        assertThat(run.stableBeam()).isFalse();
        assertThat(run.runType()).isEqualTo(RunType.COSMICS);
        assertThat(run.bField()).isEmpty();
    }

    @Test
    void runNumberFallsBackToTheIdAndWrongKindsAreNamed() {
        assertThat(OmsRun.from(record("runs", "297050", Map.of("l1_rate", 1.0), Map.of())).runNumber()).isEqualTo(297050);
        assertThatThrownBy(() -> OmsRun.from(record("runs", "x", Map.of(), Map.of()))).isInstanceOf(OmsException.class)
                .hasMessageContaining("'x'");
        OmsRun bad = OmsRun.from(record("runs", "5", Map.of("b_field", "strong"), Map.of()));
        assertThatThrownBy(bad::bField).isInstanceOf(OmsException.class).hasMessageContaining("runs 5").hasMessageContaining("b_field");
    }

    @Test
    void badTimestampsAreNamedWhenTyping() {
        assertThatThrownBy(() -> OmsRun.from(record("runs", "5", Map.of("start_time", "yesterday"), Map.of())))
                .isInstanceOf(OmsException.class).hasMessageContaining("start_time").hasMessageContaining("yesterday");
    }

    @Test
    void runTypeRule() {
        assertThat(RunType.fromHltKey("/cdaq/special/2024/v1", true)).isEqualTo(RunType.COLLISIONS);
        assertThat(RunType.fromHltKey("/cdaq/physics/Run2018/v1", false)).isEqualTo(RunType.COSMICS);
        assertThat(RunType.fromHltKey("/cdaq/cosmic/v1", true)).isEqualTo(RunType.COSMICS);
        assertThat(RunType.fromHltKey(null, true)).isEqualTo(RunType.COSMICS);
    }

    @Test
    void fillsWithNegativeOrNullBunchesHaveNone() {
        Map<String, Object> a = new HashMap<>();
        a.put("fill_number", 6614L);
        a.put("bunches_colliding", -1L);
        a.put("bunches_target", null);
        a.put("peak_pileup", 52.3);
        a.put("peak_lumi", 2.05);
        a.put("injection_scheme", "25ns_2556b_2544_2215_2332_144bpi_20injV3");
        a.put("start_time", "2018-04-28T10:00:00Z");
        a.put("first_run_number", 315187L);
        OmsFill fill = OmsFill.from(record("fills", "6614", a, Map.of("peak_lumi", "10^{34}cm^{-2}s^{-1}")));
        assertThat(fill.fillNumber()).isEqualTo(6614);
        assertThat(fill.bunchesColliding()).isEmpty();
        assertThat(fill.bunchesTarget()).isEmpty();
        assertThat(fill.peakPileup().getAsDouble()).isEqualTo(52.3);
        assertThat(fill.peakLumi().orElseThrow().to("10^{33}cm^{-2}s^{-1}").value()).isCloseTo(20.5, within(1e-9));
        assertThat(fill.injectionScheme()).hasValue("25ns_2556b_2544_2215_2332_144bpi_20injV3");
        assertThat(fill.isFinished()).isFalse();
        assertThat(fill.firstRun()).hasValue(315187);
        assertThat(fill.lastRun()).isEmpty();
        assertThat(fill.energy()).isEmpty();

        a.put("bunches_colliding", 2544L);
        assertThat(OmsFill.from(record("fills", "6614", a, Map.of())).bunchesColliding()).hasValue(2544);
    }

    @Test
    void lumisectionsFromTheRealPagesAndFromIds() throws IOException {
        Path file = SharedData.require("oms/lumisections_315190-315290_page1_limit1000.json");
        List<OmsLumisection> ls = OmsPage.parse(Files.readAllBytes(file), file.toString()).records().stream()
                .map(OmsLumisection::from).toList();
        assertThat(ls.get(0).runNumber()).isEqualTo(315190);
        assertThat(ls.get(0).lumisectionNumber()).isEqualTo(1);
        assertThat(ls.get(0).fillNumber()).hasValue(6614);
        assertThat(ls.get(0).pileup()).isEmpty();
        assertThat(ls.get(0).cmsActive()).isEmpty();

        OmsLumisection fromId = OmsLumisection.from(record("lumisections", "316201_7",
                Map.of("pileup", 40.2, "cms_active", true, "beams_stable", false, "init_lumi", 1.9),
                Map.of("init_lumi", "10^{34}cm^{-2}s^{-1}")));
        assertThat(fromId.runNumber()).isEqualTo(316201);
        assertThat(fromId.lumisectionNumber()).isEqualTo(7);
        assertThat(fromId.cmsActive()).hasValue(true);
        assertThat(fromId.beamsStable()).hasValue(false);
        assertThat(fromId.physicsFlag()).isEmpty();
        assertThat(fromId.initLumi().orElseThrow().unit()).isEqualTo("10^{34}cm^{-2}s^{-1}");
        assertThatThrownBy(() -> OmsLumisection.from(record("lumisections", "junk", Map.of(), Map.of())))
                .isInstanceOf(OmsException.class).hasMessageContaining("junk");
    }

    @Test
    void realSingleRowAttributeDumpsType() throws IOException {
        Path runFile = SharedData.require("oms/runs_316201_first_attributes.json");
        Path lsFile = SharedData.require("oms/lumisections_316201_first_attributes.json");
        // these dumps hold only data[0].attributes: wrap them as a page to parse with the same parser
        String run = "{\"data\":[{\"id\":\"316201\",\"type\":\"runs\",\"attributes\":" + Files.readString(runFile) + "}]}";
        String ls = "{\"data\":[{\"id\":\"316201_1\",\"type\":\"lumisections\",\"attributes\":" + Files.readString(lsFile) + "}]}";
        OmsRun r = OmsRun.from(OmsPage.parse(OmsTestServer.bytes(run), runFile.toString()).records().get(0));
        assertThat(r.runNumber()).isEqualTo(316201);
        assertThat(r.bField().getAsDouble()).isEqualTo(3.801);
        OmsLumisection l = OmsLumisection.from(OmsPage.parse(OmsTestServer.bytes(ls), lsFile.toString()).records().get(0));
        assertThat(l.runNumber()).isEqualTo(316201);
        assertThat(l.lumisectionNumber()).isEqualTo(1);
    }
}
