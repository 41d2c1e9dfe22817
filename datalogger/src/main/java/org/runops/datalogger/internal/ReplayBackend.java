package org.runops.datalogger.internal;

import java.util.List;
import org.runops.datalogger.DataLoggerClient;
import org.runops.datalogger.DeviceName;
import org.runops.datalogger.DeviceRequest;
import org.runops.datalogger.EventOccurrence;
import org.runops.datalogger.TimeSeries;
import org.runops.datalogger.TimeWindow;
import org.runops.datalogger.TimelineSlot;
/** Recorded ACL answers (skeleton: being built in issue 10). */
public final class ReplayBackend implements DataLoggerClient {
    public ReplayBackend(java.nio.file.Path directory) {}

    @Override
    public TimeSeries fetch(DeviceRequest device, TimeWindow window) {
        throw new UnsupportedOperationException("being built");
    }

    @Override
    public List<EventOccurrence> eventLog(int event, TimeWindow window) {
        throw new UnsupportedOperationException("being built");
    }

    @Override
    public List<TimelineSlot> currentTimeline() {
        throw new UnsupportedOperationException("being built");
    }

    @Override
    public double readReading(DeviceName device) {
        throw new UnsupportedOperationException("being built");
    }

    @Override
    public double readSetting(DeviceName device) {
        throw new UnsupportedOperationException("being built");
    }

    @Override
    public String backendName() {
        return "replay";
    }
}
