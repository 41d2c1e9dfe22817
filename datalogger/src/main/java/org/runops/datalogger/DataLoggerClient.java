package org.runops.datalogger;

import java.util.List;
import org.runops.datalogger.internal.ChunkedFetch;

/**
 * Where DataLogger data comes from. A backend answers single requests; {@link #fetchAll} turns a
 * list of devices and a long window into chunked, bounded-parallel, retried requests with a status
 * per device, so one failing device never costs the others.
 */
public interface DataLoggerClient extends AutoCloseable {

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
