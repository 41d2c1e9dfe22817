package org.runops.datalogger.internal;

import java.nio.charset.StandardCharsets;
import org.runops.datalogger.DeviceName;
import org.runops.datalogger.SimulationProfile;
import org.runops.datalogger.SimulationProfile.Channel;

/**
 * One simulated device: sample {@code k} is logged at {@code k/15 s} after the epoch plus a fixed
 * per-device phase and a few milliseconds of jitter, and its value is a pure function of (seed, device,
 * k) — never of the window it is asked for in, so any split of a window gives the same samples.
 * A reading and its setting ({@code B:VIMIN}, {@code B_VIMIN}) share their drift and levels.
 */
final class SimulatedSignal {
    /** Sample spacing numerator/denominator: 1000 ms / 15. */
    private static final long RATE_HZ = 15;
    /** Largest fixed phase + jitter added to the 15 Hz grid, in ms (the real logger is a few ms late too). */
    static final int MAX_LATE_MS = 54;
    private static final int PHASE_RANGE_MS = 50;
    private static final int JITTER_RANGE_MS = 5;
    /** Drift knots every 10 minutes of samples, interpolated linearly between. */
    private static final long DRIFT_KNOT = RATE_HZ * 600;
    private static final double SQRT3 = Math.sqrt(3);
    private static final long PHASE = 1, JITTER = 2, NOISE = 3, DRIFT = 4, LEVEL = 5;

    private final Channel channel;
    private final long seed;
    private final long device;
    private final long sharedDevice;
    private final int phaseMs;
    private final long segment;

    SimulatedSignal(long seed, DeviceName name, Channel channel) {
        this.channel = channel;
        this.seed = seed;
        this.device = fnv(name.text());
        this.sharedDevice = fnv(name.setting().text());
        this.phaseMs = (int) Math.floorMod(hash(device, PHASE, 0), (long) PHASE_RANGE_MS);
        this.segment = Math.max(1, SimulationProfile.SAMPLES_PER_DAY / (channel.changesPerDay() + 1));
    }

    /** The epoch millisecond sample {@code k} is logged at; strictly increasing in {@code k}. */
    long timeMillis(long k) {
        return Math.floorDiv(k * 1000, RATE_HZ) + phaseMs + Math.floorMod(hash(device, JITTER, k), (long) JITTER_RANGE_MS);
    }

    /** The first sample logged at or after epoch millisecond {@code ms}. */
    long firstAtOrAfter(long ms) {
        long k = Math.floorDiv((ms - MAX_LATE_MS) * RATE_HZ, 1000) - 1;
        while (timeMillis(k) < ms) {
            k++;
        }
        return k;
    }

    double value(long k) {
        if (channel.isConstant()) {
            return channel.mean();
        }
        double v;
        if (channel.isStepping()) {
            v = channel.mean() + channel.drift() * gauss(hash(sharedDevice, LEVEL, Math.floorDiv(k, segment)));
            if (channel.step() > 0) {
                v = channel.min() + Math.rint((v - channel.min()) / channel.step()) * channel.step();
            }
        } else {
            long knot = Math.floorDiv(k, DRIFT_KNOT);
            double f = (double) (k - knot * DRIFT_KNOT) / DRIFT_KNOT;
            double drift = (1 - f) * gauss(hash(sharedDevice, DRIFT, knot)) + f * gauss(hash(sharedDevice, DRIFT, knot + 1));
            v = channel.mean() + channel.drift() * drift + channel.noise() * gauss(hash(device, NOISE, k));
        }
        return Math.max(channel.min(), Math.min(channel.max(), v));
    }

    private long hash(long deviceKey, long salt, long k) {
        return mix(seed ^ mix(deviceKey ^ mix(salt * 0x9E3779B97F4A7C15L + k)));
    }

    /** SplitMix64's finaliser: a good 64-bit mix, so neighbouring inputs give unrelated outputs. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Approximately standard normal (sum of four 16-bit uniforms, Irwin–Hall), cheap and bounded at ±3.46. */
    private static double gauss(long h) {
        double sum = (h & 0xFFFF) + ((h >>> 16) & 0xFFFF) + ((h >>> 32) & 0xFFFF) + (h >>> 48);
        return (sum / 65535.0 - 2.0) * SQRT3;
    }

    /** FNV-1a over the name's bytes: stable across JVMs, unlike {@link String#hashCode} mixed with nothing. */
    private static long fnv(String s) {
        long h = 0xCBF29CE484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xFF)) * 0x100000001B3L;
        }
        return h;
    }
}
