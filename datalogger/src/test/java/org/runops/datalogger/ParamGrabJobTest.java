package org.runops.datalogger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.datalogger.internal.DraftPublisher;

class ParamGrabJobTest {
    /** 01:00 CDT on 2020-03-11: the default stop is local midnight, 2020-03-11T05:00Z. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2020-03-11T06:00:00.25Z"), ZoneOffset.UTC);
    static final Instant MIDNIGHT_CDT = Instant.parse("2020-03-11T05:00:00Z");

    @TempDir
    Path dir;

    private Path paramFile(String text) throws IOException {
        return Files.writeString(dir.resolve("ParamList.txt"), text);
    }

    static ParamGrabJob.Options options(Path paramFile, Path draft, Path out) {
        return ParamGrabJob.Options.defaults(paramFile).withPaths(draft, out).withWindow(new GrabWindow(Optional.empty(), Optional.empty(), 0, 1, 0, 0));
    }

    static List<Path> files(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.sorted().toList();
        }
    }

    @Test
    void grabsEveryDeviceIntoOneFilePublishedUnderTheOriginalName() throws IOException {
        Path params = paramFile("MLrn B:VIMIN\nMLrn B_VIMIN  \nMLrn B|GMPSSC\n");
        Path draft = dir.resolve("draft");
        Path out = dir.resolve("out");
        GrabResult r = new ParamGrabJob(new OneHertzClient("acl"), CLOCK).run(options(params, draft, out));

        String expected = "MLParamData_1583906400.25_From_MLrn_2020-03-10+23:00:00_to_2020-03-11+00:00:00.h5";
        assertThat(r.file()).contains(out.resolve(expected));
        assertThat(files(out)).containsExactly(out.resolve(expected));
        assertThat(files(draft)).isEmpty(); // draft moved, checkpoint cleared
        assertThat(r.window()).isEqualTo(new TimeWindow(MIDNIGHT_CDT.minusSeconds(3600), MIDNIGHT_CDT));
        assertThat(r.outcomes()).extracting(GrabResult.Outcome::key).containsExactly("B:VIMIN", "B_VIMIN", "B|GMPSSC");
        assertThat(r.outcomes()).allSatisfy(o -> {
            assertThat(o.status().isOk()).isTrue();
            assertThat(o.samples()).isEqualTo(3600);
        });
        assertThat(r.hasFailures()).isFalse();
        try (DataFileReader f = DataFiles.open(r.file().orElseThrow())) {
            assertThat(f.attributes()).containsEntry("backend", "acl").containsEntry("kind", "params")
                    .containsEntry("window_start", "2020-03-11T04:00:00Z").containsEntry("window_end", "2020-03-11T05:00:00Z");
            assertThat(f.keyAttributes("B|GMPSSC")).containsEntry("node", "MLrn").containsEntry("status", "OK").containsEntry("samples", "3600");
            DataFilesTest.Scanned s = DataFilesTest.scan(f, "B|GMPSSC");
            long first = MIDNIGHT_CDT.getEpochSecond() - 3600;
            assertThat(s.times()[0]).isEqualTo(first);
            assertThat(s.values()[10]).isEqualTo(OneHertzClient.valueAt("B|GMPSSC", first + 10));
        }
    }

    @Test
    void aFailingDeviceIsReportedAndTheOthersAreKept() throws IOException {
        Path params = paramFile("MLrn B:VIMIN\nMLrn B:ERRDEV\nMLrn B:NONEDV\nthis line is bad\n");
        GrabResult r = new ParamGrabJob(new OneHertzClient("acl"), CLOCK).run(options(params, dir.resolve("d"), dir.resolve("o")));
        assertThat(r.hasFailures()).isTrue();
        assertThat(r.outcomes()).extracting(o -> o.status().kind())
                .containsExactly(FetchStatus.Kind.OK, FetchStatus.Kind.ERROR, FetchStatus.Kind.EMPTY);
        assertThat(r.skippedLines()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(4));
        try (DataFileReader f = DataFiles.open(r.file().orElseThrow())) {
            assertThat(DataFilesTest.scan(f, "B:VIMIN").times()).hasSize(3600);
            assertThat(f.keyAttributes("B:ERRDEV").get("status")).startsWith("ERROR").contains("DIO_NO_SUCH");
            assertThat(DataFilesTest.scan(f, "B:ERRDEV").times()).isEmpty();
        }
    }

    @Test
    void simulatedDataIsMarkedInTheNameAndTheAttributes() throws IOException {
        Path params = paramFile("MLrn B:VIMIN\n");
        GrabResult r = new ParamGrabJob(new OneHertzClient("simulated"), CLOCK).run(options(params, dir.resolve("d"), dir.resolve("o")));
        assertThat(r.file().orElseThrow().getFileName().toString()).endsWith("_to_2020-03-11+00:00:00_SIMULATED.h5");
        try (DataFileReader f = DataFiles.open(r.file().orElseThrow())) {
            assertThat(f.attributes()).containsEntry("backend", "simulated");
            assertThat(f.keyAttributes("B:VIMIN")).containsEntry("backend", "simulated");
        }
    }

    @Test
    void loggerOptionForcesOneNodeAndMaxCountKeepsTheFirstDevices() throws IOException {
        Path params = paramFile("NuMI2 E:DURL01\nMLrn B:VIMIN\nMLrn B:VIMAX\n");
        OneHertzClient client = new OneHertzClient("acl");
        ParamGrabJob.Options o = options(params, dir.resolve("d"), dir.resolve("o"));
        o = new ParamGrabJob.Options(o.paramFile(), o.window(), Optional.of(LoggerNode.of("Bstr")), OptionalInt.of(2), false,
                o.draftDir(), o.outDir(), o.zone(), o.fetch(), "csv", false, o.listener());
        GrabResult r = new ParamGrabJob(client, CLOCK).run(o);
        assertThat(client.requests).extracting(d -> d.node().name()).containsOnly("Bstr");
        assertThat(client.requests).extracting(d -> d.device().text()).containsOnly("E:DURL01", "B:VIMIN");
        assertThat(r.file().orElseThrow().getFileName().toString()).contains("_From_Bstr_").endsWith(".csv");
        try (DataFileReader f = DataFiles.open(r.file().orElseThrow())) {
            assertThat(f.keys()).containsExactly("E:DURL01", "B:VIMIN");
        }
    }

    @Test
    void perLineNodesAreHonouredByDefault() throws IOException {
        Path params = paramFile("NuMI2 E:DURL01\nMLrn B:VIMIN\n");
        OneHertzClient client = new OneHertzClient("acl");
        GrabResult r = new ParamGrabJob(client, CLOCK).run(options(params, dir.resolve("d"), dir.resolve("o")));
        assertThat(client.requests).extracting(DeviceRequest::toString).containsOnly("NuMI2 E:DURL01", "MLrn B:VIMIN");
        assertThat(r.file().orElseThrow().getFileName().toString()).contains("_From_MLrn_"); // mixed nodes: the original's default
    }

    @Test
    void dryRunFetchesButWritesNothing() throws IOException {
        Path params = paramFile("MLrn B:VIMIN\n");
        ParamGrabJob.Options o = options(params, dir.resolve("d"), dir.resolve("o"));
        o = new ParamGrabJob.Options(o.paramFile(), o.window(), o.logger(), o.maxCount(), true, o.draftDir(), o.outDir(), o.zone(),
                o.fetch(), o.format(), false, o.listener());
        GrabResult r = new ParamGrabJob(new OneHertzClient("acl"), CLOCK).run(o);
        assertThat(r.file()).isEmpty();
        assertThat(r.outcomes()).singleElement().satisfies(x -> assertThat(x.samples()).isEqualTo(3600));
        assertThat(files(dir.resolve("d"))).isEmpty();
        assertThat(files(dir.resolve("o"))).isEmpty();
    }

    @Test
    void aListWithoutDevicesIsAnErrorNamingTheFile() throws IOException {
        Path params = paramFile("only one token\n\n");
        assertThatThrownBy(() -> new ParamGrabJob(new OneHertzClient("acl"), CLOCK).run(options(params, dir, dir)))
                .isInstanceOf(DataLoggerException.class).hasMessageContaining(params.toString()).hasMessageContaining("line 1");
    }

    /**
     * A real child JVM grabs, writes its draft and is killed (SIGKILL) before publishing: the output
     * folder holds no file, the draft is whole, and the next run publishes it without fetching again.
     */
    @Test
    void aRunKilledBetweenDraftAndFinalLeavesNoFileAndTheRerunPublishesTheDraft() throws Exception {
        Path params = paramFile("MLrn B:VIMIN\nMLrn B:VIMAX\n");
        Path draft = dir.resolve("draft");
        Path out = dir.resolve("out");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), KilledGrab.class.getName(),
                params.toString(), draft.toString(), out.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = lines.readLine();
            } while (line != null && !line.startsWith(KilledGrab.DRAFT_WRITTEN));
            assertThat(line).as("the child reports its draft").isNotNull();
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(files(out)).isEmpty();
        assertThat(files(draft)).filteredOn(p -> p.getFileName().toString().startsWith(".MLParamData_")).singleElement()
                .satisfies(p -> assertThat(p.getFileName().toString()).endsWith(".draft"));

        OneHertzClient client = new OneHertzClient("acl");
        GrabResult r = new ParamGrabJob(client, CLOCK).run(options(params, draft, out));
        assertThat(r.resumedDraft()).isTrue();
        assertThat(client.requests).isEmpty();
        assertThat(files(out)).containsExactly(r.file().orElseThrow());
        assertThat(r.outcomes()).extracting(GrabResult.Outcome::samples).containsExactly(3600, 3600);
        assertThat(files(draft)).noneMatch(p -> p.getFileName().toString().contains("MLParamData_"));
        try (DataFileReader f = DataFiles.open(r.file().orElseThrow())) {
            assertThat(DataFilesTest.scan(f, "B:VIMAX").times()).hasSize(3600);
        }
    }

    /** The child of the crash test: grabs, and stops dead once the draft is written. */
    public static final class KilledGrab {
        static final String DRAFT_WRITTEN = "DRAFT WRITTEN ";

        public static void main(String[] args) throws InterruptedException {
            ParamGrabJob.Options o = options(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]));
            o = new ParamGrabJob.Options(o.paramFile(), o.window(), o.logger(), o.maxCount(), o.dryRun(), o.draftDir(), o.outDir(),
                    o.zone(), o.fetch(), o.format(), false, new GrabListener() {
                        @Override
                        public void draftWritten(Path draft) {
                            System.out.println(DRAFT_WRITTEN + draft);
                            System.out.flush();
                            try {
                                Thread.sleep(Long.MAX_VALUE); // the parent kills us here
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    });
            new ParamGrabJob(new OneHertzClient("acl"), CLOCK).run(o);
        }
    }

    /** Ten minutes of the simulated backend, drafts and output in {@code folder} (the CLI defaults: both "."). */
    private static ParamGrabJob.Options oneFolder(Path params, Path folder, OptionalInt maxCount, GrabListener listener) {
        ParamGrabJob.Options o = options(params, folder, folder).withWindow(new GrabWindow(Optional.empty(), Optional.empty(), 0, 0, 10, 0));
        return new ParamGrabJob.Options(o.paramFile(), o.window(), o.logger(), maxCount, false, o.draftDir(), o.outDir(), o.zone(), o.fetch(),
                o.format(), false, listener);
    }

    @Test
    void theFileAnEarlierRunPublishedIsNeverTakenForALeftoverDraft() throws IOException {
        Path params = paramFile("MLrn B:VIMIN\nMLrn B:VIMAX\n");
        Path folder = dir.resolve("here");
        DataLoggerClient sim = DataLoggerClient.simulated(7, SimulationProfile.booster());
        GrabResult first = new ParamGrabJob(sim, CLOCK).run(oneFolder(params, folder, OptionalInt.empty(), GrabListener.none()));
        GrabResult second = new ParamGrabJob(sim, Clock.offset(CLOCK, Duration.ofSeconds(5)))
                .run(oneFolder(params, folder, OptionalInt.empty(), GrabListener.none()));
        assertThat(second.resumedDraft()).isFalse();
        assertThat(files(folder)).containsExactly(first.file().orElseThrow(), second.file().orElseThrow());
    }

    @Test
    void aLeftoverDraftOfAnotherDeviceListIsNotPublishedInsteadOfTheWholeList() throws IOException {
        Path params = paramFile("MLrn B:VIMIN\nMLrn B:VIMAX\nMLrn I:IB\n");
        Path folder = dir.resolve("here");
        DataLoggerClient sim = DataLoggerClient.simulated(7, SimulationProfile.booster());
        assertThatThrownBy(() -> new ParamGrabJob(sim, CLOCK).run(oneFolder(params, folder, OptionalInt.of(2), KILLED_AFTER_DRAFT)))
                .hasMessage("killed");
        assertThat(files(folder)).filteredOn(p -> p.getFileName().toString().endsWith(".draft")).hasSize(1);

        GrabResult whole = new ParamGrabJob(sim, CLOCK).run(oneFolder(params, folder, OptionalInt.empty(), GrabListener.none()));
        assertThat(whole.resumedDraft()).isFalse();
        assertThat(whole.outcomes()).extracting(GrabResult.Outcome::key).containsExactly("B:VIMIN", "B:VIMAX", "I:IB");
        try (DataFileReader f = DataFiles.open(whole.file().orElseThrow())) {
            assertThat(f.keys()).containsExactly("B:VIMIN", "B:VIMAX", "I:IB");
        }
        assertThat(files(folder)).as("the draft of the other list, which no rerun resumes, is deleted").containsExactly(whole.file().orElseThrow());
    }

    private static final GrabListener KILLED_AFTER_DRAFT = new GrabListener() {
        @Override
        public void draftWritten(Path draft) {
            throw new IllegalStateException("killed");
        }
    };

    private static Path leftDraft(Path folder) throws IOException {
        return files(folder).stream().filter(p -> p.getFileName().toString().endsWith(".draft")).findFirst().orElseThrow();
    }

    @Test
    void aLeftoverDraftIsPublishedUnderTheNameAndCreationTimeOfTheRunThatWroteIt() throws IOException {
        Path params = paramFile("MLrn B:VIMIN\nMLrn B:VIMAX\n");
        Path folder = dir.resolve("here");
        DataLoggerClient sim = DataLoggerClient.simulated(7, SimulationProfile.booster());
        assertThatThrownBy(() -> new ParamGrabJob(sim, CLOCK).run(oneFolder(params, folder, OptionalInt.empty(), KILLED_AFTER_DRAFT)))
                .hasMessage("killed");
        Path draft = leftDraft(folder);

        GrabResult rerun = new ParamGrabJob(sim, Clock.offset(CLOCK, Duration.ofMinutes(5)))
                .run(oneFolder(params, folder, OptionalInt.empty(), GrabListener.none()));
        assertThat(rerun.resumedDraft()).isTrue();
        assertThat(rerun.file().orElseThrow().getFileName().toString()).isEqualTo(DraftPublisher.publishedName(draft))
                .startsWith("MLParamData_" + CLOCK.instant().getEpochSecond() + ".25_");
        try (DataFileReader f = DataFiles.open(rerun.file().orElseThrow())) {
            assertThat(f.attributes()).containsEntry(DataFiles.ATTR_CREATED, CLOCK.instant().toString());
        }
        assertThat(files(folder)).containsExactly(rerun.file().orElseThrow());
    }

    /** Across file systems the copy is renamed into place before the draft is deleted; a kill between leaves both. */
    @Test
    void aLeftoverDraftWhoseCopyWasAlreadyPublishedIsDeletedNotPublishedTwice() throws IOException {
        Path params = paramFile("MLrn B:VIMIN\nMLrn B:VIMAX\n");
        Path folder = dir.resolve("here");
        DataLoggerClient sim = DataLoggerClient.simulated(7, SimulationProfile.booster());
        assertThatThrownBy(() -> new ParamGrabJob(sim, CLOCK).run(oneFolder(params, folder, OptionalInt.empty(), KILLED_AFTER_DRAFT)))
                .hasMessage("killed");
        Path draft = leftDraft(folder);
        Path published = Files.copy(draft, folder.resolve(DraftPublisher.publishedName(draft)));

        GrabResult rerun = new ParamGrabJob(sim, Clock.offset(CLOCK, Duration.ofMinutes(5)))
                .run(oneFolder(params, folder, OptionalInt.empty(), GrabListener.none()));
        assertThat(rerun.file()).contains(published);
        assertThat(files(folder)).containsExactly(published);
    }
}
