package org.runops.dqm;

/**
 * Mean and RMS of one axis as the DQM GUI reports them ({@code stats.mean.X}, {@code stats.rms.X}),
 * each with its error; 6 significant digits. NaN or infinite when ROOT computed one (the GUI sends
 * those as strings).
 */
public record AxisStats(double mean, double meanError, double rms, double rmsError) {}
