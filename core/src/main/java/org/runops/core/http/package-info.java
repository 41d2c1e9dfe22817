/**
 * The HTTP layer every runops client shares: {@link org.runops.core.http.HttpClients} (timeouts, no
 * redirects, an optional extra trust store for the CERN CAs), {@link org.runops.core.http.HttpFetcher}
 * (whole-body fetches with retries, backoff with jitter and bearer tokens) and
 * {@link org.runops.core.http.TokenProvider} (none, fixed, CERN SSO client credentials).
 */
package org.runops.core.http;
