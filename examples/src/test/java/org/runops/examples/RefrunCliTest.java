package org.runops.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.runops.examples.Launcher.runops;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.core.refrun.RecommenderFeatures;
import org.runops.examples.Launcher.Run;
import org.runops.testing.FffRunDirectoryWriter;
import org.runops.testing.SharedData;

/** {@code runops refrun recommend|evaluate} end to end, on a small written history and on the real dump when present. */
class RefrunCliTest {
    @TempDir
    Path tmp;

    private Path history() throws IOException {
        return GeneratedInputs.refrunHistory(tmp.resolve("history.json"));
    }

    /** Run conditions from a run catalogue (fff folders' event counts here) instead of a features CSV. */
    @Test
    void featuresFromARunCatalogue() throws IOException {
        Path fff = tmp.resolve("fff");
        long[] events = {1000, 100, 990, 980, 105};
        for (int i = 0; i < events.length; i++) {
            FffRunDirectoryWriter.create(fff, 100 + i).lumiSection(1, events[i]).write();
        }
        Path history = Files.writeString(tmp.resolve("catalogue-history.json"), "[{\"run_number\": 102, \"reference_run_number\": 100,"
                + " \"run_reconstruction_type\": \"express\", \"dataset\": \"/Express/Cosmics2024/DQM\"},"
                + " {\"run_number\": 103, \"reference_run_number\": 101, \"run_reconstruction_type\": \"express\","
                + " \"dataset\": \"/Express/Cosmics2024/DQM\"}]");
        Run r = runops("refrun", "recommend", "104", "--dataset", "/Express/Cosmics2024/DQM", "--history", history.toString(),
                "--features-catalog", "fff:" + fff, "--feature-columns", "events", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"feature_distance\"", "\"run\" : 101");
        Run both = runops("refrun", "recommend", "104", "--dataset", "/Express/Cosmics2024/DQM", "--history", history.toString(),
                "--features-catalog", "fff:" + fff, "--features", history.toString());
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("not both");
    }

