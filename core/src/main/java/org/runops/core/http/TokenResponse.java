package org.runops.core.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;

/**
 * An OAuth2 token endpoint's answer ({@code access_token}, {@code token_type}, {@code expires_in}; other
 * fields skipped). Parse problems say what is wrong, never what the body holds: it may hold a token.
 *
 * @param accessToken the bearer token
 * @param expiresIn   seconds it is valid, or -1 when the endpoint did not say
 */
record TokenResponse(String accessToken, long expiresIn) {
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).build())
            .build();

    /** Why an answer is unusable (the message never quotes the body). */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    static TokenResponse parse(byte[] body) throws Invalid {
        String accessToken = null;
        String tokenType = null;
        long expiresIn = -1;
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new Invalid("the token endpoint's answer is not a JSON object");
            }
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "access_token" -> accessToken = value == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "token_type" -> tokenType = value == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "expires_in" -> expiresIn = seconds(p, value);
                    default -> p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new Invalid("the token endpoint's answer is not valid JSON");
        }
        if (accessToken == null || accessToken.isBlank()) {
            throw new Invalid("the token endpoint's answer has no access_token");
        }
        if (tokenType != null && !tokenType.equalsIgnoreCase("bearer")) {
            throw new Invalid("the token endpoint issued a " + printable(tokenType) + " token, not a Bearer token");
        }
        return new TokenResponse(accessToken, expiresIn);
    }

    /** expires_in as a number or a numeric string; anything else (or negative) is "not said". */
    private static long seconds(JsonParser p, JsonToken value) throws IOException {
        long s;
        if (value == JsonToken.VALUE_NUMBER_INT) {
            s = p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? -1 : p.getLongValue();
        } else if (value == JsonToken.VALUE_NUMBER_FLOAT) {
            double d = p.getDoubleValue();
            s = d >= 0 && d < Long.MAX_VALUE / 2 ? (long) d : -1;
        } else if (value == JsonToken.VALUE_STRING) {
            try {
                s = Long.parseLong(p.getText().strip());
            } catch (NumberFormatException e) {
                s = -1;
            }
        } else {
            p.skipChildren();
            s = -1;
        }
        // beyond a year is nonsense, and would overflow Instant arithmetic near the end of time
        return s < 0 || s > 366L * 24 * 3600 ? -1 : s;
    }

    private static String printable(String s) {
        String cut = s.length() > 20 ? s.substring(0, 20) + "…" : s;
        return cut.replaceAll("[^\\p{Alnum}_-]", "?");
    }
}
