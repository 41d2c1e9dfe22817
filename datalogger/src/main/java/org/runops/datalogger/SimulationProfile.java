package org.runops.datalogger;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.runops.core.csv.CsvFormatException;
import org.runops.core.csv.CsvReader;

/**
 * What {@link DataLoggerClient#simulated} generates, device by device. Each device has a {@link Channel}:
 * a constant, a level that steps a few times a day, or a value that drifts slowly around its mean with
 * sample-to-sample noise, always inside {@code [min, max]}. A device without a channel gets the
 * {@code fallback} one, or is refused like an unknown device ({@code DIO_NO_SUCH}) when the profile is
 * {@linkplain #strict() strict}; devices in {@code refused} are always refused.
 *
 * @param name     recorded in error messages ("booster", "boostr:&lt;file&gt;")
 * @param channels the known devices
 * @param fallback the channel of any other device; null when the profile is strict
 * @param refused  devices the simulated logger refuses even if they have a channel
 */
public record SimulationProfile(String name, Map<DeviceName, Channel> channels, Channel fallback, Set<DeviceName> refused) {

    /** Samples per day at 15 Hz: what {@code changesPerDay} is counted against. */
    public static final long SAMPLES_PER_DAY = 15L * 86_400;

    /**
     * One device's statistics over a day, as the BOOSTR profile gives them (its French column names in brackets).
     *
     * @param mean          day mean [moyenne]
     * @param min           lowest value [min]
     * @param max           highest value [max]
     * @param noise         std of the sample-to-sample noise [bruit]
     * @param drift         std of the slow drift (or of the levels, for a stepping channel) [derive]
     * @param changesPerDay how often the value changes in 24 h [changements_24h]
     * @param step          median jump [saut_median]; a stepping channel's levels are multiples of it above {@code min}
     */
    public record Channel(double mean, double min, double max, double noise, double drift, long changesPerDay, double step) {
        /** At most one change per 100 samples: the value moves in steps (a setting, a mode), not continuously. */
        private static final long STEPPING_LIMIT = SAMPLES_PER_DAY / 100;

        public Channel {
            if (!Double.isFinite(mean) || !Double.isFinite(min) || !Double.isFinite(max) || min > max) {
                throw new IllegalArgumentException("channel needs finite mean and min <= max: mean " + mean + ", min " + min + ", max " + max);
            }
            if (!(noise >= 0) || !(drift >= 0) || !(step >= 0) || changesPerDay < 0 || Double.isInfinite(noise + drift + step)) {
                throw new IllegalArgumentException("channel noise, drift, step and changes must be finite and not negative: noise " + noise
                        + ", drift " + drift + ", step " + step + ", changes " + changesPerDay);
            }
        }

        /** The same value all day. */
        public static Channel constant(double value) {
            return new Channel(value, value, value, 0, 0, 0, 0);
        }

        public boolean isConstant() {
            return changesPerDay == 0 || min == max;
        }

        public boolean isStepping() {
            return !isConstant() && changesPerDay <= STEPPING_LIMIT;
        }
    }

    /** A device the BOOSTR day does not cover: a value near 1 with a little noise and drift. */
    public static final Channel UNKNOWN_DEVICE = new Channel(1.0, 0.0, 2.0, 0.01, 0.05, SAMPLES_PER_DAY, 0);

    public SimulationProfile {
        Objects.requireNonNull(name, "name");
        channels = Map.copyOf(channels);
        refused = Set.copyOf(refused);
    }

