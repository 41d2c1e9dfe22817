package org.runops.datalogger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.runops.datalogger.DataLoggerClient;
import org.runops.datalogger.DataLoggerException;
import org.runops.datalogger.DeviceName;
import org.runops.datalogger.DeviceRequest;
import org.runops.datalogger.EventOccurrence;
import org.runops.datalogger.FetchStatus;
import org.runops.datalogger.SimulationProfile;
import org.runops.datalogger.SimulationProfile.Channel;
import org.runops.datalogger.TimeSeries;
import org.runops.datalogger.TimeWindow;
import org.runops.datalogger.TimelineSlot;

class SimulatedBackendTest {
    private static final Instant T0 = Instant.parse("2020-03-10T05:00:00Z");
    private static final TimeWindow HOUR = new TimeWindow(T0, T0.plus(Duration.ofHours(1)));
    private final DataLoggerClient sim = DataLoggerClient.simulated(42, SimulationProfile.booster(), Clock.fixed(T0, ZoneOffset.UTC));

    private static DeviceRequest dev(String name) {
        return DeviceRequest.of("MLrn", name);
    }

    @Test
    void anySplitOfAWindowGivesExactlyTheWholeWindowsSamples() {
        for (String d : List.of("B:VIMIN", "I:IB", "B_VIMIN", "B:ACMNPG", "B:NGMPS")) {
            TimeSeries whole = sim.fetch(dev(d), HOUR);
            List<Instant> cuts = List.of(T0, T0.plusMillis(1), T0.plusSeconds(7 * 60).plusNanos(333_333), T0.plusSeconds(1801).plusMillis(66),
                    T0.plusSeconds(3599).plusMillis(999), HOUR.end());
            List<Double> times = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (int i = 0; i + 1 < cuts.size(); i++) {
                TimeSeries part = sim.fetch(dev(d), new TimeWindow(cuts.get(i), cuts.get(i + 1)));
                for (int k = 0; k < part.size(); k++) {
                    times.add(part.utcSeconds(k));
                    values.add(part.value(k));
                }
            }
            assertThat(times.stream().mapToDouble(Double::doubleValue).toArray()).as(d).isEqualTo(whole.utcSecondsArray());
            assertThat(values.stream().mapToDouble(Double::doubleValue).toArray()).as(d).isEqualTo(whole.valuesArray());
        }
    }

    @Test
    void samplesAreOnA15HzGridWithMillisecondJitter() {
        TimeSeries s = sim.fetch(dev("B:VIMIN"), HOUR);
        assertThat(s.status()).isEqualTo(FetchStatus.ok());
        assertThat(s.size()).isEqualTo(54_000);
        assertThat(s.utcSeconds(0)).isGreaterThanOrEqualTo(T0.getEpochSecond()).isLessThan(T0.getEpochSecond() + 0.067 + 0.054);
        boolean jitter = false;
        for (int i = 0; i < s.size(); i++) {
            double ms = s.utcSeconds(i) * 1000;
            assertThat(ms).as("millisecond resolution").isEqualTo(Math.rint(ms));
            if (i > 0) {
                double step = s.utcSeconds(i) - s.utcSeconds(i - 1);
                assertThat(step).isBetween(0.061, 0.072);
                jitter |= Math.abs(step - 1 / 15.0) > 0.002;
            }
        }
        assertThat(jitter).as("some spacing departs from 66.7 ms").isTrue();
    }

    @Test
    void valuesStayInTheProfileRangesAndDependOnTheSeed() {
        SimulationProfile p = SimulationProfile.booster();
        for (Map.Entry<DeviceName, Channel> e : p.channels().entrySet()) {
            TimeSeries s = sim.fetch(new DeviceRequest(e.getKey(), org.runops.datalogger.LoggerNode.MLRN), HOUR);
            double[] v = s.valuesArray();
            Channel c = e.getValue();
            assertThat(Arrays.stream(v).min().orElseThrow()).as(e.getKey().text()).isGreaterThanOrEqualTo(c.min());
            assertThat(Arrays.stream(v).max().orElseThrow()).as(e.getKey().text()).isLessThanOrEqualTo(c.max());
            if (c.isConstant()) {
                assertThat(Arrays.stream(v).distinct().toArray()).as(e.getKey().text()).containsExactly(c.mean());
            }
        }
        double[] vimin = sim.fetch(dev("B:VIMIN"), HOUR).valuesArray();
        assertThat(Arrays.stream(vimin).average().orElseThrow()).isCloseTo(103.4, within(0.2));
        assertThat(Arrays.stream(vimin).distinct().count()).as("noisy").isGreaterThan(1000);
        double[] ib = sim.fetch(dev("I:IB"), HOUR).valuesArray();
        assertThat(Arrays.stream(ib).average().orElseThrow()).isBetween(2800.0, 3800.0);

        DataLoggerClient same = DataLoggerClient.simulated(42, SimulationProfile.booster());
        DataLoggerClient other = DataLoggerClient.simulated(43, SimulationProfile.booster());
        assertThat(same.fetch(dev("B:VIMIN"), HOUR)).isEqualTo(sim.fetch(dev("B:VIMIN"), HOUR));
        assertThat(other.fetch(dev("B:VIMIN"), HOUR).valuesArray()).isNotEqualTo(vimin);
    }

