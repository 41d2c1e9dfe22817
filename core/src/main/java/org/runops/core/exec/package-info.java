/** Running local commands with timeouts, logs and kept exit codes; no shell in between. */
package org.runops.core.exec;
