package org.runops.examples.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import okhttp3.HttpUrl;
import org.runops.certhelper.CertHelperCache;
import org.runops.certhelper.CertHelperClient;
import org.runops.certhelper.CertHelperHistory;
import org.runops.certhelper.CertHelperSnapshot;
import org.runops.core.RegularFiles;
import org.runops.core.refrun.RunReferencePair;
import picocli.CommandLine.Option;

/** Where a command gets Certhelper's history from the server: URL and the on-disk cache's options. */
final class CertHelperServerOptions {
    @Option(names = "--url", paramLabel = "BASE", defaultValue = CertHelperClient.DEFAULT_URL,
            description = "Certhelper's base URL (default: ${DEFAULT-VALUE}).")
    private String url;

    @Option(names = "--cache-dir", paramLabel = "DIR", description = "Cache directory (default: the XDG cache directory).")
    private Path cacheDir;

    @Option(names = "--ttl", defaultValue = "24h", converter = DurationConverter.class,
            description = "How long a cached answer is used without asking the server (default: ${DEFAULT-VALUE}).")
    private Duration ttl;

    @Option(names = "--refresh", description = "Ask the server even when the cache is fresh.")
    private boolean refresh;

    @Option(names = "--allow-stale", description = "If the server fails, use an expired cache (with a warning) rather than fail.")
    private boolean allowStale;

    /** The history from the server, or from the cache while it is fresh. */
    CertHelperSnapshot fetch() {
        HttpUrl base = HttpUrl.parse(url);
        if (base == null) {
            throw new IllegalArgumentException("--url " + url + " is not an http(s) URL");
        }
        Path dir = cacheDir != null ? cacheDir : CertHelperCache.defaultDirectory(System::getenv);
        CertHelperCache cache = new CertHelperCache(dir, ttl, Clock.systemUTC());
        try (CertHelperClient client = CertHelperClient.builder().baseUrl(base).cache(cache).allowStale(allowStale).build()) {
            return client.snapshot(refresh);
        }
    }

    /** A saved dump; the server options must not be given with it ({@code fileOption} names the option in the message). */
    CertHelperSnapshot readFile(Path file, String fileOption) {
        if (refresh || allowStale || cacheDir != null) {
            throw new IllegalArgumentException(fileOption + " reads a saved dump: --refresh, --allow-stale and --cache-dir do not apply");
        }
        RegularFiles.problem(file).ifPresent(problem -> {
            throw new IllegalArgumentException(fileOption + " " + file + ": " + problem);
        });
        List<RunReferencePair> pairs = CertHelperHistory.read(file);
        Instant saved;
        try {
            saved = Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CertHelperSnapshot(pairs, file.toString(), saved, CertHelperSnapshot.Origin.FILE, Duration.ZERO);
    }
}
