/**
 * The statistics side of the GMPS-AI workflow: {@link org.runops.datalogger.stats.StatsDistiller}
 * (DistillFileStatsToDB.py) distils data files in one streaming pass ({@link org.runops.datalogger.stats.StreamingStats})
 * into the SQLite {@link org.runops.datalogger.stats.StatsDatabase} ({@code GMPSAI.db}), and the history is
 * shown as the plot site's plotly JSON ({@link org.runops.datalogger.stats.StatsJsonExporter}, DB_to_JSON.py), a PNG
 * ({@link org.runops.datalogger.stats.StatsTrendPlot}) or a self-contained HTML page
 * ({@link org.runops.datalogger.stats.StatsHtmlPage}).
 */
package org.runops.datalogger.stats;
