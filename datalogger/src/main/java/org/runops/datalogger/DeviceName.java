package org.runops.datalogger;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An ACNET device name as written in parameter lists, e.g. {@code B:VIMIN}. The second character says
 * what is read: {@code :} the reading, {@code _} the setting, {@code |} the status (and a few rarer
 * ones), so {@code B:VIMIN} and {@code B_VIMIN} are the readback and setpoint of one device.
 */
public record DeviceName(String text) {
    private static final Pattern FORM = Pattern.compile("[A-Z0-9][:_|?&@$~][A-Z0-9_]{1,62}");

    public DeviceName {
        Objects.requireNonNull(text, "text");
        if (!FORM.matcher(text).matches()) {
            throw new IllegalArgumentException("not an ACNET device name: \"" + text
                    + "\" (expected a letter or digit, a property character such as : _ or |, then 2-63 of A-Z 0-9 _)");
        }
    }

    public static DeviceName of(String text) {
        return new DeviceName(text);
    }

    /** The same device with its reading property ({@code B_VIMIN} → {@code B:VIMIN}). */
    public DeviceName reading() {
        return withProperty(':');
    }

    /** The same device with its setting property ({@code B:VIMIN} → {@code B_VIMIN}). */
    public DeviceName setting() {
        return withProperty('_');
    }

    private DeviceName withProperty(char c) {
        return new DeviceName(text.charAt(0) + String.valueOf(c) + text.substring(2));
    }

    @Override
    public String toString() {
        return text;
    }
}
