/** CMS OMS aggregation REST client: queries, paging, typed runs, fills and lumisections. */
package org.runops.oms;
