package org.runops.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TokenResponseTest {
    private static TokenResponse parse(String json) throws TokenResponse.Invalid {
        return TokenResponse.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void keycloakAnswer() throws Exception {
        TokenResponse t = parse("{\"access_token\":\"eyJ.x.y\",\"expires_in\":1200,\"refresh_expires_in\":0,"
                + "\"token_type\":\"Bearer\",\"not-before-policy\":0,\"scope\":\"profile email\",\"extra\":{\"a\":[1,2]}}");
        assertThat(t).isEqualTo(new TokenResponse("eyJ.x.y", 1200));
    }

    @Test
    void expiryForms() throws Exception {
        assertThat(parse("{\"access_token\":\"a\",\"expires_in\":\"300\"}").expiresIn()).isEqualTo(300);
        assertThat(parse("{\"access_token\":\"a\",\"expires_in\":299.9}").expiresIn()).isEqualTo(299);
        assertThat(parse("{\"access_token\":\"a\",\"expires_in\":-5}").expiresIn()).isEqualTo(-1);
        assertThat(parse("{\"access_token\":\"a\",\"expires_in\":99999999999999999999999}").expiresIn()).isEqualTo(-1);
        assertThat(parse("{\"access_token\":\"a\",\"expires_in\":{\"x\":1}}").expiresIn()).isEqualTo(-1);
        assertThat(parse("{\"access_token\":\"a\"}").expiresIn()).isEqualTo(-1);
    }

    @Test
    void unusableAnswersSayWhyWithoutQuotingThem() {
        assertThatThrownBy(() -> parse("[\"secret-ish\"]")).hasMessage("the token endpoint's answer is not a JSON object");
        assertThatThrownBy(() -> parse("{\"access_token\":\"secret-ish\"")).hasMessage("the token endpoint's answer is not valid JSON");
        assertThatThrownBy(() -> parse("{\"access_token\":5}")).hasMessageContaining("no access_token");
        assertThatThrownBy(() -> parse("{\"access_token\":\"a\",\"token_type\":\"weird type!\"}"))
                .hasMessageContaining("weird?type?").hasMessageContaining("not a Bearer");
    }
}
