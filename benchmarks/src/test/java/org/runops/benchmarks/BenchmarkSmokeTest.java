package org.runops.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Every benchmark runs once per build, briefly, so that one cannot rot unseen (a setup that throws,
 * a check that no longer holds, a baseline that stopped compiling in). One short warm-up and one short
 * measurement, in this JVM, with the smallest parameters; nothing about speed is asserted.
 */
class BenchmarkSmokeTest {

    @Test
    void everyBenchmarkProducesAResult() throws RunnerException {
        Options options = new OptionsBuilder()
                .include("^" + BenchmarkSmokeTest.class.getPackageName().replace(".", "\\.") + "\\.")
                .forks(0) // in this JVM: a forked one would not get Surefire's classpath and properties
                .warmupIterations(1).warmupTime(TimeValue.milliseconds(100))
                .measurementIterations(1).measurementTime(TimeValue.milliseconds(100))
                // the smallest case of each parameter; inputs generated here, so no ../shared needed
                .param("file", "generated-zlib")
                .param("input", "generated")
                .param("rows", "1000") // 1,000 OMS rows written instead of 20,000
                .param("candidates", "1000")
                .param("dimensions", "8")
                .param("newRuns", "1") // one analysis process instead of 100; 0 would skip that path
                .param("dataset", "3x1min") // not the 1 GB day
                .param("minutes", "10") // 10 minutes of the simulated day, both parallelisms
                .param("cdbRuns", "40") // 40 runs instead of 20,000 against the loopback CDB
                .param("planRuns", "40") // a plan of 40 runs (400 files) instead of 20,000
                .param("reuseFixture", "false") // its catalogue and files deleted afterwards
                .param("crawlHistograms", "10") // 10 DQM histograms instead of 2,000, 1 ms latency, a generated body
                .param("latencyMs", "1")
                .param("mapBody", "generated")
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .build();

        Collection<RunResult> results = new Runner(options).run();

        Set<String> ran = results.stream().map(r -> r.getParams().getBenchmark()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(ran).isEqualTo(declaredBenchmarks()).hasSizeGreaterThanOrEqualTo(13);
        for (RunResult r : results) {
            double score = r.getPrimaryResult().getScore();
            assertThat(score).as("score of %s %s", r.getParams().getBenchmark(), r.getParams()).isFinite().isPositive();
        }
    }

    /** Every method the annotation processor found ({@code META-INF/BenchmarkList}), so a new benchmark is included. */
    private static Set<String> declaredBenchmarks() {
        return BenchmarkList.defaultList().getAll(OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), java.util.List.of())
                .stream().map(BenchmarkListEntry::getUsername).collect(Collectors.toCollection(TreeSet::new));
    }
}
