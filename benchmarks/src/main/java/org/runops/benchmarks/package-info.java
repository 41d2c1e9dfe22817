/** JMH benchmarks; each measures beside a baseline in the same run. */
package org.runops.benchmarks;
