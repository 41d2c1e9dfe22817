/**
 * The SiStrip commissioning cron job (spec strip-commissioning). The API: {@link org.runops.strip.StripSettings}
 * and {@link org.runops.strip.StripConfig} (configuration), {@link org.runops.strip.StripPass} (one pass),
 * {@link org.runops.strip.StripDaemon} (passes until SIGTERM), {@link org.runops.strip.PassReport} with
 * {@link org.runops.strip.RunDecision}, {@link org.runops.strip.StripStatus} and
 * {@link org.runops.strip.StripLedgers} (what the ledgers say), the {@link org.runops.strip.RunDatabase} SPI
 * with its rows and {@link org.runops.strip.EmbeddedRunDatabase}, and the decision table as pure functions
 * ({@link org.runops.strip.DecisionPolicy} over {@link org.runops.strip.RunFacts} and
 * {@link org.runops.strip.Validation}). Storage layout and output validation are package-private: the
 * pass is their only user.
 */
package org.runops.strip;
