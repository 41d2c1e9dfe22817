package org.runops.datalogger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NannyJobTest {
    private static final Instant FIRST = Instant.parse("2020-03-08T22:00:00Z");

    @TempDir
    Path dir;

    private NannyJob.Options options(boolean runOnce) throws IOException {
        Path params = dir.resolve("list.txt");
        if (!Files.exists(params)) {
            Files.writeString(params, "MLrn B:VIMIN\nMLrn B:VIMAX\n");
        }
        return new NannyJob.Options(params, FIRST, Duration.ofHours(1), "1.0.0", dir.resolve("draft"), dir.resolve("out"), runOnce,
                FetchOptions.defaults(), false, GrabListener.none());
    }

    private static NannyJob job(String now) {
        return new NannyJob(new OneHertzClient("acl"), Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
    }

    private List<String> published() throws IOException {
        try (Stream<Path> s = Files.walk(dir.resolve("out"))) {
            return s.filter(Files::isRegularFile).map(p -> dir.resolve("out").relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void catchesUpOnEveryEndedChunkAcrossMidnightAndResumesFromTheNewestFile() throws IOException {
        List<GrabResult> first = job("2020-03-09T00:30:00Z").catchUp(options(false));
        assertThat(first).hasSize(2); // 22:00 and 23:00; 00:00 has not ended
        assertThat(published()).containsExactly("202003/08/20200308T220000PT1H-1_0_0.h5", "202003/08/20200308T230000PT1H-1_0_0.h5");
        assertThat(first.get(1).outcomes()).extracting(GrabResult.Outcome::samples).containsExactly(3600, 3600);
        try (DataFileReader f = DataFiles.open(first.get(1).file().orElseThrow())) {
            assertThat(f.attributes()).containsEntry("window_start", "2020-03-08T23:00:00Z").containsEntry("window_end", "2020-03-09T00:00:00Z");
            assertThat(DataFilesTest.scan(f, "B:VIMAX").times()[0]).isEqualTo(Instant.parse("2020-03-08T23:00:00Z").getEpochSecond());
        }

        assertThat(NannyJob.nextStart(dir.resolve("out"), FIRST, Duration.ofHours(1), "1.0.0", "acl")).isEqualTo(Instant.parse("2020-03-09T00:00:00Z"));
        List<GrabResult> second = job("2020-03-09T02:00:00Z").catchUp(options(false));
        assertThat(second).extracting(r -> r.window().start())
                .containsExactly(Instant.parse("2020-03-09T00:00:00Z"), Instant.parse("2020-03-09T01:00:00Z"));
        assertThat(published()).hasSize(4).contains("202003/09/20200309T000000PT1H-1_0_0.h5", "202003/09/20200309T010000PT1H-1_0_0.h5");
        assertThat(job("2020-03-09T02:59:59Z").catchUp(options(false))).isEmpty();
    }

    @Test
    void runOnceFetchesOnlyTheNextChunk() throws IOException {
        List<GrabResult> r = job("2020-03-09T12:00:00Z").catchUp(options(true));
        assertThat(r).singleElement().satisfies(x -> assertThat(x.window().start()).isEqualTo(FIRST));
        assertThat(published()).containsExactly("202003/08/20200308T220000PT1H-1_0_0.h5");
    }

    @Test
    void aFinishedDraftOfAKilledRunIsPublishedNotFetchedAgain() throws IOException {
        NannyJob.Options o = options(true);
        OneHertzClient client = new OneHertzClient("acl");
        Clock clock = Clock.fixed(Instant.parse("2020-03-09T12:00:00Z"), ZoneOffset.UTC);
        // the first run dies right after writing its draft
        GrabListener dies = new GrabListener() {
            @Override
            public void draftWritten(Path draft) {
                throw new IllegalStateException("killed");
            }
        };
        NannyJob.Options dying = new NannyJob.Options(o.paramFile(), o.firstStart(), o.chunk(), o.version(), o.draftDir(), o.outDir(), true, o.fetch(), false, dies);
        try {
            new NannyJob(client, clock).catchUp(dying);
        } catch (IllegalStateException expected) {
            // the "kill"
        }
        assertThat(dir.resolve("out")).doesNotExist();
        int requestsBefore = client.requests.size();
        List<GrabResult> r = new NannyJob(client, clock).catchUp(o);
        assertThat(r).singleElement().satisfies(x -> assertThat(x.resumedDraft()).isTrue());
        assertThat(client.requests).hasSize(requestsBefore);
        assertThat(published()).containsExactly("202003/08/20200308T220000PT1H-1_0_0.h5");
    }

    @Test
    void filesOfAnotherBackendVersionOrDurationDoNotMoveTheNannyOn() throws IOException {
        NannyJob.Options o = options(true);
        Clock later = Clock.fixed(Instant.parse("2020-03-09T06:00:00Z"), ZoneOffset.UTC);
        // a simulated run, another list version and two-hour chunks, all into the same folder
        new NannyJob(DataLoggerClient.simulated(7, SimulationProfile.booster()), later).catchUp(o);
        new NannyJob(new OneHertzClient("acl"), later).catchUp(new NannyJob.Options(o.paramFile(), o.firstStart(), o.chunk(), "2.0.0",
                o.draftDir(), o.outDir(), true, o.fetch(), false, GrabListener.none()));
        new NannyJob(new OneHertzClient("acl"), later).catchUp(new NannyJob.Options(o.paramFile(), o.firstStart(), Duration.ofHours(2),
                o.version(), o.draftDir(), o.outDir(), true, o.fetch(), false, GrabListener.none()));
        assertThat(published()).hasSize(3);
        assertThat(NannyJob.nextStart(o.outDir(), FIRST, o.chunk(), o.version(), "acl")).isEqualTo(FIRST);

        List<GrabResult> real = new NannyJob(new OneHertzClient("acl"), later).catchUp(o);
        assertThat(real).singleElement().satisfies(r -> assertThat(r.window().start()).isEqualTo(FIRST));
    }

    @Test
    void fillDayFetchesOnlyTheChunksOfTheDayNotOnDisk() throws IOException {
        NannyJob.Options o = new NannyJob.Options(options(false).paramFile(), FIRST, Duration.ofHours(6), "1.0.0", dir.resolve("draft"),
                dir.resolve("out"), false, FetchOptions.defaults(), false, GrabListener.none());
        Path second = DataFileNames.nannyFile(o.outDir(), Instant.parse("2020-03-09T06:00:00Z"), o.chunk(), "1.0.0", "acl");
        Files.createDirectories(second.getParent());
        Files.writeString(second, "kept");
        OneHertzClient client = new OneHertzClient("acl");
        List<GrabResult> results = new NannyJob(client, Clock.fixed(Instant.parse("2020-03-12T00:00:00Z"), ZoneOffset.UTC))
                .fillDay(o, java.time.LocalDate.parse("2020-03-09"));
        assertThat(results).extracting(r -> r.window().start()).containsExactly(Instant.parse("2020-03-09T00:00:00Z"),
                Instant.parse("2020-03-09T12:00:00Z"), Instant.parse("2020-03-09T18:00:00Z"));
        assertThat(published()).containsExactly("202003/09/20200309T000000PT6H-1_0_0.h5", "202003/09/20200309T060000PT6H-1_0_0.h5",
                "202003/09/20200309T120000PT6H-1_0_0.h5", "202003/09/20200309T180000PT6H-1_0_0.h5");
        assertThat(Files.readString(second)).isEqualTo("kept");
        int asked = client.requests.size();
        assertThat(new NannyJob(client, Clock.systemUTC()).fillDay(o, java.time.LocalDate.parse("2020-03-09"))).isEmpty();
        assertThat(client.requests).hasSize(asked);
    }
}
