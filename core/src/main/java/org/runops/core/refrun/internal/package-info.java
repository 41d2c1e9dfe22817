/**
 * Implementation of {@link org.runops.core.refrun.FeatureTable#nearest}: the column-major distance scan
 * and the bounded heap of the nearest rows. Not API. Both classes stay public only because
 * {@code FeatureTable}, in the parent package, calls them.
 */
package org.runops.core.refrun.internal;
