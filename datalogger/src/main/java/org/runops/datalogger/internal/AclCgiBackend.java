package org.runops.datalogger.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.runops.core.RunopsException;
import org.runops.core.http.HttpClients;
import org.runops.core.http.HttpFetcher;
import org.runops.core.http.HttpSettings;
import org.runops.core.http.RetryPolicy;
import org.runops.core.http.Sleeper;
import org.runops.core.http.TokenProvider;
import org.runops.datalogger.DataLoggerException;

/**
 * The ACL CGI over HTTP ({@code acl.pl?acl=COMMAND}), through the shared {@link HttpFetcher}. Each
 * attempt is bounded by the call timeout. {@code logger_get} is tried once by default, since
 * {@link ChunkedFetch} retries whole chunks with backoff; the one-shot commands ({@code event_log},
 * {@code tlg_info}, {@code read}) are retried by their own policy. On the wire the command keeps every
 * character as built, except that OkHttp percent-encodes the quotes ({@code "} → {@code %22},
 * {@code '} → {@code %27}), as the original Python scripts' {@code requests} did for {@code "}; the
 * CGI decodes those. With a recording folder every answer is also kept there for {@link ReplayBackend}.
 */
public final class AclCgiBackend extends AclProtocol {
    /**
     * @param baseUrl      the CGI, e.g. {@code http://www-ad.fnal.gov/cgi-bin/acl.pl} (no query)
     * @param zone         the zone of window strings and printed times
     * @param connectTimeout bound on connecting
     * @param callTimeout  bound on one attempt, connect to last byte
     * @param fetchRetry   retries of {@code logger_get}
     * @param commandRetry retries of {@code event_log}, {@code tlg_info} and {@code read}
     * @param recordTo     folder to record answers in, or null
     */
    public record Settings(String baseUrl, ZoneId zone, Duration connectTimeout, Duration callTimeout, RetryPolicy fetchRetry,
            RetryPolicy commandRetry, Path recordTo) {
        public Settings {
            Objects.requireNonNull(baseUrl, "baseUrl");
            Objects.requireNonNull(zone, "zone");
            positive(connectTimeout, "connectTimeout");
            positive(callTimeout, "callTimeout");
            Objects.requireNonNull(fetchRetry, "fetchRetry");
            Objects.requireNonNull(commandRetry, "commandRetry");
        }

        private static void positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + d);
            }
        }
    }

    private final String base;
    private final HttpFetcher fetches;
    private final HttpFetcher commands;
    private final Path recordTo;

    public AclCgiBackend(Settings settings) {
        super(settings.zone());
        HttpUrl url = HttpUrl.parse(settings.baseUrl());
        if (url == null || url.querySize() > 0 || url.fragment() != null) {
            throw new IllegalArgumentException("not an http(s) URL of the ACL CGI without query: \"" + settings.baseUrl() + "\"");
        }
        this.base = url.toString();
        Duration connect = settings.connectTimeout().compareTo(settings.callTimeout()) < 0 ? settings.connectTimeout() : settings.callTimeout();
        OkHttpClient client = HttpClients.create(new HttpSettings(connect, settings.callTimeout(), settings.callTimeout(),
                settings.commandRetry(), null, null));
        this.fetches = new HttpFetcher(client, TokenProvider.none(), settings.fetchRetry(), Sleeper.system(), HttpFetcher.jitter());
        this.commands = new HttpFetcher(client, TokenProvider.none(), settings.commandRetry(), Sleeper.system(), HttpFetcher.jitter());
        this.recordTo = settings.recordTo();
    }

    @Override
    Answer answer(String command, boolean oneShot) {
        HttpUrl url = HttpUrl.get(base + "?acl=" + command);
        byte[] body;
        try {
            body = (oneShot ? commands : fetches).fetch(url);
        } catch (RunopsException e) {
            throw new DataLoggerException("ACL CGI request failed: " + e.getMessage(), e);
        }
        if (recordTo != null) {
            AclRecordings.save(recordTo, command, body);
        }
        return new Answer(url.toString(), body);
    }

    @Override
    public String backendName() {
        return "acl";
    }

    @Override
    public void close() {
        fetches.close(); // both fetchers share one client
    }
}
