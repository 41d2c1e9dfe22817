/**
 * The SiStrip commissioning cron job (spec strip-commissioning): run modes, partitions, the decision
 * table as pure functions over gathered facts. The RUN database access, the runner, daemon and CLI
 * follow.
 */
package org.runops.strip;
