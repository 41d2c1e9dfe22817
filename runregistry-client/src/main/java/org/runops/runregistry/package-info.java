/**
 * CMS Run Registry v4 client: runs and datasets through the paged {@code *_filtered_ordered} endpoints
 * (every page checked against the promised count), a typed filter builder for the server's grammar,
 * lumisection flags, golden JSON and the JSON portal. Implementation details live in
 * {@code org.runops.runregistry.internal}.
 */
package org.runops.runregistry;
