package org.runops.datalogger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.datalogger.SimulationProfile.Channel;
import org.runops.testing.SharedData;

class SimulationProfileTest {
    @TempDir
    Path tmp;

    @Test
    void embeddedBoosterRangesAgreeWithTheBoostrProfile() {
        SimulationProfile fromCsv = SimulationProfile.fromBoostrProfile(SharedData.require("datalogger/boostr_derived/boostr_profile.csv"));
        Map<DeviceName, Channel> embedded = SimulationProfile.booster().channels();

        assertThat(fromCsv.channels()).hasSize(43);
        for (Map.Entry<DeviceName, Channel> e : fromCsv.channels().entrySet()) {
            Channel want = e.getValue();
            Channel got = embedded.get(e.getKey());
            assertThat(got).as("%s is embedded", e.getKey()).isNotNull();
            String what = e.getKey().text();
            assertThat(got.mean()).as(what + " mean").isCloseTo(want.mean(), close(want.mean()));
            assertThat(got.min()).as(what + " min").isCloseTo(want.min(), close(want.min()));
            assertThat(got.max()).as(what + " max").isCloseTo(want.max(), close(want.max()));
            assertThat(got.noise()).as(what + " noise").isCloseTo(want.noise(), close(want.noise()));
            assertThat(got.drift()).as(what + " drift").isCloseTo(want.drift(), Offset.offset(Math.max(1e-12, Math.abs(want.drift()) * 1e-6)));
            assertThat(got.changesPerDay()).as(what + " changes").isEqualTo(want.changesPerDay());
            assertThat(got.isConstant()).as(what + " constant").isEqualTo(want.isConstant());
        }
    }

    @Test
    void theSpecRangesAreThere() {
        Map<DeviceName, Channel> c = SimulationProfile.booster().channels();
        assertThat(c.get(DeviceName.of("B:VIMIN")).mean()).isCloseTo(103.4, within(0.05));
        assertThat(c.get(DeviceName.of("B:VIMIN")).min()).isCloseTo(100.8, within(0.05));
        assertThat(c.get(DeviceName.of("B:VIMIN")).max()).isCloseTo(106.1, within(0.05));
        assertThat(c.get(DeviceName.of("B:VIMAX")).mean()).isCloseTo(966.1, within(0.05));
        assertThat(c.get(DeviceName.of("B:IMINER")).min()).isCloseTo(-9.7, within(0.01));
        assertThat(c.get(DeviceName.of("I:IB")).max()).isCloseTo(7066, within(1.0));
        assertThat(c.get(DeviceName.of("B:LINFRQ")).min()).isCloseTo(-60.7, within(0.1));
        assertThat(c.get(DeviceName.of("B:VIPHAS")).mean()).isCloseTo(1.81, within(0.001));
        long constant = c.values().stream().filter(Channel::isConstant).count();
        assertThat(constant).as("28 of the 43 BOOSTR channels are constant; the 4 later devices are not").isEqualTo(28);
    }

    @Test
    void everyParamListDeviceIsKnownToTheStrictBoosterProfile() throws IOException {
        List<String> lines = Files.readAllLines(SharedData.require("datalogger/workflow/ParamList.txt"));
        SimulationProfile strict = SimulationProfile.booster().strict();
        assertThat(lines).hasSize(47);
        for (String line : lines) {
            DeviceName device = DeviceName.of(line.strip().split("\\s+")[1]);
            assertThat(strict.channel(device)).as(line).isPresent();
        }
        assertThat(strict.channel(DeviceName.of("B:NOSUCH"))).isEmpty();
        assertThat(SimulationProfile.booster().channel(DeviceName.of("B:NOSUCH"))).contains(SimulationProfile.UNKNOWN_DEVICE);
        assertThat(SimulationProfile.booster().refusing(DeviceName.of("B:VIMIN")).channel(DeviceName.of("B:VIMIN"))).isEmpty();
    }

    @Test
    void aBadProfileFileIsNamedWithItsLine() throws IOException {
        Path csv = tmp.resolve("profile.csv");
        Files.writeString(csv, "canal,moyenne,min,max,bruit,derive,changements_24h,saut_median\nB:VIMIN,103,100,106,0.1,0.1,5,\nB:VIMAX,abc,1,2,0,0,0,\n");
        assertThatThrownBy(() -> SimulationProfile.fromBoostrProfile(csv)).isInstanceOf(DataLoggerException.class)
                .hasMessageContaining("profile.csv:3").hasMessageContaining("abc");

        Files.writeString(csv, "canal,moyenne\nB:VIMIN,103\n");
        assertThatThrownBy(() -> SimulationProfile.fromBoostrProfile(csv)).isInstanceOf(DataLoggerException.class)
                .hasMessageContaining(csv.toString()).hasMessageContaining("min");
    }

    @Test
    void channelsAreValidated() {
        assertThatThrownBy(() -> new Channel(1, 2, 1, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("min <= max");
        assertThatThrownBy(() -> new Channel(1, 0, 2, -1, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("noise -1");
        assertThatThrownBy(() -> new Channel(Double.NaN, 0, 2, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Offset<Double> close(double v) {
        return Offset.offset(Math.max(1e-9, Math.abs(v) * 1e-6));
    }
}
