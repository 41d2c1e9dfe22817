/**
 * Tracker studies: the trackerstudies notebook's table ({@link org.runops.studies.FullStudyTable}: Run Registry
 * flags ⋈ OMS runs ⋈ fills ⋈ Certhelper ⋈ DQM histogram features, one row per run and reconstruction), the
 * simpler OMS runs ⋈ fills ⋈ Certhelper join ({@link org.runops.studies.StudyJoin}) as one flat
 * {@link org.runops.studies.StudyTable} (CSV and JSON), PCA over chosen features ({@link org.runops.studies.StudyPca})
 * or by the notebook's recipe ({@link org.runops.studies.PcaRecipe}), the tracking-map cost and entropy
 * ({@link org.runops.studies.TrackingMaps}), a proposed reference checked against the maps
 * ({@link org.runops.studies.ReferenceCheck}) and scatter plots ({@link org.runops.studies.ScatterPlot}).
 */
package org.runops.studies;