    /**
     * The 47 devices of the GMPS-AI ParamList ({@code B:VIMIN} ... {@code B|GMPSSC}) with the ranges of the
     * BOOSTR day (spec §2.3; TGM-hub/beamline-twin analysis/boostr_profile.csv, rounded to 7 digits):
     * B:VIMIN ≈ 103.4 (100.8–106.1), B:VIMAX ≈ 966.1, B:IMINER ±9.7, I:IB 337–7066, B:LINFRQ −60.7…41.7,
     * B:VIPHAS ≈ 1.81, most channels constant, settings stepping where their readbacks move. The four
     * devices added after BOOSTR (B:CHG0/A/B, B|GMPSSC) get {@link #UNKNOWN_DEVICE}. Other devices too.
     */
    public static SimulationProfile booster() {
        Map<DeviceName, Channel> c = new LinkedHashMap<>();
        // readings
        put(c, "B:ACMNIG", Channel.constant(0.75350088));
        put(c, "B:ACMNPG", new Channel(9.974825, 5.50000572, 13.50000572, 0.004040713, 0.4828161, 25, 0.5));
        put(c, "B:ACMXIG", Channel.constant(0.30000001));
        put(c, "B:ACMXPG", Channel.constant(3.0));
        put(c, "B:DCIG", Channel.constant(0.0));
        put(c, "B:DCPG", Channel.constant(0.0));
        put(c, "B:GMPS4V", new Channel(105.8021, -5.24063024, 840.08521509, 56.84456, 28.58198, 1_075_657, 26.000026));
        put(c, "B:GMPSBT", Channel.constant(0.0003));
        put(c, "B:GMPSFF", Channel.constant(3.2042));
        put(c, "B:IMAXXG", Channel.constant(-117.88400269));
        put(c, "B:IMAXXO", Channel.constant(10.0));
        put(c, "B:IMINER", new Channel(0.001550872, -9.7053125, 9.7046875, 0.2245841, 0.04055620, 1_208_515, 0.08));
        put(c, "B:IMINST", Channel.constant(0.0));
        put(c, "B:IMINXG", Channel.constant(-11.82499981));
        put(c, "B:IMINXO", Channel.constant(0.0));
        put(c, "B:IPHSTC", Channel.constant(20.0));
        put(c, "B:LINFRQ", new Channel(-8.985809, -60.65021973, 41.73726196, 0.1288708, 15.90266, 1_264_683, 0.05911255));
        put(c, "B:NGMPS", Channel.constant(4.0));
        put(c, "B:VIMAX", new Channel(966.1021, 961.85803223, 967.50286865, 0.02803870, 0.01263100, 1_242_733, 0.02294922));
        put(c, "B:VIMIN", new Channel(103.4155, 100.8059845, 106.08130646, 0.02679186, 0.01849278, 1_289_888, 0.0078125));
        put(c, "B:VINHBT", new Channel(0.9626561, 0.0, 1.0, 0.001385953, 0.1889917, 2, 1.0));
        put(c, "B:VIPHAS", new Channel(1.809988, 1.76746678, 1.85655951, 0.0006459627, 0.006535946, 1_289_164, 0.00041044));
        // settings
        put(c, "B_ACMNIG", Channel.constant(0.75350088));
        put(c, "B_ACMNPG", new Channel(9.974820, 5.50000572, 13.50000572, 0.004040713, 0.4827423, 25, 0.5));
        put(c, "B_ACMXIG", Channel.constant(0.30000001));
        put(c, "B_ACMXPG", Channel.constant(3.0));
        put(c, "B_DCIG", Channel.constant(0.0));
        put(c, "B_DCPG", Channel.constant(0.0));
        put(c, "B_GMPSBT", Channel.constant(0.0003));
        put(c, "B_GMPSFF", Channel.constant(3.2042));
        put(c, "B_IMAXXG", Channel.constant(-117.88400269));
        put(c, "B_IMAXXO", Channel.constant(10.0));
        put(c, "B_IMINST", Channel.constant(0.0));
        put(c, "B_IMINXG", Channel.constant(-11.82499981));
        put(c, "B_IMINXO", Channel.constant(0.0));
        put(c, "B_IPHSTC", Channel.constant(20.0));
        put(c, "B_VIMAX", new Channel(966.1021, 966.08001709, 966.11004639, 0.00001566490, 0.007140428, 10, 0.005004885));
        put(c, "B_VIMIN", new Channel(103.4147, 103.28154755, 103.50656128, 0.00007055811, 0.01775315, 846, 0.00099945));
        put(c, "B_VINHBT", new Channel(0.9626630, 0.0, 1.0, 0.001385953, 0.1889746, 2, 1.0));
        put(c, "B_VIPHAS", Channel.constant(1.80999994));
        // beam intensity, toroids
        put(c, "I:IB", new Channel(3294.024, 337.1875, 7065.9375, 1575.215, 10.83877, 1_140_812, 897.5));
        put(c, "I:MDAT40", new Channel(3293.869, 369.41528169, 7033.38620166, 1562.267, 6.613878, 1_091_196, 917.8162));
        put(c, "I:MXIB", new Channel(3293.452, 369.5098877, 7033.55078125, 1562.332, 6.618567, 1_278_529, 723.9043));
        // in the ParamList since 2020, after the BOOSTR day
        for (String d : new String[] {"B:CHG0", "B:CHGA", "B:CHGB", "B|GMPSSC"}) {
            put(c, d, UNKNOWN_DEVICE);
        }
        return new SimulationProfile("booster", c, UNKNOWN_DEVICE, Set.of());
    }

