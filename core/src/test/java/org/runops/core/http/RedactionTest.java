package org.runops.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class RedactionTest {
    @Test
    void secretLookingQueryValuesAndPasswordsAreHidden() {
        HttpUrl url = HttpUrl.get("https://user:pw@cmsoms.cern.ch/agg/api/v1/runs?filter[run_number][GE]=297050"
                + "&api_key=K&token=T&sort=-run_number&Client_Secret=S");

        String r = Redaction.url(url);

        assertThat(r).contains("filter[run_number][GE]=297050").contains("sort=-run_number")
                .contains("api_key=***").contains("token=***").contains("Client_Secret=***").contains("user:***@")
                .doesNotContain("=K").doesNotContain("=T").doesNotContain("=S").doesNotContain(":pw@");
    }

    @Test
    void ordinaryParametersStay() {
        assertThat(Redaction.isSecretName("run_number")).isFalse();
        assertThat(Redaction.isSecretName("fields")).isFalse();
        assertThat(Redaction.isSecretName("page[limit]")).isFalse();
        assertThat(Redaction.isSecretName("access_token")).isTrue();
        assertThat(Redaction.isSecretName("key")).isTrue();
    }

    @Test
    void excerptsAreOneLineWithTokenValuesHidden() {
        assertThat(Redaction.excerpt("{\"access_token\": \"eyJabc\",\n  \"x\": 1}"))
                .isEqualTo("{\"access_token\": \"***\", \"x\": 1}");
        assertThat(Redaction.excerpt("client_secret=abc&audience=x")).isEqualTo("client_secret=***&audience=x");
        assertThat(Redaction.excerpt(null)).isEmpty();
        assertThat(Redaction.excerpt("  \n ")).isEmpty();
    }
}
