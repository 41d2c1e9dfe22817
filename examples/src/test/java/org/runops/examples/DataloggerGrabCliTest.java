package org.runops.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.runops.examples.Launcher.runops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.datalogger.DataFileReader;
import org.runops.datalogger.DataFiles;
import org.runops.testing.SharedData;

/** {@code runops datalogger grab-params | grab-events | nanny} end to end, on the simulated backend. */
class DataloggerGrabCliTest {
    @TempDir
    Path tmp;

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void grabParamsWritesOneSimulatedFileForTheRealParamList() throws IOException {
        Path params = SharedData.require("datalogger/workflow/ParamList.txt");
        Path out = tmp.resolve("out");
        Launcher.Run r = runops("datalogger", "grab-params", "--backend", "simulated", "--paramfile", params.toString(),
                "--stopat", "2020-03-11 00:00:00", "--minutes", "2", "--draftdir", tmp.resolve("draft").toString(), "--outdir", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(files(out)).singleElement().satisfies(f -> assertThat(f.getFileName().toString())
                .startsWith("MLParamData_").endsWith("_From_MLrn_2020-03-10+23:58:00_to_2020-03-11+00:00:00_SIMULATED.h5"));
        try (DataFileReader f = DataFiles.open(files(out).get(0))) {
            assertThat(f.keys()).hasSize(47).startsWith("B:VIMIN");
            assertThat(f.attributes()).containsEntry("backend", "simulated");
        }
        assertThat(r.out()).contains("B|GMPSSC").contains("wrote " + out);
    }

    @Test
    void grabEventsAndNannyRunOnTheSimulatedBackend() throws IOException {
        Path out = tmp.resolve("events");
        Launcher.Run r = runops("datalogger", "grab-events", "--backend", "simulated", "--stopat", "2019-06-27 00:01:00", "--minutes", "1",
                "--maxEvt", "0f", "--draftdir", tmp.toString(), "--outdir", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(files(out)).singleElement().satisfies(f -> assertThat(f.getFileName().toString()).contains("_From_EventC_").endsWith("_SIMULATED.h5"));

        Path params = Files.writeString(tmp.resolve("list.txt"), "MLrn B:VIMIN\n");
        Path archive = tmp.resolve("archive");
        Launcher.Run n = runops("datalogger", "nanny", "--backend", "simulated", "--paramfile", params.toString(), "--start", "20200101T000000",
                "--duration", "10m", "--run-once", "--draftdir", tmp.toString(), "--outdir", archive.toString());
        assertThat(n.exitCode()).as(n.err()).isZero();
        assertThat(files(archive)).singleElement().satisfies(f -> assertThat(archive.relativize(f).toString())
                .isEqualTo("202001/01/20200101T000000PT10M-1_0_0_SIMULATED.h5"));
    }

    @Test
    void onlyTheCommandsThatFetchInChunksTakeTheFetchOptions() {
        for (String command : List.of("grab-events", "timeline")) {
            for (String option : List.of("--parallelism=2", "--chunk=10m")) {
                Launcher.Run r = runops("datalogger", command, "--backend", "simulated", option);
                assertThat(r.exitCode()).as(command + " " + option).isEqualTo(2);
                assertThat(r.err()).contains("Unknown option: '" + option + "'");
            }
        }
        assertThat(runops("datalogger", "grab-params", "--help").out()).contains("--parallelism", "--chunk", "--timeout", "--publish-incomplete");
        assertThat(runops("datalogger", "nanny", "--help").out()).contains("--parallelism", "--chunk", "--timeout", "--publish-incomplete");
        assertThat(runops("datalogger", "grab-events", "--help").out()).contains("--timeout", "--publish-incomplete");
        Launcher.Run timeline = runops("datalogger", "timeline", "--backend", "simulated", "--publish-incomplete");
        assertThat(timeline.exitCode()).isEqualTo(2);
        assertThat(timeline.err()).contains("Unknown option: '--publish-incomplete'");
    }

    @Test
    void aMissingParameterListIsAnInputErrorNamingTheFile() {
        Path missing = tmp.resolve("nope.txt");
        Launcher.Run r = runops("datalogger", "grab-params", "--backend", "simulated", "--paramfile", missing.toString(), "--outdir", tmp.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("cannot read parameter list " + missing);
    }

    @Test
    void badOptionsAreInputErrors() {
        assertThat(runops("datalogger", "grab-params", "--backend", "replay").err()).contains("--backend replay needs --replay-dir DIR");
        assertThat(runops("datalogger", "grab-params", "--backend", "carrier-pigeon").exitCode()).isEqualTo(2);
        Launcher.Run hex = runops("datalogger", "grab-events", "--backend", "simulated", "--maxEvt", "zz");
        assertThat(hex.exitCode()).isEqualTo(2);
        assertThat(hex.err()).contains("--maxEvt must be a hexadecimal event code 00..ff, got 'zz'");
        Launcher.Run start = runops("datalogger", "nanny", "--backend", "simulated", "--start", "yesterday", "--outdir", tmp.toString());
        assertThat(start.exitCode()).isEqualTo(2);
        assertThat(start.err()).contains("--start 'yesterday' is not a UTC time");
        Launcher.Run stop = runops("datalogger", "grab-params", "--backend", "simulated", "--stopat", "soon",
                "--paramfile", SharedData.require("datalogger/workflow/ParamList.txt").toString());
        assertThat(stop.exitCode()).isEqualTo(2);
        assertThat(stop.err()).contains("--stopat 'soon' is not a time");
    }

    @Test
    void helpShowsTheOriginalFlags() {
        Launcher.Run r = runops("datalogger", "grab-params", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("--stopat", "--startat", "--days", "--hours", "--minutes", "--seconds", "--maxcount", "--dryrun",
                "--draftdir", "--outdir", "--logger", "--paramfile", "--backend", "--url", "--zone", "--parallelism", "--chunk", "--timeout");
        assertThat(runops("datalogger", "grab-events", "--help").out()).contains("--maxEvt", "-o ");
        assertThat(runops("datalogger", "--help").out()).contains("grab-params", "grab-events", "nanny");
        for (String command : List.of("grab-params", "grab-events", "nanny")) {
            assertThat(runops("datalogger", command, "--help").out().replaceAll("\\s+", " ")).as(command + " --help")
                    .contains("nothing is published", "again", "--publish-incomplete publishes what arrived");
        }
        assertThat(runops("datalogger", "grab-params", "--help").out().replaceAll("\\s+", " "))
                .contains("fetches only the missing chunks", "same device list, if every device in it is OK or EMPTY");
        assertThat(runops("datalogger", "nanny", "--help").out().replaceAll("\\s+", " ")).contains("fetches only its missing chunks");
    }
}