    /**
     * A profile from a BOOSTR profile CSV (columns {@code canal, moyenne, min, max, bruit, derive,
     * changements_24h, saut_median}; an empty {@code saut_median} is no step). Other devices get
     * {@link #UNKNOWN_DEVICE}.
     *
     * @throws DataLoggerException naming the file and line of a missing column or a bad number
     */
    public static SimulationProfile fromBoostrProfile(Path csv) {
        Map<DeviceName, Channel> c = new LinkedHashMap<>();
        try (CsvReader in = CsvReader.open(csv)) {
            int name = in.columnIndex("canal");
            int[] cols = Arrays.stream(new String[] {"moyenne", "min", "max", "bruit", "derive", "changements_24h", "saut_median"})
                    .mapToInt(in::columnIndex).toArray();
            while (in.next()) {
                try {
                    double[] v = new double[cols.length];
                    for (int i = 0; i < cols.length; i++) {
                        String text = in.field(cols[i]).strip();
                        v[i] = text.isEmpty() ? 0 : Double.parseDouble(text);
                    }
                    c.put(DeviceName.of(in.field(name).strip()), new Channel(v[0], v[1], v[2], v[3], v[4], (long) v[5], v[6]));
                } catch (IllegalArgumentException e) { // NumberFormatException included
                    throw new DataLoggerException(in.source() + ":" + in.line() + ": not a BOOSTR profile row: " + e.getMessage(), e);
                }
            }
        } catch (CsvFormatException e) {
            throw new DataLoggerException("cannot read BOOSTR profile " + csv + ": " + e.getMessage(), e);
        }
        if (c.isEmpty()) {
            throw new DataLoggerException("BOOSTR profile " + csv + " has no channels");
        }
        return new SimulationProfile("boostr:" + csv.getFileName(), c, UNKNOWN_DEVICE, Set.of());
    }

    /** This profile refusing every device it has no channel for, as the logger refuses unknown names. */
    public SimulationProfile strict() {
        return new SimulationProfile(name, channels, null, refused);
    }

    /** This profile also refusing {@code devices}. */
    public SimulationProfile refusing(DeviceName... devices) {
        Set<DeviceName> all = Arrays.stream(devices).collect(Collectors.toSet());
        all.addAll(refused);
        return new SimulationProfile(name, channels, fallback, all);
    }

    /** The channel of {@code device}; empty when the simulated logger refuses it. */
    public Optional<Channel> channel(DeviceName device) {
        if (refused.contains(device)) {
            return Optional.empty();
        }
        return Optional.ofNullable(channels.getOrDefault(device, fallback));
    }

    private static void put(Map<DeviceName, Channel> channels, String device, Channel channel) {
        channels.put(DeviceName.of(device), channel);
    }
}
