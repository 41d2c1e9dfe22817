package org.runops.datalogger;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.runops.core.RegularFiles;

/**
 * A parameter list as ParamDataGrabber reads it ({@code ParamList.txt}): one {@code NODE DEVICE} per
 * line, stripped and split on whitespace. Lines with another number of tokens (or a device or node
 * that is not a valid name) are kept in {@link #problems} with their line number and skipped, as the
 * original prints and skips them; blank lines are ignored. Unlike the original, whose URL always used
 * {@code --logger}, each line's node is honoured; {@link #withNode} restores the old behaviour.
 */
public record ParamList(Path source, List<DeviceRequest> devices, List<Problem> problems) {
    /** A line that was skipped: its number (from 1), its text and why. */
    public record Problem(int line, String text, String reason) {
        @Override
        public String toString() {
            return "line " + line + ": \"" + text + "\": " + reason;
        }
    }

    public ParamList {
        Objects.requireNonNull(source, "source");
        devices = List.copyOf(devices);
        problems = List.copyOf(problems);
    }

    /** Reads {@code file}; a missing or unreadable file throws naming it. */
    public static ParamList read(Path file) {
        return read(file, null);
    }

    /**
     * As {@link #read(Path)}, but a line of the one token {@code DEVICE} (the older list style, which the
     * exporters still read) is that device on {@code nodeForDeviceOnlyLines} instead of a problem.
     */
    public static ParamList readAllowingDeviceOnlyLines(Path file, LoggerNode nodeForDeviceOnlyLines) {
        return read(file, Objects.requireNonNull(nodeForDeviceOnlyLines, "nodeForDeviceOnlyLines"));
    }

    private static ParamList read(Path file, LoggerNode nodeForDeviceOnlyLines) {
        List<DeviceRequest> devices = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        try (BufferedReader in = RegularFiles.newBufferedReader(file)) {
            int lineNo = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                String text = line.strip();
                if (text.isEmpty()) {
                    continue;
                }
                String[] tokens = text.split("\\s+");
                if (tokens.length == 1 && nodeForDeviceOnlyLines != null) {
                    tokens = new String[] {nodeForDeviceOnlyLines.name(), tokens[0]};
                }
                if (tokens.length != 2) {
                    problems.add(new Problem(lineNo, text, "expected 2 tokens NODE DEVICE, found " + tokens.length));
                    continue;
                }
                try {
                    devices.add(DeviceRequest.of(tokens[0], tokens[1]));
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(lineNo, text, e.getMessage()));
                }
            }
        } catch (IOException e) {
            throw new DataLoggerException("cannot read parameter list " + file + ": " + RegularFiles.reason(e), e);
        }
        return new ParamList(file, devices, problems);
    }

    /** The same devices, all on {@code node} (the original's {@code --logger} behaviour). */
    public ParamList withNode(LoggerNode node) {
        return new ParamList(source, devices.stream().map(d -> new DeviceRequest(d.device(), node)).toList(), problems);
    }

    /** The first {@code max} devices ({@code --maxcount}). */
    public ParamList first(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("maxcount must not be negative: " + max);
        }
        return new ParamList(source, devices.subList(0, Math.min(max, devices.size())), problems);
    }
}
