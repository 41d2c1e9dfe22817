/**
 * The Fermilab ACNET DataLogger workflow (GMPS-AI): {@link org.runops.datalogger.DataLoggerClient}
 * and its backends, the grab jobs that write data files, the statistics database distilled from
 * them, and its JSON, PNG and HTML views. Implementation details live in {@code ...internal}.
 */
package org.runops.datalogger;
