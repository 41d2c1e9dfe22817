/**
 * Tracker studies: OMS runs ⋈ fills ⋈ Certhelper history as one flat {@link org.runops.oms.studies.StudyTable}
 * (CSV and JSON), PCA over chosen features ({@link org.runops.oms.studies.StudyPca}) and scatter plots
 * ({@link org.runops.oms.studies.ScatterPlot}).
 */
package org.runops.oms.studies;
