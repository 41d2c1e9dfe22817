package org.runops.datalogger;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import org.runops.core.http.RetryPolicy;
import org.runops.datalogger.internal.AclCgiBackend;
import org.runops.datalogger.internal.ReplayBackend;

/**
 * Builds the ACL CGI backend with more than {@link DataLoggerClient#acl}'s defaults:
 * <pre>{@code
 * DataLoggerClient acl = AclClient.builder(DataLoggerClient.DEFAULT_ACL_URL)
 *         .zone(ZoneId.of("America/Chicago")).callTimeout(Duration.ofSeconds(60)).recordTo(dir).build();
 * DataLoggerClient again = AclClient.replay(dir, ZoneId.of("America/Chicago"));
 * }</pre>
 */
public final class AclClient {
    private AclClient() {}

    public static Builder builder(String baseUrl) {
        return new Builder(baseUrl);
    }

    /** The answers recorded with {@link Builder#recordTo}, window strings rendered in {@code zone} as when recorded. */
    public static DataLoggerClient replay(Path directory, ZoneId zone) {
        return new ReplayBackend(directory, zone);
    }

    public static final class Builder {
        private final String baseUrl;
        private ZoneId zone = DataLoggerClient.FERMILAB_ZONE;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration callTimeout = Duration.ofSeconds(60);
        private RetryPolicy fetchRetry = RetryPolicy.none();
        private RetryPolicy commandRetry = RetryPolicy.defaults();
        private Path recordTo;

        private Builder(String baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        }

        /** The zone window strings are written in and event times read in (default America/Chicago). */
        public Builder zone(ZoneId value) {
            zone = Objects.requireNonNull(value, "zone");
            return this;
        }

        /** Bound on connecting (default 10 s, never more than the call timeout). */
        public Builder connectTimeout(Duration value) {
            connectTimeout = Objects.requireNonNull(value, "connectTimeout");
            return this;
        }

        /** Bound on one HTTP attempt, connect to last byte (default 60 s). */
        public Builder callTimeout(Duration value) {
            callTimeout = Objects.requireNonNull(value, "callTimeout");
            return this;
        }

        /**
         * Retries of {@code logger_get} (default none: {@link DataLoggerClient#fetchAll} retries whole
         * chunks with backoff, and retrying twice over would multiply the waits).
         */
        public Builder fetchRetry(RetryPolicy value) {
            fetchRetry = Objects.requireNonNull(value, "fetchRetry");
            return this;
        }

        /** Retries of {@code event_log}, {@code tlg_info} and {@code read}, which nothing above retries (default {@link RetryPolicy#defaults()}). */
        public Builder commandRetry(RetryPolicy value) {
            commandRetry = Objects.requireNonNull(value, "commandRetry");
            return this;
        }

        /** Also keep every answer in {@code directory}, for {@link AclClient#replay}. */
        public Builder recordTo(Path directory) {
            recordTo = Objects.requireNonNull(directory, "directory");
            return this;
        }

        public DataLoggerClient build() {
            return new AclCgiBackend(new AclCgiBackend.Settings(baseUrl, zone, connectTimeout, callTimeout, fetchRetry, commandRetry, recordTo));
        }
    }
}
