/**
 * Durable run bookkeeping: append-only ledgers of good, failed and ignored runs in the original
 * cron job's text format, with readers that tolerate what crashes leave behind.
 */
package org.runops.core.ledger;
