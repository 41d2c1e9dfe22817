package org.runops.oms;

import okhttp3.HttpUrl;

/**
 * The OMS aggregation-API deployments (spec §1.1). Each has a base URL and the token audience
 * its SSO client-credentials tokens need; P5 (inside the .cms network) needs no token. Both can be
 * overridden on {@link OmsClient.Builder}.
 */
public enum OmsInstance {
    PRODUCTION("https://cmsoms.cern.ch/agg/api/v1", "cmsoms-prod"),
    INTEGRATION("https://vocms0185.cern.ch/agg/api/v1", "cmsoms-int-0185"),
    DEVELOPMENT("https://vocms0184.cern.ch/agg/api/v1", "cmsoms-int-0184"),
    P5("http://cmsoms.cms/agg/api/v1", null);

    private final HttpUrl baseUrl;
    private final String audience;

    OmsInstance(String baseUrl, String audience) {
        this.baseUrl = HttpUrl.get(baseUrl);
        this.audience = audience;
    }

    /** The API root, e.g. {@code https://cmsoms.cern.ch/agg/api/v1}; resources are appended without a trailing slash. */
    public HttpUrl baseUrl() {
        return baseUrl;
    }

    /** The token audience, or null when the instance needs no token (P5). */
    public String audience() {
        return audience;
    }

    /** Whether requests need a bearer token. */
    public boolean needsToken() {
        return audience != null;
    }

    /** Lenient name lookup for configuration and the CLI: {@code production}, {@code int}, {@code dev}, {@code p5}. */
    public static OmsInstance parse(String name) {
        String n = name.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (n) {
            case "production", "prod" -> PRODUCTION;
            case "integration", "int" -> INTEGRATION;
            case "development", "dev" -> DEVELOPMENT;
            case "p5" -> P5;
            default -> throw new IllegalArgumentException("unknown OMS instance '" + name
                    + "' (expected production, integration, development or p5)");
        };
    }
}
