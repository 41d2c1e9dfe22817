package org.runops.datalogger.stats;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.runops.datalogger.DataLoggerException;
import org.runops.datalogger.LoggerNode;
import org.runops.datalogger.ParamList;

/**
 * The device names of a parameter list for the exporters. DB_to_JSON.py took the whole stripped line as
 * the name, which broke when the lines became {@code NODE DEVICE} ({@code MLrn B:VIMIN}). The list is read
 * by {@link ParamList}, as the grabbers read it, so a list they accept works here too; a one-token line (the
 * old style) is also a device. Lines the grabbers skip are skipped and reported; a list naming no device at
 * all is an error (it must not silently become "every device").
 */
public final class ParamNames {
    private ParamNames() {}

    /** The devices of {@code file} in order; each skipped line goes to {@code skipped}. */
    public static List<String> read(Path file, Consumer<ParamList.Problem> skipped) {
        ParamList list = ParamList.readAllowingDeviceOnlyLines(file, LoggerNode.MLRN);
        list.problems().forEach(skipped);
        if (list.devices().isEmpty()) {
            throw new DataLoggerException("parameter list " + file + " names no devices"
                    + (list.problems().isEmpty() ? "" : "; skipped " + list.problems()));
        }
        return list.devices().stream().map(d -> d.device().toString()).toList();
    }
}
