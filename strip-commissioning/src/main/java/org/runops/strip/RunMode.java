package org.runops.strip;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The RUN table's RUNMODE codes and the DB's MODEDESCRIPTION names (spec §4.1). */
public enum RunMode {
    PHYSIC(1),
    PEDESTAL(2),
    CALIBRATION(3),
    GAINSCAN(4),
    TIMING(5),
    LATENCY(6),
    DELAY(7),
    DELAY_TTC(8),
    PHYSIC10(10),
    CONNECTION(11),
    TIMING_FED(12),
    BARE_CONNECTION(13),
    VPSPSCAN(14),
    SCOPE(15),
    FAST_CONNECTION(16),
    DELAY_LAYER(17),
    PHYSIC_ZERO_SUPPRESSION(18),
    CALIBRATIONSCANPEAK(19),
    CALIBRATIONSCAN_DECO(20),
    VERY_FAST_CONNECTION(21),
    DELAY_RANDOM(27),
    CALIBRATION_DECO(33);

    private final int code;

    RunMode(int code) {
        this.code = code;
    }

    /** The RUNMODE number in the DB. */
    public int code() {
        return code;
    }

    /** The mode with this RUNMODE number; empty for a code the DB table does not list. */
    public static Optional<RunMode> ofCode(int code) {
        return Arrays.stream(values()).filter(m -> m.code == code).findFirst();
    }

    /** What the cron job analyses: {2,4,5,6,7,11,14,15,16,17,21,27}. */
    public static Set<RunMode> analysedByDefault() {
        return EnumSet.of(PEDESTAL, GAINSCAN, TIMING, LATENCY, DELAY, CONNECTION, VPSPSCAN, SCOPE, FAST_CONNECTION,
                DELAY_LAYER, VERY_FAST_CONNECTION, DELAY_RANDOM);
    }

    /** The calibration modes {3,19,20,33}, analysed too when enabled (commented out in the original). */
    public static Set<RunMode> calibration() {
        return EnumSet.of(CALIBRATION, CALIBRATIONSCANPEAK, CALIBRATIONSCAN_DECO, CALIBRATION_DECO);
    }
}
