package org.runops.datalogger.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StreamingStatsTest {
    private static ParameterStats stats(double... values) {
        StreamingStats s = new StreamingStats();
        for (double v : values) {
            s.add(v);
        }
        return s.result("B:VIMIN");
    }

    /** The same values through the block path. */
    private static ParameterStats blocks(int blockSize, double... values) {
        StreamingStats s = new StreamingStats();
        for (int from = 0; from < values.length; from += blockSize) {
            int n = Math.min(blockSize, values.length - from);
            s.addAll(java.util.Arrays.copyOfRange(values, from, from + n), n);
        }
        return s.result("B:VIMIN");
    }

    @Test
    void blocksGiveTheSameStatisticsAsSingleValues() {
        double[][] vectors = {
            {2, 4, 4, 4, 5, 5, 7, 9}, {7, 3, 7, 3, 9}, {103.4}, {}, {Double.NaN, 1, Double.NaN, 3, 3, Double.NaN},
            {-0.0, 0.0, -0.0, 1.0, 1.0}, {1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16}, {Double.NaN, Double.NaN}};
        for (double[] v : vectors) {
            ParameterStats one = stats(v);
            for (int blockSize : new int[] {1, 2, 3, 64}) {
                ParameterStats b = blocks(blockSize, v);
                String what = java.util.Arrays.toString(v) + " in blocks of " + blockSize;
                assertThat(b.count()).as(what).isEqualTo(one.count());
                // Double.compare: NaN equals NaN, -0.0 differs from 0.0
                assertThat(Double.compare(b.mode(), one.mode())).as(what).isZero();
                assertThat(Double.compare(b.min(), one.min())).as(what).isZero();
                assertThat(Double.compare(b.max(), one.max())).as(what).isZero();
                if (Double.isNaN(one.mean())) {
                    assertThat(b.mean()).as(what).isNaN();
                } else {
                    assertThat(b.mean()).as(what).isCloseTo(one.mean(), within(1e-9));
                }
                if (Double.isNaN(one.std())) {
                    assertThat(b.std()).as(what).isNaN();
                } else {
                    assertThat(b.std()).as(what).isCloseTo(one.std(), within(1e-9));
                }
            }
        }
    }

    @Test
    void blocksOfAMillionRandomValuesAgreeWithAnExactTwoPassComputation() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(7);
        double[] v = new double[1_000_000];
        java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
        for (int i = 0; i < v.length; i++) {
            v[i] = 1e6 + Math.rint(r.nextGaussian() * 1e3) / 1e3;
            sum = sum.add(new java.math.BigDecimal(v[i]));
        }
        double mean = sum.divide(java.math.BigDecimal.valueOf(v.length), java.math.MathContext.DECIMAL64).doubleValue();
        double squares = 0;
        for (double x : v) {
            squares += (x - mean) * (x - mean);
        }
        ParameterStats b = blocks(65_536, v);
        assertThat(b.mean()).isCloseTo(mean, within(1e-9));
        assertThat(b.std()).isCloseTo(Math.sqrt(squares / (v.length - 1)), within(1e-9));
    }

    @Test
    void handComputedVector() {
        // 2,4,4,4,5,5,7,9: mean 5, sum of squared deviations 32, sample variance 32/7
        ParameterStats p = stats(2, 4, 4, 4, 5, 5, 7, 9);
        assertThat(p.count()).isEqualTo(8);
        assertThat(p.mean()).isEqualTo(5.0);
        assertThat(p.std()).isCloseTo(Math.sqrt(32.0 / 7.0), within(1e-15));
        assertThat(p.min()).isEqualTo(2.0);
        assertThat(p.max()).isEqualTo(9.0);
        assertThat(p.mode()).isEqualTo(4.0);
    }

    @Test
    void modeTieGoesToTheSmallestValueWhateverTheOrder() {
        assertThat(stats(7, 3, 7, 3, 9).mode()).isEqualTo(3.0);
        assertThat(stats(3, 7, 3, 7, -1).mode()).isEqualTo(3.0);
        assertThat(stats(5, 1, 4).mode()).isEqualTo(1.0); // all once: the smallest, like pandas mode()[0]
        assertThat(stats(-2.5, -7.25, -2.5, -7.25).mode()).isEqualTo(-7.25);
    }

    @Test
    void oneValueHasNoSampleStandardDeviation() {
        ParameterStats p = stats(103.4);
        assertThat(p.count()).isEqualTo(1);
        assertThat(p.mean()).isEqualTo(103.4);
        assertThat(p.std()).isNaN(); // pandas: Series([x]).std() is NaN (ddof=1)
        assertThat(p.min()).isEqualTo(103.4);
        assertThat(p.max()).isEqualTo(103.4);
        assertThat(p.mode()).isEqualTo(103.4);
    }

    @Test
    void noValuesLeaveEveryStatisticUndefined() {
        ParameterStats p = stats();
        assertThat(p.count()).isZero();
        assertThat(new double[] {p.mean(), p.std(), p.min(), p.max(), p.mode()}).containsOnly(Double.NaN);
    }

    @Test
    void nanValuesAreSkippedAsPandasDoes() {
        ParameterStats p = stats(Double.NaN, 1, Double.NaN, 3, 3, Double.NaN, Double.NaN, Double.NaN);
        assertThat(p.count()).isEqualTo(3);
        assertThat(p.mean()).isCloseTo(7.0 / 3.0, within(1e-15));
        // deviations -4/3, 2/3, 2/3: squares sum to 24/9, over n-1 = 2
        assertThat(p.std()).isCloseTo(Math.sqrt(24.0 / 18.0), within(1e-15));
        assertThat(p.min()).isEqualTo(1.0);
        assertThat(p.max()).isEqualTo(3.0);
        assertThat(p.mode()).isEqualTo(3.0); // NaN occurs most often but is not a value
        assertThat(stats(Double.NaN, Double.NaN).count()).isZero();
    }

    @Test
    void negativeZeroIsCountedAsZero() {
        ParameterStats p = stats(-0.0, 0.0, -0.0, 1.0, 1.0);
        assertThat(p.mode()).isEqualTo(0.0);
        assertThat(Double.doubleToRawLongBits(p.mode())).isEqualTo(Double.doubleToRawLongBits(0.0));
        assertThat(p.min()).isEqualTo(-0.0); // the first of the equal minima, as numpy's min keeps it
        assertThat(Double.doubleToRawLongBits(p.min())).isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void largeOffsetDoesNotCancelTheVariance() {
        // Welford keeps the variance of values around 1e9 (epoch seconds) that a naive sum of squares loses
        ParameterStats p = stats(1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16);
        assertThat(p.mean()).isEqualTo(1e9 + 10);
        assertThat(p.std()).isCloseTo(Math.sqrt(90.0 / 3.0), within(1e-6));
    }

    @Test
    void manyDistinctValuesGrowTheCountMap() {
        StreamingStats s = new StreamingStats();
        for (int i = 0; i < 100_000; i++) {
            s.add(i * 0.001);
        }
        s.add(42.0);
        s.add(17.0);
        s.add(42.0);
        ParameterStats p = s.result("I:IB");
        assertThat(p.count()).isEqualTo(100_003);
        assertThat(p.mode()).isEqualTo(42.0); // three times; 17.0 twice
        assertThat(p.max()).isEqualTo(99.999);
    }

    @Test
    void statisticsAreStoredInTheOriginalOrderThenMeanAndCount() {
        assertThat(stats(1, 2).byStatName()).containsExactly(
                org.assertj.core.api.Assertions.entry("mode", 1.0),
                org.assertj.core.api.Assertions.entry("std", Math.sqrt(0.5)),
                org.assertj.core.api.Assertions.entry("min", 1.0),
                org.assertj.core.api.Assertions.entry("max", 2.0),
                org.assertj.core.api.Assertions.entry("mean", 1.5),
                org.assertj.core.api.Assertions.entry("count", 2.0));
    }
}
