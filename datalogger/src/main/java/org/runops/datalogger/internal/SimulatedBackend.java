package org.runops.datalogger.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
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

/**
 * Deterministic Booster-like data: 15 Hz series from the profile's channels (see {@link SimulatedSignal}),
 * the TCLK events and timeline of a 60 s supercycle (see {@link SimulatedClockEvents}), and {@code G:SCTIME}
 * following the injected clock. Devices the profile refuses get the logger's {@code DIO_NO_SUCH} error.
 * Every node holds every device. Nothing is stored: memory is that of the answer.
 */
public final class SimulatedBackend implements DataLoggerClient {
    /** The Timeline Generator's supercycle clock: reading = seconds into the supercycle, setting = its length. */
    static final DeviceName SCTIME = DeviceName.of("G:SCTIME");

    private final long seed;
    private final SimulationProfile profile;
    private final Clock clock;

    public SimulatedBackend(long seed, SimulationProfile profile, Clock clock) {
        this.seed = seed;
        this.profile = Objects.requireNonNull(profile, "profile");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public TimeSeries fetch(DeviceRequest request, TimeWindow window) {
        Channel channel = profile.channel(request.device()).orElse(null);
        if (channel == null) {
            return TimeSeries.withoutSamples(request, window, FetchStatus.error(refusal(request.device())));
        }
        SimulatedSignal signal = new SimulatedSignal(seed, request.device(), channel);
        long first = signal.firstAtOrAfter(ceilMillis(window.start()));
        long end = signal.firstAtOrAfter(ceilMillis(window.end()));
        int n = Math.toIntExact(end - first);
        if (n == 0) {
            return TimeSeries.withoutSamples(request, window, FetchStatus.empty("No values"));
        }
        double[] times = new double[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = signal.timeMillis(first + i) / 1000.0;
            values[i] = signal.value(first + i);
        }
        return TimeSeries.of(request, window, times, values, FetchStatus.ok());
    }

    @Override
    public List<EventOccurrence> eventLog(int event, TimeWindow window) {
        return SimulatedClockEvents.occurrences(event, window);
    }

    @Override
    public List<TimelineSlot> currentTimeline() {
        return SimulatedClockEvents.timeline();
    }

    @Override
    public double readReading(DeviceName device) {
        Instant now = clock.instant();
        if (device.equals(SCTIME)) {
            return SimulatedClockEvents.secondsInto(now);
        }
        return latest(device, now);
    }

    @Override
    public double readSetting(DeviceName device) {
        if (device.reading().equals(SCTIME)) {
            return SimulatedClockEvents.SUPERCYCLE.toSeconds();
        }
        return latest(device.setting(), clock.instant());
    }

    @Override
    public String backendName() {
        return "simulated";
    }

    /** The value of the last sample logged at or before {@code now}. */
    private double latest(DeviceName device, Instant now) {
        Channel channel = profile.channel(device).orElseThrow(() -> new DataLoggerException(refusal(device)));
        SimulatedSignal signal = new SimulatedSignal(seed, device, channel);
        return signal.value(signal.firstAtOrAfter(now.toEpochMilli() + 1) - 1);
    }

    private String refusal(DeviceName device) {
        return device + " - DIO_NO_SUCH (no such device in simulation profile " + profile.name() + ")";
    }

    /** The first whole millisecond at or after {@code t}: samples carry milliseconds, windows may not. */
    private static long ceilMillis(Instant t) {
        long ms = t.toEpochMilli();
        return t.getNano() % 1_000_000 == 0 ? ms : ms + 1;
    }
}
