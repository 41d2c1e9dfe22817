package org.runops.datalogger;

/** Progress of a multi-device fetch, for progress bars and logs. Called from fetch threads: implementations must be thread-safe. */
public interface FetchListener {
    /** The fetch is planned: {@code chunks} requests in all, of which {@code alreadyDone} are resumed from a checkpoint. */
    default void started(int devices, int chunks, int alreadyDone) {}

    /** One chunk of one device arrived (possibly empty). */
    default void chunkFetched(DeviceRequest device, TimeWindow chunk, int samples) {}

    /** One attempt at a chunk failed; it will be retried unless {@code willRetry} is false. */
    default void chunkFailed(DeviceRequest device, TimeWindow chunk, RuntimeException cause, boolean willRetry) {}

    /** A device is finished, with its final status. */
    default void deviceFinished(TimeSeries series) {}

    static FetchListener none() {
        return new FetchListener() {};
    }
}
