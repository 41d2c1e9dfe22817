/**
 * CSV as runops reads and writes it (RFC 4180): {@link org.runops.core.csv.CsvReader} streams records
 * and knows which fields were quoted, {@link org.runops.core.csv.CsvWriter} writes records that read back
 * unchanged, and {@link org.runops.core.csv.CsvReader#isMissing} is the one rule for a missing value.
 * Every CSV table of the project (feature tables, study tables, the launcher's {@code --format csv})
 * goes through these two classes.
 */
package org.runops.core.csv;
