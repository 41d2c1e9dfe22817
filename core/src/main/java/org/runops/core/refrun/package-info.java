/**
 * Reference-run recommendation: the run→reference history, the {@link org.runops.core.refrun.ReferenceRunRecommender}
 * (history signals, hard filters, feature distance), the baselines it must beat, the column-major
 * {@link org.runops.core.refrun.FeatureTable} and the time-ordered {@link org.runops.core.refrun.Evaluation}.
 */
package org.runops.core.refrun;
