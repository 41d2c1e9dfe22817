package org.runops.runregistry;

import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * The Run Registry v4 deployments (spec D§6, O§4) with the SSO audience their api-access tokens need. The audiences
 * were renamed in 2024-07 (runregistry_api_client 8c55814): before, both used {@value #OLD_AUDIENCE}, which the QA
 * proxy and older clients still name. A custom deployment is a base URL and an audience on the client builder.
 */
public enum RrInstance {
    PROD("https://cmsrunregistry.web.cern.ch/api/", "webframeworks-paas-cmsrunregistry"),
    DEV("https://dev-cmsrunregistry.web.cern.ch/api/", "webframeworks-paas-dev-cmsrunregistry");

    /** The audience of the SSO proxy before 2024-07 (and of {@code cmsrunregistry-qa}). */
    public static final String OLD_AUDIENCE = "cmsrunregistry-sso-proxy";

    private final HttpUrl baseUrl;
    private final String audience;

    RrInstance(String baseUrl, String audience) {
        this.baseUrl = HttpUrl.get(baseUrl);
        this.audience = audience;
    }

    /** The API root, e.g. {@code https://cmsrunregistry.web.cern.ch/api/}. */
    public HttpUrl baseUrl() {
        return baseUrl;
    }

    /** The token audience of this deployment. */
    public String audience() {
        return audience;
    }

    /** {@code prod}/{@code production} or {@code dev}/{@code development}, case-insensitive. */
    public static RrInstance parse(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "prod", "production" -> PROD;
            case "dev", "development" -> DEV;
            default -> throw new IllegalArgumentException("unknown Run Registry instance '" + name + "' (expected prod or dev)");
        };
    }
}
