package org.runops.datalogger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GrabWindowTest {
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    private static GrabWindow window(String stop, String start, double d, double h, double m, double s) {
        return new GrabWindow(Optional.ofNullable(stop), Optional.ofNullable(start), d, h, m, s);
    }

    @Test
    void defaultIsOneDayEndingAtTheLastLocalMidnight() {
        // 2020-03-11 01:00 CDT
        TimeWindow w = GrabWindow.lastDay().resolve(at("2020-03-11T06:00:00Z"), CHICAGO);
        assertThat(w).isEqualTo(new TimeWindow(Instant.parse("2020-03-10T05:00:00Z"), Instant.parse("2020-03-11T05:00:00Z")));
        // 2020-03-10 23:59 CDT is still the 10th locally although the 11th in UTC
        assertThat(GrabWindow.lastMidnight(at("2020-03-11T04:59:59Z"), CHICAGO)).isEqualTo(Instant.parse("2020-03-10T05:00:00Z"));
        // exactly midnight: that midnight
        assertThat(GrabWindow.lastMidnight(at("2020-03-11T05:00:00Z"), CHICAGO)).isEqualTo(Instant.parse("2020-03-11T05:00:00Z"));
    }

    @Test
    void theDailyWindowRunsLocalMidnightToMidnightAcrossDstChanges() {
        // 2020-03-08: clocks jump from 02:00 CST to 03:00 CDT; the original's timedelta on naive datetimes
        // makes "one day" the wall-clock day, so the window of the 9th's cron is the 8th, 23 real hours
        TimeWindow spring = GrabWindow.lastDay().resolve(at("2020-03-09T12:00:00Z"), CHICAGO);
        assertThat(GrabWindow.localStamp(spring.start(), CHICAGO)).isEqualTo("2020-03-08+00:00:00");
        assertThat(GrabWindow.localStamp(spring.end(), CHICAGO)).isEqualTo("2020-03-09+00:00:00");
        assertThat(spring.length()).isEqualTo(Duration.ofHours(23));
        // the day before ends where the 9th's window starts: no overlap
        TimeWindow before = GrabWindow.lastDay().resolve(at("2020-03-08T12:00:00Z"), CHICAGO);
        assertThat(before.end()).isEqualTo(spring.start());
        // 2020-11-01: clocks fall back from 02:00 CDT to 01:00 CST; that day has 25 real hours
        TimeWindow autumn = GrabWindow.lastDay().resolve(at("2020-11-02T12:00:00Z"), CHICAGO);
        assertThat(GrabWindow.localStamp(autumn.start(), CHICAGO)).isEqualTo("2020-11-01+00:00:00");
        assertThat(GrabWindow.localStamp(autumn.end(), CHICAGO)).isEqualTo("2020-11-02+00:00:00");
        assertThat(autumn.start()).isEqualTo(Instant.parse("2020-11-01T05:00:00Z")); // midnight CDT: 00:00-01:00 is fetched
        assertThat(autumn.length()).isEqualTo(Duration.ofHours(25));
        assertThat(GrabWindow.lastDay().resolve(at("2020-11-01T12:00:00Z"), CHICAGO).end()).isEqualTo(autumn.start());
        // --startat at the local midnight gives the same 23-hour day
        TimeWindow day = window("2020-03-09", "2020-03-08", 1, 0, 0, 0).resolve(at("2020-03-09T12:00:00Z"), CHICAGO);
        assertThat(day).isEqualTo(spring);
    }

    @Test
    void fractionalPartsAreWallClockTimeToo() {
        // 1.5 days + 1.5 h before 2020-11-02 12:00 on the wall clock is 2020-10-31 22:30: 37.5 wall-clock hours, 38.5 real ones
        TimeWindow w = window("2020-11-02 12:00:00", null, 1.5, 1.5, 0, 0).resolve(at("2030-01-01T00:00:00Z"), CHICAGO);
        assertThat(GrabWindow.localStamp(w.start(), CHICAGO)).isEqualTo("2020-10-31+22:30:00");
        assertThat(w.length()).isEqualTo(Duration.ofMinutes(38 * 60 + 30));
        // a start inside the spring gap (02:30 on 2020-03-08 does not exist) moves forward by the gap
        TimeWindow gap = window("2020-03-08 04:00:00", null, 0, 1.5, 0, 0).resolve(at("2030-01-01T00:00:00Z"), CHICAGO);
        assertThat(GrabWindow.localStamp(gap.start(), CHICAGO)).isEqualTo("2020-03-08+03:30:00");
    }

    @Test
    void stopAtIsParsedLeniently() {
        Instant tenth = Instant.parse("2020-03-10T05:00:00Z");
        for (String form : new String[] {"2020-03-10 00:00:00", "2020-03-10 00:00", "2020-03-10", "2020-03-10T00:00:00", "2020-03-10+00:00:00",
                " 2020-03-10T00:00 ", "2020-03-10T05:00:00Z", "2020-03-10T00:00-05:00"}) {
            assertThat(GrabWindow.parse(form, CHICAGO, "--stopat")).as(form).isEqualTo(tenth);
        }
        assertThat(GrabWindow.parse("2020-03-10 00:00:00.5", CHICAGO, "--stopat")).isEqualTo(tenth.plusMillis(500));
        assertThatThrownBy(() -> GrabWindow.parse("yesterday", CHICAGO, "--stopat")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--stopat 'yesterday'").hasMessageContaining("America/Chicago");
    }

    @Test
    void lengthsAreFloatsSummedAndAllZeroMeansOneSecond() {
        assertThat(window(null, null, 0, 0, 0, 0).length()).isEqualTo(Duration.ofSeconds(1));
        assertThat(window(null, null, 0.5, 1.5, 2, 3.25).length()).isEqualTo(Duration.ofSeconds(12 * 3600 + 5400 + 120 + 3).plusMillis(250));
        TimeWindow w = window("2020-03-10 00:00:00", null, 0, 0, 0, 0).resolve(at("2030-01-01T00:00:00Z"), CHICAGO);
        assertThat(w.length()).isEqualTo(Duration.ofSeconds(1));
        assertThatThrownBy(() -> window(null, null, -1, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void startAtOverridesTheLength() {
        TimeWindow w = window("2020-03-10 12:00", "2020-03-10 06:30", 5, 0, 0, 0).resolve(at("2030-01-01T00:00:00Z"), CHICAGO);
        assertThat(w.length()).isEqualTo(Duration.ofMinutes(330));
        assertThatThrownBy(() -> window("2020-03-10", "2020-03-11", 0, 0, 0, 0).resolve(at("2030-01-01T00:00:00Z"), CHICAGO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--startat 2020-03-11 is not before");
    }

    @Test
    void aWindowThatFallsIntoTheSpringGapSaysSoAndNotThatAStartWasGiven() {
        // 2026-03-08 02:00 to 03:00 local does not exist in Chicago: one hour before 03:00 CDT is that gap
        GrabWindow hour = new GrabWindow(Optional.of("2026-03-08 03:00:00"), Optional.empty(), 0, 1, 0, 0);
        assertThatThrownBy(() -> hour.resolve(Clock.systemUTC(), CHICAGO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2026-03-08+03:00:00").hasMessageContaining("clocks skip").hasMessageContaining("longer window")
                .hasMessageNotContaining("--startat 2026").hasMessageNotContaining("is not before");
    }
}
