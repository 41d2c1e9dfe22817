package org.runops.core.http;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.stream.Stream;
import javax.net.ssl.X509TrustManager;

/** Trusts what the JDK's defaults trust, and what an extra store trusts (the CERN CAs). */
final class CombinedTrustManager implements X509TrustManager {
    private final X509TrustManager defaults;
    private final X509TrustManager extra;

    CombinedTrustManager(X509TrustManager defaults, X509TrustManager extra) {
        this.defaults = defaults;
        this.extra = extra;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        try {
            defaults.checkClientTrusted(chain, authType);
        } catch (CertificateException e) {
            extra.checkClientTrusted(chain, authType);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        try {
            defaults.checkServerTrusted(chain, authType);
        } catch (CertificateException e) {
            try {
                extra.checkServerTrusted(chain, authType);
            } catch (CertificateException second) {
                second.addSuppressed(e);
                throw second;
            }
        }
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return Stream.concat(Arrays.stream(defaults.getAcceptedIssuers()), Arrays.stream(extra.getAcceptedIssuers()))
                .toArray(X509Certificate[]::new);
    }
}
