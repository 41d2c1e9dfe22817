package org.runops.datalogger.internal;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.runops.datalogger.DataLoggerClient;
import org.runops.datalogger.DeviceName;
import org.runops.datalogger.DeviceRequest;
import org.runops.datalogger.EventOccurrence;
import org.runops.datalogger.TimeSeries;
import org.runops.datalogger.TimeWindow;
import org.runops.datalogger.TimelineSlot;

/**
 * The {@link DataLoggerClient} calls as ACL commands, wherever the answers come from (the CGI over
 * HTTP, or recordings of it): one command builder and one parser for both, so a replayed answer is
 * read exactly as the live one was.
 */
abstract class AclProtocol implements DataLoggerClient {
    /** A raw answer and where it came from (URL or file), for messages. */
    record Answer(String where, byte[] body) {
        Answer {
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(body, "body");
        }
    }

    private final ZoneId zone;

    AclProtocol(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * The answer to {@code command} (the text after {@code ?acl=}); {@code oneShot} marks the commands
     * nobody retries above the backend ({@code event_log}, {@code tlg_info}, {@code read}), as opposed
     * to {@code logger_get}, whose chunks {@link ChunkedFetch} retries.
     */
    abstract Answer answer(String command, boolean oneShot);

    final ZoneId zone() {
        return zone;
    }

    @Override
    public TimeSeries fetch(DeviceRequest device, TimeWindow window) {
        Answer a = answer(AclCommands.loggerGet(device, window, zone), false);
        return AclParser.series(a.body(), a.where(), device, window, zone);
    }

    @Override
    public List<EventOccurrence> eventLog(int event, TimeWindow window) {
        Answer a = answer(AclCommands.eventLog(event, window, zone), true);
        return AclParser.events(a.body(), a.where(), event, zone);
    }

    @Override
    public List<TimelineSlot> currentTimeline() {
        Answer a = answer(AclCommands.timeline(), true);
        return AclParser.timeline(a.body(), a.where());
    }

    @Override
    public double readReading(DeviceName device) {
        Answer a = answer(AclCommands.read(device, false), true);
        return AclParser.scalar(a.body(), a.where(), device);
    }

    @Override
    public double readSetting(DeviceName device) {
        Answer a = answer(AclCommands.read(device, true), true);
        return AclParser.scalar(a.body(), a.where(), device);
    }
}
