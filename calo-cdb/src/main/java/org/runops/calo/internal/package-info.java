/**
 * Implementation of {@link org.runops.calo}: the verdict rule, the {@code payloadiovs} parser, the
 * FilterDatasets CSV files, the in-memory lookup. Not API. Classes here are public only because
 * {@code org.runops.calo} calls them: Java has no visibility between packages short of modules.
 */
package org.runops.calo.internal;
