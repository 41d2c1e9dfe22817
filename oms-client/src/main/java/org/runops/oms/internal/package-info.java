/** Implementation of {@link org.runops.oms}: the page parser, paging, typed value reads. Not API. */
package org.runops.oms.internal;
