package org.runops.datalogger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.datalogger.internal.DraftPublisher;

class EventGrabJobTest {
    @TempDir
    Path dir;

    private EventGrabJob.Options options(int maxEvent, boolean oneAndDone) {
        return options(maxEvent, oneAndDone, false);
    }

    private EventGrabJob.Options options(int maxEvent, boolean oneAndDone, boolean publishIncomplete) {
        return new EventGrabJob.Options(new GrabWindow(Optional.of("2019-06-27 00:01:00"), Optional.empty(), 0, 0, 1, 0), maxEvent,
                oneAndDone, false, dir.resolve("draft"), dir.resolve("out"), DataLoggerClient.FERMILAB_ZONE, "h5", publishIncomplete,
                GrabListener.none());
    }

    @Test
    void eachEventThatOccurredIsOneSeriesWithTrueUtcTimes() {
        GrabResult r = new EventGrabJob(new OneHertzClient("acl"), ParamGrabJobTest.CLOCK).run(options(7, false, true));
        assertThat(r.outcomes()).extracting(GrabResult.Outcome::key)
                .containsExactly("Event00", "Event01", "Event02", "Event03", "Event04", "Event05", "Event06", "Event07");
        assertThat(r.outcomes()).extracting(o -> o.status().kind()).containsExactly(FetchStatus.Kind.OK, FetchStatus.Kind.OK,
                FetchStatus.Kind.OK, FetchStatus.Kind.OK, FetchStatus.Kind.OK, FetchStatus.Kind.EMPTY, FetchStatus.Kind.ERROR, FetchStatus.Kind.OK);
        assertThat(r.outcomes().get(6).status().detail()).contains("HTTP 500");
        assertThat(r.hasFailures()).isTrue();
        Path file = r.file().orElseThrow();
        assertThat(file.getFileName().toString())
                .matches("MLEventData_1583906400.25_From_EventC_2019-06-27\\+00:00:00_to_2019-06-27\\+00:01:00\\.h5");
        try (DataFileReader f = DataFiles.open(file)) {
            assertThat(f.attributes()).containsEntry("kind", "events");
            // published incomplete: the failed event is kept as a series without samples, so the file says it is missing
            assertThat(f.keys()).containsExactly("Event00", "Event01", "Event02", "Event03", "Event04", "Event06", "Event07");
            assertThat(f.keyAttributes("Event06").get("status")).startsWith("ERROR (").contains("HTTP 500");
            assertThat(DataFilesTest.scan(f, "Event06").times()).isEmpty();
            assertThat(f.keyAttributes("Event03")).containsEntry("units", EventGrabJob.UNITS).containsEntry("node", "EventC");
            DataFilesTest.Scanned e00 = DataFilesTest.scan(f, "Event00");
            // 2019-06-27 00:00:00 CDT is 05:00:00 UTC: the original would have stored 00:00:00 as if UTC
            long start = Instant.parse("2019-06-27T05:00:00Z").getEpochSecond();
            assertThat(e00.times()).hasSize(60).startsWith(start, start + 1);
            assertThat(e00.values()[0]).isEqualTo(start % 60);
            assertThat(DataFilesTest.scan(f, "Event03").times()).hasSize(15);
        }
    }

    @Test
    void aFailedEventPublishesNothingAndReportsTheGrabIncomplete() throws IOException {
        GrabResult r = new EventGrabJob(new OneHertzClient("acl"), ParamGrabJobTest.CLOCK).run(options(7, false));
        assertThat(r.file()).isEmpty();
        assertThat(r.incomplete()).extracting(GrabResult.Outcome::key).containsExactly("Event06");
        assertThat(r.hasFailures()).isTrue();
        assertThat(r.incompleteReport()).contains("Event06", "HTTP 500", "nothing published", "--publish-incomplete");
        assertThat(ParamGrabJobTest.files(dir.resolve("out"))).isEmpty();
        assertThat(ParamGrabJobTest.files(dir.resolve("draft"))).isEmpty();
    }

    @Test
    void oneAndDoneStopsAfterTheFirstEventWithData() {
        GrabResult r = new EventGrabJob(new OneHertzClient("acl"), ParamGrabJobTest.CLOCK).run(options(0xFF, true));
        assertThat(r.outcomes()).extracting(GrabResult.Outcome::key).containsExactly("Event00");
        try (DataFileReader f = DataFiles.open(r.file().orElseThrow())) {
            assertThat(f.keys()).containsExactly("Event00");
        }
        assertThat(EventGrabJob.key(0xA5)).isEqualTo("Eventa5");
    }

