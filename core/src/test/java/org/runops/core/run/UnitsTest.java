package org.runops.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class UnitsTest {

    @Test
    void instantaneousLuminositySpellings() {
        for (String s : new String[] {"10^{30}cm^{-2}s^{-1}", "10^30 cm-2 s-1", "10^{30} cm^{-2} s^{-1}", "1e30 cm^-2 s^-1", "10^30Hz/cm^2"}) {
            Units.Unit u = Units.require(s);
            assertThat(u.family()).as(s).isEqualTo(Units.Family.INSTANTANEOUS_LUMINOSITY);
            assertThat(u.canonical()).as(s).isEqualTo("10^{30}cm^{-2}s^{-1}");
        }
        assertThat(Units.require("Hz/cm^2").scale()).isEqualTo(1.0);
        assertThat(Units.require("10^{33}cm^{-2}s^{-1}").scale()).isEqualTo(1e33);
    }

    @Test
    void integratedLuminositySpellings() {
        assertThat(Units.require("pb^{-1}").scale()).isEqualTo(1.0);
        assertThat(Units.require("fb^{-1}").scale()).isEqualTo(1e3);
        assertThat(Units.require("nb^-1").scale()).isEqualTo(1e-3);
        assertThat(Units.require("{\\mu}b^{-1}").canonical()).isEqualTo("{\\mu}b^{-1}");
        assertThat(Units.require("ub^{-1}").scale()).isEqualTo(1e-6);
        assertThat(Units.require("/pb").canonical()).isEqualTo("pb^{-1}");
    }

    @Test
    void conversionsWithinAFamily() {
        Quantity init = new Quantity(6885.2021484375, "10^{30}cm^{-2}s^{-1}");
        Quantity in34 = init.to("10^{34}cm^{-2}s^{-1}");
        assertThat(in34.value()).isCloseTo(0.68852021484375, within(1e-12));
        assertThat(in34.unit()).isEqualTo("10^{34}cm^{-2}s^{-1}");
        assertThat(new Quantity(1.5, "10^{33}cm^{-2}s^{-1}").to("10^30 cm-2 s-1").value()).isCloseTo(1500, within(1e-9));
        assertThat(new Quantity(2.5e6, "{\\mu}b^{-1}").to("pb^{-1}").value()).isCloseTo(2.5, within(1e-12));
        assertThat(new Quantity(103.19, "pb^{-1}").to("fb^{-1}").value()).isCloseTo(0.10319, within(1e-12));
    }

    @Test
    void unknownOrMissingUnitsAreKeptButNotConverted() {
        Quantity angle = new Quantity(150, "{\\mu}rad");
        assertThat(angle.unit()).isEqualTo("{\\mu}rad");
        assertThat(angle.knownUnit()).isEmpty();
        assertThatThrownBy(() -> angle.to("pb^{-1}")).isInstanceOf(UnitException.class).hasMessageContaining("{\\mu}rad");
        assertThatThrownBy(() -> new Quantity(1, "").to("pb^{-1}")).isInstanceOf(UnitException.class).hasMessageContaining("no unit");
        assertThatThrownBy(() -> new Quantity(1, "pb^{-1}").to("furlongs")).isInstanceOf(UnitException.class).hasMessageContaining("furlongs");
        assertThatThrownBy(() -> new Quantity(1, "pb^{-1}").to("10^{34}cm^{-2}s^{-1}"))
                .isInstanceOf(UnitException.class).hasMessageContaining("INTEGRATED_LUMINOSITY");
        assertThat(Units.parse(null)).isEmpty();
        assertThat(new Quantity(1.5, "10^{33}cm^{-2}s^{-1}").inReferenceUnit()).isEqualTo(new Quantity(0.15, "10^{34}cm^{-2}s^{-1}"));
        assertThat(new Quantity(2500, "nb^{-1}").inReferenceUnit()).isEqualTo(new Quantity(2.5, "pb^{-1}"));
        assertThatThrownBy(() -> new Quantity(3.8, "T").inReferenceUnit()).isInstanceOf(UnitException.class).hasMessageContaining("'T'");
        assertThat(Units.parse(" ")).isEmpty();
        assertThat(Units.parse("cm")).isEmpty();
    }
}
