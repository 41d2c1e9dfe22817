/**
 * Submitting many jobs of one command, one per input line, to a batch system behind the {@link
 * org.runops.core.exec.batch.BatchSystem} SPI, and reading back each job's state.
 */
package org.runops.core.exec.batch;
