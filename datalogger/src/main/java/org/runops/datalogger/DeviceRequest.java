package org.runops.datalogger;

import java.util.Objects;

/** One device to fetch from one logger node: a line {@code NODE DEVICE} of a parameter list. */
public record DeviceRequest(DeviceName device, LoggerNode node) {
    public DeviceRequest {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(node, "node");
    }

    public static DeviceRequest of(String node, String device) {
        return new DeviceRequest(DeviceName.of(device), LoggerNode.of(node));
    }

    @Override
    public String toString() {
        return node + " " + device;
    }
}
