package org.runops.datalogger;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.runops.datalogger.internal.ChunkedFetch;
import org.runops.datalogger.internal.SimulatedBackend;

/**
 * Where DataLogger data comes from. A backend answers single requests; {@link #fetchAll} turns a
 * list of devices and a long window into chunked, bounded-parallel, retried requests with a status
 * per device, so one failing device never costs the others.
 */
public interface DataLoggerClient extends AutoCloseable {
    /** The ACL CGI endpoint the original scripts use. */
    String DEFAULT_ACL_URL = "http://www-ad.fnal.gov/cgi-bin/acl.pl";
    /** Fermilab local time: the zone the logger reads window strings in and prints event times in. */
    ZoneId FERMILAB_ZONE = ZoneId.of("America/Chicago");

    /**
     * The ACL CGI ({@code logger_get}, {@code event_log}, {@code tlg_info}, {@code read}) at {@code baseUrl}, window strings in
     * {@code zone}: 60 s per HTTP attempt, {@code logger_get} tried once ({@link #fetchAll} retries chunks), the other
     * commands retried by {@link org.runops.core.http.RetryPolicy#defaults()}. {@link AclClient#builder} changes these
     * and can record every answer for {@link #replay}. Thread-safe.
     */
    static DataLoggerClient acl(String baseUrl, ZoneId zone) {
        return AclClient.builder(baseUrl).zone(zone).build();
    }

    /** Answers recorded from the ACL CGI ({@link AclClient.Builder#recordTo}), read from {@code directory}; windows in Fermilab local time. */
    static DataLoggerClient replay(Path directory) {
        return AclClient.replay(directory, FERMILAB_ZONE);
    }

    /** Deterministic Booster-like data: the same seed, device and time always give the same sample. */
    static DataLoggerClient simulated(long seed, SimulationProfile profile) {
        return simulated(seed, profile, Clock.systemUTC());
    }

    /** As {@link #simulated(long, SimulationProfile)}, with the clock that current readings ({@code G:SCTIME}) follow. */
    static DataLoggerClient simulated(long seed, SimulationProfile profile, Clock clock) {
        return new SimulatedBackend(seed, profile, clock);
    }


    /** The samples of one device over one window, in one request (no chunking); EMPTY when the logger has none. */
    TimeSeries fetch(DeviceRequest device, TimeWindow window);

    /** Occurrences of one TCLK event over a window, in time order. */
    List<EventOccurrence> eventLog(int event, TimeWindow window);

    /** The Timeline Generator's current supercycle, in timeline order. */
    List<TimelineSlot> currentTimeline();

    /** The current reading of a device, e.g. {@code G:SCTIME} (seconds into the supercycle). */
    double readReading(DeviceName device);

    /** The current setting of a device, e.g. {@code G:SCTIME} (the supercycle length in seconds). */
    double readSetting(DeviceName device);

    /** Which backend this is ("acl", "replay", "simulated"), recorded in every data file and the stats database. */
    String backendName();

    /** Every device over {@code window}, in the order asked; each series carries its own status. */
    default List<TimeSeries> fetchAll(List<DeviceRequest> devices, TimeWindow window, FetchOptions options) {
        return ChunkedFetch.fetchAll(this, devices, window, options);
    }

    @Override
    default void close() {}
}
