package org.runops.datalogger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A logger that answers like the ACL backend would, without a network: every device has one sample
 * per whole second, value = seconds since the epoch mod 1000 plus the device's hash mod 7; devices
 * named {@code ?:ERR...} get the logger's error line (ERROR), {@code ?:NONE...} "No values" (EMPTY).
 * Event {@code e} occurs every {@code e+1} seconds, except 05 (never) and 06 (the request fails).
 * Records the requests it served.
 */
final class OneHertzClient implements DataLoggerClient {
    final List<DeviceRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private final String backend;

    /** {@code backend} is the name it reports ("acl" to stand for the real logger, "simulated" to test the marker). */
    OneHertzClient(String backend) {
        this.backend = backend;
    }

    static double valueAt(String device, long second) {
        return second % 1000 + Math.floorMod(device.hashCode(), 7);
    }

    @Override
    public TimeSeries fetch(DeviceRequest device, TimeWindow window) {
        requests.add(device);
        String name = device.device().text();
        if (name.startsWith("ERR", 2)) {
            return TimeSeries.withoutSamples(device, window, FetchStatus.error(name + " - DIO_NO_SUCH"));
        }
        if (name.startsWith("NONE", 2)) {
            return TimeSeries.withoutSamples(device, window, FetchStatus.empty("No values"));
        }
        long first = (long) Math.ceil(window.start().getEpochSecond() + window.start().getNano() / 1e9);
        long end = window.end().getEpochSecond() + (window.end().getNano() > 0 ? 1 : 0);
        int n = (int) Math.max(0, end - first);
        double[] t = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = first + i;
            v[i] = valueAt(name, first + i);
        }
        return TimeSeries.of(device, window, t, v, n == 0 ? FetchStatus.empty("No values") : FetchStatus.ok());
    }

    @Override
    public List<EventOccurrence> eventLog(int event, TimeWindow window) {
        List<EventOccurrence> out = new ArrayList<>();
        if (event == 5) {
            return out;
        }
        if (event == 6) {
            throw new DataLoggerException("event_log for event 06: HTTP 500 from http://loopback/acl.pl");
        }
        for (long s = window.start().getEpochSecond(); s < window.end().getEpochSecond(); s++) {
            if (s % (event + 1) == 0) {
                out.add(new EventOccurrence(event, java.time.Instant.ofEpochSecond(s), s % 60));
            }
        }
        return out;
    }

    @Override
    public List<TimelineSlot> currentTimeline() {
        return List.of();
    }

    @Override
    public double readReading(DeviceName device) {
        return 0;
    }

    @Override
    public double readSetting(DeviceName device) {
        return 60;
    }

    @Override
    public String backendName() {
        return backend;
    }
}
