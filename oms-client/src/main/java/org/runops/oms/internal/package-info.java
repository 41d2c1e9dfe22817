/**
 * Implementation of {@link org.runops.oms}: the page parser, paging, typed value reads. Not API. Every
 * class here ({@code PageParser}, {@code Pager}, {@code RowMap}, {@code Values}) is called from
 * {@code org.runops.oms} and so must stay public: Java has no visibility between packages short of modules.
 */
package org.runops.oms.internal;
