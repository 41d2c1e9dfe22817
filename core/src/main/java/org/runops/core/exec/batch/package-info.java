/**
 * Submitting many jobs of one command, one per input line, to a batch system behind the {@link
 * org.runops.core.exec.batch.BatchSystem} SPI (local processes, HTCondor, Slurm), and reading back each job's
 * state. Submitting is prepare (write the files) then submit (run the command), so a dry run shows exactly
 * what would be submitted.
 */
package org.runops.core.exec.batch;
