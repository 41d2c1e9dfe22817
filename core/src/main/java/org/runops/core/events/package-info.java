/**
 * Event counts and their validation: DAQ metadata of fff run directories ({@code .jsn}/{@code .jsd}),
 * ROOT tree entries, and {@link org.runops.core.events.EventCountValidator}.
 */
package org.runops.core.events;
