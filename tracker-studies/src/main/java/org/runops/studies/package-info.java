/**
 * Tracker studies: OMS runs ⋈ fills ⋈ Certhelper history as one flat {@link org.runops.studies.StudyTable}
 * (CSV and JSON), PCA over chosen features ({@link org.runops.studies.StudyPca}) and scatter plots
 * ({@link org.runops.studies.ScatterPlot}).
 */
package org.runops.studies;