    @Test
    void settingsStepAndConstantReadbacksEqualTheirSettings() {
        TimeSeries setting = sim.fetch(dev("B_VIMIN"), HOUR);
        long distinct = Arrays.stream(setting.valuesArray()).distinct().count();
        assertThat(distinct).as("846 changes a day ≈ 35 an hour").isBetween(10L, 80L);
        assertThat(sim.fetch(dev("B:IPHSTC"), HOUR).valuesArray()).isEqualTo(sim.fetch(dev("B_IPHSTC"), HOUR).valuesArray());
        assertThat(sim.fetch(dev("B:ACMNPG"), HOUR).valuesArray()).isEqualTo(sim.fetch(dev("B_ACMNPG"), HOUR).valuesArray());
    }

    @Test
    void refusedDevicesGetTheLoggersErrorAndAnEmptyWindowGetsNoValues() {
        DataLoggerClient strict = DataLoggerClient.simulated(1, SimulationProfile.booster().strict().refusing(DeviceName.of("B:VIMAX")));
        TimeSeries unknown = strict.fetch(dev("B:NOSUCH"), HOUR);
        assertThat(unknown.status().kind()).isEqualTo(FetchStatus.Kind.ERROR);
        assertThat(unknown.status().detail()).contains("B:NOSUCH", "DIO_NO_SUCH");
        assertThat(unknown.size()).isZero();
        assertThat(strict.fetch(dev("B:VIMAX"), HOUR).status().kind()).isEqualTo(FetchStatus.Kind.ERROR);
        assertThat(strict.fetch(dev("B:VIMIN"), HOUR).status()).isEqualTo(FetchStatus.ok());
        assertThat(sim.fetch(dev("B:NOSUCH"), HOUR).status()).as("lenient profile: any device").isEqualTo(FetchStatus.ok());
        assertThatThrownBy(() -> strict.readReading(DeviceName.of("B:NOSUCH"))).isInstanceOf(DataLoggerException.class).hasMessageContaining("DIO_NO_SUCH");

        TimeSeries first = sim.fetch(dev("B:VIMIN"), HOUR);
        Instant between = Instant.ofEpochMilli((long) (first.utcSeconds(0) * 1000) + 1);
        TimeSeries none = sim.fetch(dev("B:VIMIN"), new TimeWindow(between, between.plusMillis(30)));
        assertThat(none.status()).isEqualTo(FetchStatus.empty("No values"));
        assertThat(sim.backendName()).isEqualTo("simulated");
    }

    @Test
    void clockEventsFollowTheBoosterSupercycle() {
        Map<Integer, List<EventOccurrence>> hour = List.of(0x00, 0x02, 0x07, 0x0F, 0x0C, 0x10, 0x12, 0x17, 0x1F, 0x15, 0xA5).stream()
                .collect(Collectors.toMap(e -> e, e -> sim.eventLog(e, HOUR)));
        assertThat(hour.get(0x00)).hasSize(60).allSatisfy(o -> assertThat(o.secondsIntoSupercycle()).isZero());
        assertThat(hour.get(0x02)).hasSize(720);
        assertThat(hour.get(0x07)).hasSize(54_000);
        assertThat(hour.get(0x0F)).hasSize(54_000);
        assertThat(hour.get(0x0C)).hasSize(54_000);
        for (int e : List.of(0x10, 0x12, 0x17, 0x1F)) {
            assertThat(hour.get(e)).hasSize(3600);
        }
        assertThat(hour.get(0x15)).isEmpty();
        assertThat(hour.get(0xA5)).isEmpty();
        for (int i = 0; i < 100; i++) {
            Duration lag = Duration.between(hour.get(0x0F).get(i).time(), hour.get(0x0C).get(i).time());
            assertThat(lag).isEqualTo(Duration.ofMillis(16).plusNanos(500_000));
        }
        EventOccurrence second = hour.get(0x02).get(1);
        assertThat(second.time()).isEqualTo(T0.plusSeconds(5));
        assertThat(second.secondsIntoSupercycle()).isEqualTo(5.0);
        assertThat(hour.get(0x0F)).isSortedAccordingTo((a, b) -> a.time().compareTo(b.time()))
                .allSatisfy(o -> assertThat(HOUR.contains(o.time())).isTrue());
    }

    @Test
    void theTimelineIsOneSupercycleAndSctimeFollowsTheClock() {
        List<TimelineSlot> tl = sim.currentTimeline();
        assertThat(tl.get(0)).isEqualTo(new TimelineSlot(0, 0x00, 0.0));
        assertThat(tl).hasSize(1 + 12 + 900 + 4 * 60);
        for (int i = 0; i < tl.size(); i++) {
            assertThat(tl.get(i).index()).isEqualTo(i);
            assertThat(tl.get(i).offsetSeconds()).isLessThan(60.0);
            if (i > 0) {
                assertThat(tl.get(i).offsetSeconds()).isGreaterThanOrEqualTo(tl.get(i - 1).offsetSeconds());
            }
        }
        DataLoggerClient at = DataLoggerClient.simulated(42, SimulationProfile.booster(), Clock.fixed(T0.plusMillis(83_250), ZoneOffset.UTC));
        DeviceName sctime = DeviceName.of("G:SCTIME");
        assertThat(at.readReading(sctime)).isEqualTo(23.25);
        assertThat(at.readSetting(sctime)).isEqualTo(60.0);
        TimeSeries vimin = sim.fetch(dev("B:VIMIN"), new TimeWindow(T0.plusSeconds(80), T0.plusMillis(83_251)));
        assertThat(at.readReading(DeviceName.of("B:VIMIN"))).isEqualTo(vimin.value(vimin.size() - 1));
    }
}
