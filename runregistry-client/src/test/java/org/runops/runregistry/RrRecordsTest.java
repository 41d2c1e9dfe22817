package org.runops.runregistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.runregistry.internal.RrJson;
import org.runops.runregistry.internal.RrRecords;
import org.runops.testing.SharedData;

/** Record parsing on the real files of ../shared/data/runregistry, and the server's raw shape built from them. */
class RrRecordsTest {
    private static final String DATASET = "runregistry/rr_dataset_record_346512_PromptReco_CollisionsSpecial2021.json";
    private static final String LUMI0 = "runregistry/rr_lumisection0_327743_PromptReco_HICosmics18A.json";

    private static JsonNode tree(String relative) throws IOException {
        Path p = SharedData.require(relative);
        return RrJson.tree(Files.readAllBytes(p), p.toString());
    }

    @Test
    void flattenedDatasetRecordOfRun346512() {
        List<RrDataset> all = RrDatasets.read(SharedData.require(DATASET));
        assertThat(all).hasSize(1);
        RrDataset d = all.get(0);
        assertThat(d.run()).isEqualTo(346512);
        assertThat(d.name()).isEqualTo("/PromptReco/CollisionsSpecial2021/DQM");
        assertThat(d.runClass()).isEqualTo("Collisions21Special");
        assertThat(d.state()).isEqualTo("SIGNOFF");
        assertThat(d.significant()).isTrue();
        assertThat(d.deleted()).isFalse();
        assertThat(d.version()).isEqualTo(45545965L);
        assertThat(d.datasetsInGui()).hasSize(35).startsWith("/ZeroBias14/Commissioning2021-PromptReco-v1/DQMIO")
                .contains("/ZeroBias/Commissioning2021-PromptReco-v1/DQMIO");
        // 21 dataset attributes, of which appeared_in is no workspace state
        assertThat(d.workspaceStates()).hasSize(20).containsEntry("tracker", "COMPLETED").containsEntry("dc", "OPEN")
                .doesNotContainKey("appeared_in");
        assertThat(d.rrAttributes()).containsOnlyKeys("class", "state", "significant", "stop_reason", "run_needs_to_be_updated_manually");
        assertThat(d.triplets()).hasSize(91);
        TripletSummary pixel = d.triplet("tracker-pixel").orElseThrow();
        assertThat(pixel.count(FlagStatus.GOOD)).isEqualTo(617);
        assertThat(pixel.count(FlagStatus.STANDBY)).isEqualTo(25);
        assertThat(pixel.count(FlagStatus.BAD)).isZero();
        assertThat(pixel.total()).isEqualTo(642);
        assertThat(pixel.soleStatus()).isNull();
        TripletSummary strip = d.triplet("tracker-strip").orElseThrow();
        assertThat(strip.count(FlagStatus.GOOD)).isEqualTo(642);
        assertThat(strip.soleStatus()).isEqualTo(FlagStatus.GOOD);
        assertThat(d.triplet("dt-dt").orElseThrow().comments()).hasSize(1).first().asString().startsWith("LS set to GOOD");
        // NO VALUE FOUND is counted under its own status
        assertThat(d.triplets().values().stream().filter(t -> t.counts().containsKey(FlagStatus.NO_VALUE_FOUND))).hasSize(42);
    }

    @Test
    void datasetWrittenFlattenedReadsBackEqual(@TempDir Path dir) {
        List<RrDataset> original = RrDatasets.read(SharedData.require(DATASET));
        Path saved = dir.resolve("datasets.json");
        RrDatasets.write(saved, original);
        assertThat(RrDatasets.read(saved)).isEqualTo(original);
    }

