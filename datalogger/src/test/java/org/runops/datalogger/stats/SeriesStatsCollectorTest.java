package org.runops.datalogger.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SeriesStatsCollectorTest {
    @Test
    void intervalsSpanBlockBoundaries() {
        SeriesStatsCollector c = new SeriesStatsCollector();
        // times 0, 0.5, 1.0 | 2.0, 2.5 : intervals 0.5, 0.5, 1.0, 0.5
        c.accept(new double[] {0.0, 0.5, 1.0, 99}, new double[] {1, 2, 3, 99}, 3);
        c.accept(new double[] {2.0, 2.5}, new double[] {4, 5}, 2);
        ParameterStats dt = c.intervals("B:IMINER");
        assertThat(dt.param()).isEqualTo("Interval_B:IMINER");
        assertThat(dt.count()).isEqualTo(4);
        assertThat(dt.mode()).isEqualTo(0.5);
        assertThat(dt.min()).isEqualTo(0.5);
        assertThat(dt.max()).isEqualTo(1.0);
        assertThat(dt.mean()).isEqualTo(0.625);
        // deviations -1/8 x3, 3/8: 3/64 + 9/64 = 12/64 over 3
        assertThat(dt.std()).isCloseTo(Math.sqrt(12.0 / 64.0 / 3.0), within(1e-15));
        assertThat(c.values("B:IMINER").count()).isEqualTo(5);
        assertThat(c.rows()).isEqualTo(5);
    }

    @Test
    void aNanTimeSpoilsBothIntervalsNextToItAsPandasDiffDoes() {
        SeriesStatsCollector c = new SeriesStatsCollector();
        c.accept(new double[] {0, 1, Double.NaN, 3, 4}, new double[] {1, 1, 1, 1, 1}, 5);
        ParameterStats dt = c.intervals("X:Y");
        assertThat(dt.count()).isEqualTo(2); // 1-0 and 4-3
        assertThat(dt.mean()).isEqualTo(1.0);
    }

    @Test
    void quickModeLooksAtTheFirstRowsOnly() {
        SeriesStatsCollector c = new SeriesStatsCollector(3);
        c.accept(new double[] {0, 1}, new double[] {10, 20}, 2);
        c.accept(new double[] {3, 4}, new double[] {30, 40}, 2);
        c.accept(new double[] {5}, new double[] {50}, 1);
        assertThat(c.rows()).isEqualTo(3);
        assertThat(c.values("X:Y").max()).isEqualTo(30.0);
        assertThat(c.intervals("X:Y").max()).isEqualTo(2.0);
    }

    @Test
    void oneSampleHasNoInterval() {
        SeriesStatsCollector c = new SeriesStatsCollector();
        c.accept(new double[] {7}, new double[] {1}, 1);
        assertThat(c.intervals("X:Y").count()).isZero();
        assertThat(c.intervals("X:Y").mode()).isNaN();
    }
}
