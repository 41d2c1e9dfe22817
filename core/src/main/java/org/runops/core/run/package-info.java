/** Runs as catalogues know them: {@link org.runops.core.run.RunRecord} and the {@link org.runops.core.run.RunCatalog} SPI. */
package org.runops.core.run;
