package org.runops.datalogger;

import java.util.Objects;
import java.util.regex.Pattern;

/** A DataLogger node (Lumberjack logger), e.g. {@code MLrn}, {@code EventC}, {@code NuMI2}. */
public record LoggerNode(String name) {
    private static final Pattern FORM = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,15}"); // before MLRN, which needs it
    /** The node ParamDataGrabber reads by default: "D43 Data Logger Node" MLrn. */
    public static final LoggerNode MLRN = new LoggerNode("MLrn");

    public LoggerNode {
        Objects.requireNonNull(name, "name");
        if (!FORM.matcher(name).matches()) {
            throw new IllegalArgumentException("not a logger node name: \"" + name + "\" (expected a letter then up to 15 letters or digits)");
        }
    }

    public static LoggerNode of(String name) {
        return new LoggerNode(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
