package org.runops.calo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.calo.CalibrationVerdict.Kind;
import org.runops.testing.SharedData;
import org.runops.testing.StandInFilterDatasets;
import org.runops.testing.StandInFilterDatasets.Behaviour;

/** The FilterDatasets contract with a stand-in binary run as a real process. */
class ExternalBinaryCdbLookupTest {
    private static final String TAG = "new_newcdbtag_v008";
    private static final List<RunTag> RUNS = List.of(new RunTag(68006, TAG), new RunTag(68007, TAG));

    @TempDir
    Path dir;

    private Path out() {
        return dir.resolve("run3auau");
    }

    private Path binary(StandInFilterDatasets standIn) {
        return standIn.callLog(dir.resolve("calls.txt")).write(dir.resolve("CaloCDB-FilterDatasets"));
    }

    private CdbLookup lookup(Path binary) {
        return CdbLookup.externalBinary(binary, out(), "run3auau");
    }

    @Test
    void listedRunsNeedEveryMapAndTheFilesAreTheOriginals() throws IOException {
        Path bin = binary(StandInFilterDatasets.create().needs(68006));
        List<RunCdbState> states;
        try (CdbLookup cdb = lookup(bin)) {
            states = cdb.check(RUNS, CalibrationSpec.DEFAULTS);
        }
        assertThat(states).extracting(RunCdbState::runTag).containsExactlyElementsOf(RUNS);
        assertThat(states.get(0).verdicts()).hasSize(7);
        assertThat(states.get(0).verdicts().values()).allSatisfy(v -> {
            assertThat(v.kind()).isEqualTo(Kind.NEEDED);
            assertThat(v.detail()).contains("run3auau-process.csv").contains("does not say which");
        });
        assertThat(states.get(1).verdicts().values()).extracting(CalibrationVerdict::kind).containsOnly(Kind.UP_TO_DATE);
        assertThat(states.get(0).needsMaps()).isTrue();
        assertThat(states.get(1).needsMaps()).isFalse();

        // byte-compatible with the original's files, and run as the original runs it: <bin> <csv> <outdir>
        assertThat(Files.readAllBytes(out().resolve("run3auau.csv")))
                .isEqualTo(Files.readAllBytes(SharedData.require("calocdb/SYNTHETIC_run3auau.csv")));
        assertThat(Files.readAllBytes(out().resolve("run3auau-process.csv")))
                .isEqualTo(Files.readAllBytes(SharedData.require("calocdb/SYNTHETIC_run3auau-process.csv")));
        assertThat(Files.readAllLines(dir.resolve("calls.txt"))).containsExactly(out().resolve("run3auau.csv") + " " + out());
        // its stdout is kept, in the binary's format
        List<String> stdout = Files.readAllLines(out().resolve("run3auau-filter-datasets.log"));
        List<String> sample = Files.readAllLines(SharedData.require("calocdb/SYNTHETIC_filter_datasets_stdout.txt")).stream()
                .map(l -> l.replace("/home/u/calo/run3auau/run3auau.csv", out().resolve("run3auau.csv").toString())
                        .replace("/home/u/calo/run3auau", out().toString()))
                .toList();
        assertThat(stdout.subList(1, 12)).isEqualTo(sample.subList(0, 11));
        assertThat(stdout.get(stdout.size() - 1)).isEqualTo("done");
    }

    @Test
    void aNonZeroExitFailsTheCheckWithItsStderr() {
        try (CdbLookup cdb = lookup(binary(StandInFilterDatasets.create().behaviour(Behaviour.FAILS)))) {
            assertThatThrownBy(() -> cdb.check(RUNS, CalibrationSpec.DEFAULTS)).isInstanceOf(CaloException.class)
                    .hasMessageContaining("CaloCDB-FilterDatasets " + out().resolve("run3auau.csv") + " " + out() + ": exit code 3")
                    .hasMessageContaining("stderr ends: ERROR: DataBaseException: cannot reach the CDB");
        }
    }

    @Test
    void aMalformedAnswerFailsTheCheck() {
        try (CdbLookup cdb = lookup(binary(StandInFilterDatasets.create().behaviour(Behaviour.GARBAGE)))) {
            assertThatThrownBy(() -> cdb.check(RUNS, CalibrationSpec.DEFAULTS)).isInstanceOf(CaloException.class)
                    .hasMessage(out().resolve("run3auau-process.csv") + ":2: expected a run number, found 'not-a-run'");
        }
    }

    @Test
    void aRunNotAskedForFailsTheCheck() {
        try (CdbLookup cdb = lookup(binary(StandInFilterDatasets.create().needs(68007).behaviour(Behaviour.EXTRA_RUN)))) {
            assertThatThrownBy(() -> cdb.check(RUNS, CalibrationSpec.DEFAULTS)).isInstanceOf(CaloException.class)
                    .hasMessage(out().resolve("run3auau-process.csv") + " lists run 1, which was not in " + out().resolve("run3auau.csv"));
        }
    }

    @Test
    void yesterdaysAnswerIsNeverTakenForTodays() throws IOException {
        Files.createDirectories(out());
        Files.writeString(out().resolve("run3auau-process.csv"), "runnumber\n68007\n");
        try (CdbLookup cdb = lookup(binary(StandInFilterDatasets.create().behaviour(Behaviour.NO_OUTPUT)))) {
            assertThatThrownBy(() -> cdb.check(RUNS, CalibrationSpec.DEFAULTS)).isInstanceOf(CaloException.class)
                    .hasMessageEndingWith("exited 0 but wrote no " + out().resolve("run3auau-process.csv"));
        }
    }

    @Test
    void aHungBinaryIsStoppedAtItsTimeout() {
        Path bin = binary(StandInFilterDatasets.create().behaviour(Behaviour.HANGS));
        try (CdbLookup cdb = ExternalBinaryCdbLookup.builder(bin, out()).csvStem("run3auau").timeout(Duration.ofMillis(500)).build()) {
            assertThatThrownBy(() -> cdb.check(RUNS, CalibrationSpec.DEFAULTS)).isInstanceOf(CaloException.class)
                    .hasMessageContaining("killed after its timeout");
        }
    }

    @Test
    void aMissingBinaryIsNamed() {
        try (CdbLookup cdb = lookup(dir.resolve("nowhere/CaloCDB-FilterDatasets"))) {
            assertThatThrownBy(() -> cdb.check(RUNS, CalibrationSpec.DEFAULTS)).isInstanceOf(CaloException.class)
                    .hasMessage("FilterDatasets binary " + dir.resolve("nowhere/CaloCDB-FilterDatasets") + " is not an executable file");
        }
    }

    @Test
    void noRunsRunNothing() {
        try (CdbLookup cdb = lookup(binary(StandInFilterDatasets.create()))) {
            assertThat(cdb.check(List.of(), CalibrationSpec.DEFAULTS)).isEmpty();
        }
        assertThat(dir.resolve("calls.txt")).doesNotExist();
    }

    /** The stand-in keeps the binary's usage rule (argc 2–4), so a wrong invocation shows up as it would. */
    @Test
    void theStandInRefusesAWrongArgumentCount() throws Exception {
        Path bin = binary(StandInFilterDatasets.create());
        Process p = new ProcessBuilder(bin.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isEqualTo(1);
        assertThat(output).startsWith("usage: CaloCDB-FilterDatasets input_csv [output_directory] [debug]");
    }

    @Test
    void theStemMustNameAFile() {
        assertThatThrownBy(() -> ExternalBinaryCdbLookup.builder(dir, dir).csvStem("../x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExternalBinaryCdbLookup.builder(dir, dir).build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("csvStem");
    }
}
