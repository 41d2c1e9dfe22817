/**
 * Reference-run recommendation: the run→reference history, the {@link org.runops.core.refrun.ReferenceRunRecommender}
 * (history signals, the same run's earlier reconstruction, hard filters, feature distance, an online-learned
 * weighting), the baselines it must beat, the column-major {@link org.runops.core.refrun.FeatureTable} and the
 * replay in certification order, {@link org.runops.core.refrun.Evaluation}.
 */
package org.runops.core.refrun;
