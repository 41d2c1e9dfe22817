package org.runops.core.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import okhttp3.Response;

/** A response's {@code Retry-After}: delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
final class RetryAfter {
    private RetryAfter() {}

    /**
     * The wait the server asks for, or null when it names none or garbage. A date is measured from the
     * server's own {@code Date} header when present (so clock skew does not matter), else from when the
     * answer arrived.
     */
    static Duration parse(Response response) {
        String value = response.header("Retry-After");
        if (value == null || value.isBlank()) {
            return null;
        }
        value = value.strip();
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(value));
            } catch (NumberFormatException e) {
                return null; // more digits than a long: garbage
            }
        }
        Instant until = httpDate(value);
        if (until == null) {
            return null;
        }
        Instant now = httpDate(response.header("Date"));
        if (now == null) {
            now = Instant.ofEpochMilli(response.receivedResponseAtMillis());
        }
        Duration wait = Duration.between(now, until);
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    private static Instant httpDate(String value) {
        if (value == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
