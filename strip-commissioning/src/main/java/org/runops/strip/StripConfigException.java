package org.runops.strip;

import org.runops.core.RunopsException;

/**
 * The configuration cannot work: a setting with a bad value, a database URL of an unknown kind, an
 * analysis command with a placeholder nobody fills. The message names the setting, its value and where
 * it came from. Unlike a failed pass, retrying does not help: the daemon stops on it.
 */
public class StripConfigException extends RunopsException {
    private static final long serialVersionUID = 1L;

    public StripConfigException(String message, Throwable cause) {
        super(message, cause);
    }

    public StripConfigException(String message) {
        super(message);
    }
}