    /** The server's shape (no real sample; built from spec D§6: Run{rr_attributes}, DatasetTripletCache.triplet_summary). */
    @Test
    void rawServerDatasetReadsLikeTheFlattenedOne() throws IOException {
        JsonNode flat = tree(DATASET);
        ObjectNode raw = RrJson.MAPPER.createObjectNode();
        for (String f : List.of("run_number", "name", "dataset_attributes", "datasets_in_gui", "deleted", "version")) {
            raw.set(f, flat.get(f));
        }
        raw.putObject("DatasetTripletCache").set("triplet_summary", flat.get("lumisections"));
        ObjectNode run = raw.putObject("Run");
        ObjectNode rr = run.putObject("rr_attributes");
        for (String f : List.of("class", "state", "significant", "stop_reason", "run_needs_to_be_updated_manually")) {
            rr.set(f, flat.get(f));
        }
        run.putObject("oms_attributes").put("energy", 6800);
        ObjectNode page = RrJson.MAPPER.createObjectNode();
        page.putArray("datasets").add(raw);
        page.put("count", 1).put("pages", 1);
        byte[] body = RrJson.MAPPER.writeValueAsBytes(page);
        assertThat(RrDatasets.parse(body, "page")).isEqualTo(RrDatasets.read(SharedData.require(DATASET)));
    }

    /** A raw run (spec D§6 shape, no real sample) and its flattened form read to the same record. */
    @Test
    void rawAndFlattenedRunAgree() {
        String raw = """
                {"run_number": 355100, "oms_attributes": {"energy": 6800, "b_field": 3.8, "hlt_key": "/cdaq/physics/Run2022/v1"},
                 "rr_attributes": {"class": "Collisions22", "state": "SIGNOFF", "significant": true, "stop_reason": null},
                 "DatasetTripletCache": {"triplet_summary": {"tracker-strip": {"GOOD": 120, "BAD": 3, "causes": ["HV"], "comments": ["trip"]}}}}
                """;
        RrRun r = RrRuns.parse(raw.getBytes(StandardCharsets.UTF_8), "raw").get(0);
        assertThat(r.run()).isEqualTo(355100);
        assertThat(r.runClass()).isEqualTo("Collisions22");
        assertThat(r.significant()).isTrue();
        assertThat(r.omsAttribute("energy")).map(JsonNode::asInt).contains(6800);
        assertThat(r.rrAttribute("stop_reason")).isEmpty();
        assertThat(r.triplet("tracker-strip").orElseThrow().count(FlagStatus.BAD)).isEqualTo(3);
        assertThat(r.triplet("tracker-strip").orElseThrow().causes()).containsExactly("HV");
        String flat = RrRuns.toJson(List.of(r));
        assertThat(RrRuns.parse(flat.getBytes(StandardCharsets.UTF_8), "flat")).containsExactly(r);
    }

    @Test
    void runWithoutCachedSummaryHasNoTriplets() {
        RrRun r = RrRuns.parse("""
                {"run_number": 1, "rr_attributes": {}, "oms_attributes": null, "DatasetTripletCache": null}""".getBytes(StandardCharsets.UTF_8), "x").get(0);
        assertThat(r.triplets()).isEmpty();
        assertThat(r.runClass()).isEmpty();
    }

    @Test
    void lumisectionZeroOfRun327743() throws IOException {
        JsonNode element0 = tree(LUMI0);
        ArrayNode answer = RrJson.MAPPER.createArrayNode().add(element0).add(element0);
        List<LumiFlags> ls = RrRecords.lumisections(answer, "rr_lumisections");
        assertThat(ls).extracting(LumiFlags::lumisection).containsExactly(1, 2); // element i is LS i+1
        Map<String, FlagValue> flags = ls.get(0).flags();
        assertThat(flags).hasSize(109);
        assertThat(flags.values().stream().filter(f -> f.status() == FlagStatus.GOOD)).hasSize(57);
        assertThat(flags.values().stream().filter(f -> f.status() == FlagStatus.NOTSET)).hasSize(23);
        assertThat(flags.values().stream().filter(f -> f.status() == FlagStatus.BAD)).hasSize(18);
        assertThat(flags.values().stream().filter(f -> f.status() == FlagStatus.EXCLUDED)).hasSize(11);
        assertThat(ls.get(0).flag("cms-cms")).contains(new FlagValue(FlagStatus.BAD, "UNDEF", ""));
        assertThat(ls.get(0).flag("dt-dt")).contains(new FlagValue(FlagStatus.GOOD, "UNDEF", ""));
    }

