/**
 * sPHENIX calorimeter CDB-map production: find the runs whose calorimeter calibrations are missing or
 * outdated in the conditions database and submit one map job per run.
 *
 * <p>Gather → decide → act: a {@link org.runops.calo.FileCatalog} gives each run's HIST_CALOQA files of
 * its winning production tag ({@link org.runops.calo.TagSelectionPolicy}), a {@link
 * org.runops.calo.CdbLookup} says which {@link org.runops.calo.CalibrationSpec calibrations} each run
 * lacks, and the {@code CdbMapPlanner} turns both into an immutable plan that it writes (dry run) or
 * submits to a {@link org.runops.core.exec.batch.BatchSystem}.
 */
package org.runops.calo;