    @Test
    void dryRunAsksButWritesNothing() {
        EventGrabJob.Options o = options(3, false);
        o = new EventGrabJob.Options(o.window(), o.maxEvent(), false, true, o.draftDir(), o.outDir(), o.zone(), o.format(), false,
                o.listener());
        GrabResult r = new EventGrabJob(new OneHertzClient("acl"), ParamGrabJobTest.CLOCK).run(o);
        assertThat(r.file()).isEmpty();
        assertThat(r.totalSamples()).isEqualTo(60 + 30 + 20 + 15);
        assertThat(dir.resolve("draft")).doesNotExist();
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void anInterruptStopsTheGrabBetweenRequestsAndWritesNothing() {
        EventGrabJob job = new EventGrabJob(DataLoggerClient.simulated(7, SimulationProfile.booster()), ParamGrabJobTest.CLOCK);
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> job.run(options(0xFF, false))).isInstanceOf(DataLoggerException.class)
                    .hasMessageContaining("interrupted before event Event00").hasMessageContaining("nothing written");
            assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is kept for the caller").isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(dir.resolve("out")).doesNotExist();
    }

    /**
     * A run killed after its draft, whose copy across file systems was already renamed into place: the
     * rerun (minutes later) neither publishes it again under its own creation time nor keeps the draft.
     */
    @Test
    void aLeftoverDraftIsPublishedUnderItsOwnNameAndOnlyOnce() throws IOException {
        EventGrabJob.Options o = options(4, false);
        EventGrabJob.Options killed = new EventGrabJob.Options(o.window(), o.maxEvent(), false, false, o.draftDir(), o.outDir(), o.zone(),
                o.format(), false, new GrabListener() {
                    @Override
                    public void draftWritten(Path draft) {
                        throw new IllegalStateException("killed");
                    }
                });
        assertThatThrownBy(() -> new EventGrabJob(new OneHertzClient("acl"), ParamGrabJobTest.CLOCK).run(killed)).hasMessage("killed");
        Path draft = ParamGrabJobTest.files(o.draftDir()).get(0);
        Path published = Files.copy(draft, Files.createDirectories(o.outDir()).resolve(DraftPublisher.publishedName(draft)));
        assertThat(published.getFileName().toString()).startsWith("MLEventData_1583906400.25_");

        GrabResult rerun = new EventGrabJob(new OneHertzClient("acl"), Clock.offset(ParamGrabJobTest.CLOCK, Duration.ofMinutes(5))).run(o);
        assertThat(rerun.resumedDraft()).isTrue();
        assertThat(rerun.file()).contains(published);
        assertThat(ParamGrabJobTest.files(o.outDir())).containsExactly(published);
        assertThat(ParamGrabJobTest.files(o.draftDir())).isEmpty();
    }

    @Test
    void aDraftHoldingAFailedEventIsNotResumedAndIsDeletedOnceTheGrabIsPublished() throws IOException {
        EventGrabJob.Options o = options(7, false, true);
        EventGrabJob.Options killed = new EventGrabJob.Options(o.window(), o.maxEvent(), false, false, o.draftDir(), o.outDir(), o.zone(),
                o.format(), true, new GrabListener() {
                    @Override
                    public void draftWritten(Path draft) {
                        throw new IllegalStateException("killed");
                    }
                });
        assertThatThrownBy(() -> new EventGrabJob(new OneHertzClient("acl"), ParamGrabJobTest.CLOCK).run(killed)).hasMessage("killed");
        assertThat(ParamGrabJobTest.files(o.draftDir())).hasSize(1);

        GrabResult rerun = new EventGrabJob(new OneHertzClient("acl"), Clock.offset(ParamGrabJobTest.CLOCK, Duration.ofMinutes(5))).run(o);
        assertThat(rerun.resumedDraft()).isFalse();
        assertThat(ParamGrabJobTest.files(o.outDir())).containsExactly(rerun.file().orElseThrow());
        assertThat(ParamGrabJobTest.files(o.draftDir())).isEmpty();
    }
}
