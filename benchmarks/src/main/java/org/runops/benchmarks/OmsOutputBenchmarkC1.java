package org.runops.benchmarks;

import org.openjdk.jmh.annotations.Fork;

/** {@link OmsOutputBenchmark} under C1 only ({@code -XX:TieredStopAtLevel=1}), the JIT of the {@code bin/runops} launcher. */
@Fork(value = 1, jvmArgsAppend = "-XX:TieredStopAtLevel=1")
public class OmsOutputBenchmarkC1 extends OmsOutputBenchmark {
}
