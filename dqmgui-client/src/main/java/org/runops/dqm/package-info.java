/**
 * CMS DQM GUI client: X.509 client authentication, histograms over {@code jsonfairy} as typed values,
 * the datasets of a run and the dataset of a (run, reconstruction), and bulk crawls with a permanent
 * on-disk cache. Implementation details live in {@code org.runops.dqm.internal}.
 */
package org.runops.dqm;