    @Test
    void recommendShowsTheCandidatesWithTheirReasons() throws IOException {
        Run r = runops("refrun", "recommend", "140", "--dataset", "/PromptReco/Cosmics23/DQM", "--history", history().toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Run 140", "cosmics", "prompt", "80 choices (all but this run's own from this reconstruction on) learned", "RANK", "REFERENCE", "dataset", "Confidence");
        String firstRow = r.out().lines().filter(l -> l.trim().startsWith("1 ")).findFirst().orElseThrow();
        assertThat(firstRow).contains("95");
        assertThat(r.out()).doesNotContain(" 50 "); // a collision reference is never proposed for cosmics
    }

    @Test
    void recommendAsOfRunLearnsOnlyEarlierRuns() throws IOException {
        // at run 110 only the choices of 100..109 are known, and 110's own express row (certified before its prompt
        // one): 95 did not exist yet as a reference
        Run r = runops("refrun", "recommend", "110", "--dataset", "/PromptReco/Cosmics23/DQM", "--history", history().toString(),
                "--as-of-run", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"learned\" : 21", "\"learnedFrom\" : \"as-of-run\"", "\"run\" : 90").doesNotContain("\"run\" : 95");
    }

    /** A shifter asking today has the later runs' choices too: only 110's own prompt row is left out. */
    @Test
    void recommendByDefaultLearnsEverythingButTheRunsOwnRow() throws IOException {
        Run r = runops("refrun", "recommend", "110", "--dataset", "/PromptReco/Cosmics23/DQM", "--history", history().toString(),
                "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"learned\" : 79", "\"learnedFrom\" : \"all-but-run\"", "\"run\" : 95", "\"weights\"",
                "\"SAME_DATASET (fast)\"");
        Run table = runops("refrun", "recommend", "110", "--dataset", "/PromptReco/Cosmics23/DQM", "--history", history().toString());
        assertThat(table.out()).contains("79 choices (all but this run's own from this reconstruction on) learned");
        assertThat(runops("refrun", "recommend", "--help").out()).contains("--as-of-run", "later runs included");
    }

    @Test
    void theFieldFilterWorksWithTheDefaultFeatureColumns() throws IOException {
        // 95 (the cosmics reference since run 120) was taken at 0 T; run 140 at 3.8 T can only use 90
        StringBuilder csv = new StringBuilder("run_number," + String.join(",", RecommenderFeatures.DEFAULTS) + "\n");
        for (long run : new long[] {90, 95, 140}) {
            csv.append(run).append(",1,1,600,100,1000,0,100,").append(run == 95 ? "0.0" : "3.8").append('\n');
        }
        Path features = Files.writeString(tmp.resolve("features.csv"), csv);
        Run r = runops("refrun", "recommend", "140", "--dataset", "/PromptReco/Cosmics23/DQM", "--history", history().toString(),
                "--features", features.toString(), "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"run\" : 90").doesNotContain("\"run\" : 95");
        assertThat(runops("refrun", "recommend", "--help").out()).contains(RecommenderFeatures.DEFAULTS);
    }

    /** Numbers are for people and for scripts: a decimal point whatever the JVM's locale. */
    @Test
    void numbersHaveDecimalPointsInEveryLocale() throws IOException {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            Run evaluate = runops("refrun", "evaluate", "--history", history().toString());
            Run recommend = runops("refrun", "recommend", "140", "--dataset", "/PromptReco/Cosmics23/DQM", "--history", history().toString());
            assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
            assertThat(recommend.exitCode()).as(recommend.err()).isZero();
            assertThat(evaluate.out()).contains("96.3 %").containsPattern("\\b0\\.\\d{3}\\b").doesNotContainPattern("\\d,\\d");
            assertThat(recommend.out()).containsPattern("Confidence \\d\\.\\d\\d").doesNotContainPattern("\\d,\\d");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void withoutHistoryFileTheServerIsAskedOnceThenTheCacheServes() throws IOException, InterruptedException {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().code(200).body(Files.readString(history())).build());
            String[] args = {"refrun", "recommend", "140", "--dataset", "/PromptReco/Cosmics23/DQM", "--url", server.url("/").toString(),
                "--cache-dir", tmp.resolve("cache").toString()};
            Run first = runops(args);
            assertThat(first.exitCode()).as(first.err()).isZero();
            assertThat(first.out()).contains("80 choices (all but this run's own from this reconstruction on) learned");
            Run second = runops(args);
            assertThat(second.exitCode()).as(second.err()).isZero();
            assertThat(second.out()).isEqualTo(first.out());
            assertThat(server.getRequestCount()).isEqualTo(1);
            assertThat(server.takeRequest().getTarget()).isEqualTo("/certify/allRunsRefRuns/");
        }
    }

    @Test
    void aServerThatFailsWithoutACacheIsAnInputError() throws IOException {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            for (int i = 0; i < 8; i++) {
                server.enqueue(new MockResponse.Builder().code(500).body("boom").build());
            }
            Run r = runops("refrun", "evaluate", "--url", server.url("/").toString(), "--cache-dir", tmp.resolve("cache").toString());
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).contains(server.url("/").host(), "500");
        }
    }

    @Test
    void evaluatePrintsTheDocumentedJsonAndAPlot() throws IOException {
        Path png = tmp.resolve("topk.png");
        Run r = runops("refrun", "evaluate", "--history", history().toString(), "--format", "json", "--plot", png.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        Map<String, Double> recommender = methodFields(r.out(), "recommender");
        assertThat(recommender).containsOnlyKeys("top1", "top3", "top5", "mrr", "abstained");
        // 80 targets: the first of each dataset has no candidate, the switch to 95 is unforeseeable, all else is right
        assertThat(recommender.get("top1")).isEqualTo(77.0 / 80);
        assertThat(recommender.get("abstained")).isEqualTo(2.0 / 80);
        assertThat(r.out()).contains("\"targets\" : 80", "\"previous reference in dataset\"", "\"most recently used reference\"");
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(900);
        assertThat(image.getHeight()).isEqualTo(560);
    }

    @Test
    void evaluateTableOnTheRealDump() {
        Path dump = SharedData.require("refrun/ReferenceRunRank/AllRunsRefRuns_Mar5_2024.json");
        Run r = runops("refrun", "evaluate", "--history", dump.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("10448 choices replayed row by row in certification order", "recommender", "93.4 %",
                "previous reference in dataset", "92.0 %");
    }

    /** Issue 12's numbers, and the protocol before it still selectable: the baselines then print what they printed before. */
    @Test
    void evaluateReplaysPerRowOrPerRun() {
        Path dump = SharedData.require("refrun/ReferenceRunRank/AllRunsRefRuns_Mar5_2024.json");
        Run perRow = runops("refrun", "evaluate", "--history", dump.toString(), "--from-run", "363000");
        assertThat(perRow.exitCode()).as(perRow.err()).isZero();
        assertThat(perRow.out()).contains("row by row in certification order, 3086 scored").containsPattern("recommender +95\\.4 % +98\\.3 %")
                .containsPattern("most recently used reference +81\\.1 % +98\\.2 %");
        // prompt rows learned 60 run numbers late: the recommender loses 4 targets of top-1, most-recent 70
        Run delayed = runops("refrun", "evaluate", "--history", dump.toString(), "--from-run", "363000", "--replay", "delayed");
        assertThat(delayed.exitCode()).as(delayed.err()).isZero();
        assertThat(delayed.out()).contains("prompt and later rows delayed by 60 run numbers, 3086 scored")
                .containsPattern("recommender +95\\.3 % +98\\.3 %").containsPattern("most recently used reference +78\\.8 % +97\\.8 %");
        Run perRun = runops("refrun", "evaluate", "--history", dump.toString(), "--from-run", "363000", "--replay", "per-run", "--fixed-weights");
        assertThat(perRun.exitCode()).as(perRun.err()).isZero();
        assertThat(perRun.out()).contains("replayed run by run", "recommender with fixed weights")
                .containsPattern("previous reference in dataset +94\\.0 % +96\\.4 %")
                .containsPattern("most recently used reference +79\\.4 % +97\\.7 %");
    }

    @Test
    void replayFlagOnAWrittenHistory() throws IOException {
        Run json = runops("refrun", "evaluate", "--history", history().toString(), "--replay", "per-run", "--format", "json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        assertThat(json.out()).contains("\"replay\" : \"per-run\"", "\"recommenderWeights\"", "\"SAME_RUN_EARLIER_RECONSTRUCTION\"");
        assertThat(runops("refrun", "evaluate", "--history", history().toString(), "--format", "json").out()).contains("\"replay\" : \"per-row\"");
        Run bad = runops("refrun", "evaluate", "--history", history().toString(), "--replay", "sideways");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--replay must be per-row, delayed[:LAG] or per-run", "sideways");
        Run delayed = runops("refrun", "evaluate", "--history", history().toString(), "--replay", "delayed:20", "--format", "json");
        assertThat(delayed.exitCode()).as(delayed.err()).isZero();
        assertThat(delayed.out()).contains("\"replay\" : \"delayed:20\"");
        Run badLag = runops("refrun", "evaluate", "--history", history().toString(), "--replay", "delayed:-3");
        assertThat(badLag.exitCode()).isEqualTo(2);
        assertThat(badLag.err()).contains("delayed:LAG", "-3");
        assertThat(runops("refrun", "evaluate", "--help").out()).contains("--replay", "per-row", "delayed", "optimistic", "--fixed-weights", "Exit codes");
    }

    /** The prompt certification of a run knows its express choice: learned, and shown as a reason. */
    @Test
    void recommendForPromptLearnsTheRunsExpressChoice() throws IOException {
        StringBuilder json = new StringBuilder("[");
        for (int run = 100; run <= 120; run++) {
            for (String reco : run < 120 ? List.of("express", "prompt") : List.of("express")) {
                json.append(String.format(Locale.ROOT, "{\"run_number\": %d, \"run_reconstruction_type\": \"%s\", \"reference_run_number\": %d,"
                        + " \"dataset\": \"/%s/Cosmics23/DQM\"},", run, reco, run < 120 ? 90 : 95, reco.equals("express") ? "Express" : "PromptReco"));
            }
        }
        json.setLength(json.length() - 1);
        Path history = Files.writeString(tmp.resolve("express-prompt.json"), json.append(']'));
        Run r = runops("refrun", "recommend", "120", "--dataset", "/PromptReco/Cosmics23/DQM", "--history", history.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("41 choices (all but", "same run 0.", "chosen for the target's run in an earlier reconstruction");
        Run express = runops("refrun", "recommend", "120", "--dataset", "/Express/Cosmics23/DQM", "--history", history.toString());
        assertThat(express.out()).contains("40 choices (all but").doesNotContain("same run 0.");
    }

    /** The certhelper README's 2018 rows: every reconstruction type, and express/prompt with --reco. */
    @Test
    void evaluateWithFeaturesSaysWhichTargetsItScores() {
        Path dir = SharedData.require("refrun/ReferenceRunRank/omsrundata_2018.csv").getParent();
        String[] command = {"refrun", "evaluate", "--history", dir.resolve("AllRunsRefRuns_Mar5_2024.json").toString(),
            "--features", dir.resolve("omsrundata_2018.csv").toString()};
        Run all = runops(command);
        assertThat(all.exitCode()).as(all.err()).isZero();
        assertThat(all.out()).contains("1426 scored as targets (every reconstruction type, runs with features only)", "88.6 %");
        String[] expressPrompt = java.util.Arrays.copyOf(command, command.length + 2);
        expressPrompt[command.length] = "--reco";
        expressPrompt[command.length + 1] = "express,prompt";
        Run some = runops(expressPrompt);
        assertThat(some.out()).contains("1114 scored as targets (express/prompt only, runs with features only)", "87.8 %");
        assertThat(runops("refrun", "evaluate", "--help").out()).contains("--reco", "(run, reconstruction)");
    }

    @Test
    void badInputIsNamed() throws IOException {
        Path broken = Files.writeString(tmp.resolve("broken.json"), "[{\"run_number\": 5,");
        Run r = runops("refrun", "evaluate", "--history", broken.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("broken.json", "malformed JSON");
        Run missing = runops("refrun", "recommend", "5", "--dataset", "/Express/Cosmics23/DQM", "--history", tmp.resolve("none.json").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("none.json");
        Run features = runops("refrun", "evaluate", "--history", history().toString(), "--features",
                Files.writeString(tmp.resolve("f.csv"), "run_number,init_lumi\n100,1\n").toString());
        assertThat(features.exitCode()).isEqualTo(2);
        assertThat(features.err()).contains("f.csv", "end_lumi");
        assertThat(runops("refrun", "recommend", "5", "--dataset", "d", "--history", history().toString(), "--top", "0").exitCode()).isEqualTo(2);
        assertThat(runops("refrun", "evaluate", "--history", history().toString(), "--format", "xml").exitCode()).isEqualTo(2);
    }

    @Test
    @org.junit.jupiter.api.Timeout(30)
    void aFifoAsFeaturesOrHistoryIsNamedAndNeverOpened() throws IOException {
        Path features = org.runops.testing.Fifos.create(tmp.resolve("features.csv"));
        Run r = runops("refrun", "evaluate", "--history", history().toString(), "--features", features.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(features + ": is a FIFO (named pipe), not a regular file");
        Path dump = org.runops.testing.Fifos.create(tmp.resolve("dump.json"));
        Run h = runops("refrun", "evaluate", "--history", dump.toString());
        assertThat(h.exitCode()).isEqualTo(2);
        assertThat(h.err()).contains(dump + ": is a FIFO (named pipe), not a regular file");
    }

    private static Map<String, Double> methodFields(String json, String method) throws IOException {
        Map<String, Double> fields = new HashMap<>();
        try (JsonParser p = new JsonFactory().createParser(json)) {
            boolean inside = false;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME && p.currentName().equals(method)) {
                    inside = true;
                } else if (inside && t == JsonToken.VALUE_NUMBER_FLOAT) {
                    fields.put(p.currentName(), p.getDoubleValue());
                } else if (inside && t == JsonToken.END_OBJECT) {
                    break;
                }
            }
        }
        return fields;
    }
}