    @Test
    void datasetNamesOfRun357756() throws IOException {
        assertThat(RrRecords.names(tree("runregistry/rr_dataset_names_of_run_357756.json"), "names"))
                .containsExactly("/Express/Collisions2022/DQM", "/Express/Commissioning2022/DQM", "online", "/PromptReco/Collisions2022/DQM");
    }

    /** The *_ranges shape has no real sample; built from spec D§6 ([{start, end, <ws-col>: {status, cause, comment}}]). */
    @Test
    void rangesAreOneBasedInclusiveAndMustAscend() throws IOException {
        JsonNode ranges = RrJson.MAPPER.readTree("""
                [{"start": 1, "end": 30, "tracker-strip": {"status": "GOOD", "cause": "", "comment": ""}},
                 {"start": 31, "end": 31, "tracker-strip": {"status": "BAD", "cause": "HV", "comment": "ramping"}}]""");
        List<LumiRange> r = RrRecords.ranges(ranges, "ranges");
        assertThat(r).extracting(LumiRange::length).containsExactly(30, 1);
        assertThat(r.get(1).flag("tracker-strip")).contains(new FlagValue(FlagStatus.BAD, "HV", "ramping"));
        JsonNode overlapping = RrJson.MAPPER.readTree("[{\"start\": 1, \"end\": 30}, {\"start\": 30, \"end\": 40}]");
        assertThatThrownBy(() -> RrRecords.ranges(overlapping, "ranges")).isInstanceOf(RunRegistryException.class)
                .hasMessageContaining("ranges (range 1)").hasMessageContaining("[30, 40]");
        JsonNode zero = RrJson.MAPPER.readTree("[{\"start\": 0, \"end\": 3}]");
        assertThatThrownBy(() -> RrRecords.ranges(zero, "ranges")).isInstanceOf(RunRegistryException.class);
    }

    @Test
    void badRecordsNameTheSourceAndField() {
        assertThatThrownBy(() -> RrDatasets.parse("[{\"run_number\": \"x\", \"name\": \"/a\"}]".getBytes(StandardCharsets.UTF_8), "f.json"))
                .isInstanceOf(RunRegistryException.class).hasMessageContaining("f.json [0]").hasMessageContaining("run_number");
        assertThatThrownBy(() -> RrDatasets.parse("{\"run_number\": 5, \"name\": \"/a\", \"lumisections\": {\"tracker-strip\": {\"GREAT\": 1}}}"
                .getBytes(StandardCharsets.UTF_8), "f.json")).isInstanceOf(RunRegistryException.class).hasMessageContaining("GREAT");
        assertThatThrownBy(() -> RrDatasets.parse("{\"run_number\": 5, \"name\": \"/a\", \"lumisections\": {\"tracker-strip\": {\"GOOD\": -1}}}"
                .getBytes(StandardCharsets.UTF_8), "f.json")).isInstanceOf(RunRegistryException.class).hasMessageContaining("GOOD");
        assertThatThrownBy(() -> RrDatasets.parse("[{\"run_number\": 5}".getBytes(StandardCharsets.UTF_8), "cut.json"))
                .isInstanceOf(RunRegistryException.class).hasMessageContaining("cut.json").hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> RrDatasets.parse("<html>".getBytes(StandardCharsets.UTF_8), "page"))
                .isInstanceOf(RunRegistryException.class).hasMessageContaining("<html>");
        // a proxy's non-JSON answer may echo a token: the excerpt in the message hides it
        assertThatThrownBy(() -> RrDatasets.parse("access_token=eyJhbGciOi.secret.x oops".getBytes(StandardCharsets.UTF_8), "proxy"))
                .isInstanceOf(RunRegistryException.class).hasMessageContaining("access_token=***").hasMessageNotContaining("eyJhbGciOi");
    }

    @Test
    void statusNamesParseLeniently() {
        assertThat(FlagStatus.parse("no value found")).isEqualTo(FlagStatus.NO_VALUE_FOUND);
        assertThat(FlagStatus.parse(" good")).isEqualTo(FlagStatus.GOOD);
        assertThat(FlagStatus.NO_VALUE_FOUND.serverName()).isEqualTo("NO VALUE FOUND");
        assertThatThrownBy(() -> FlagStatus.parse("great")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("great");
    }
}
