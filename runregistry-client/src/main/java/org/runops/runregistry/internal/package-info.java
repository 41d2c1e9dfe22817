/** Run Registry parsing, paging and filter rendering; not API. */
package org.runops.runregistry.internal;
