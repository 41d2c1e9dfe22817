package org.runops.datalogger.internal;

import java.util.ArrayList;
import java.util.List;
import org.runops.datalogger.DataLoggerClient;
import org.runops.datalogger.DeviceRequest;
import org.runops.datalogger.FetchOptions;
import org.runops.datalogger.TimeSeries;
import org.runops.datalogger.TimeWindow;

/** Runs {@link DataLoggerClient#fetchAll}: one whole-window request per device, in order. */
public final class ChunkedFetch {
    private ChunkedFetch() {}

    public static List<TimeSeries> fetchAll(DataLoggerClient client, List<DeviceRequest> devices, TimeWindow window, FetchOptions options) {
        List<TimeSeries> result = new ArrayList<>(devices.size());
        options.listener().started(devices.size(), devices.size(), 0);
        for (DeviceRequest device : devices) {
            TimeSeries series = client.fetch(device, window);
            options.listener().chunkFetched(device, window, series.size());
            options.listener().deviceFinished(series);
            result.add(series);
        }
        return List.copyOf(result);
    }
}
