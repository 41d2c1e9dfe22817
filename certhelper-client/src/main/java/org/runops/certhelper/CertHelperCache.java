package org.runops.certhelper;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import org.runops.core.CacheDirectories;
import org.runops.core.RegularFiles;
import org.runops.core.ledger.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last good Certhelper answer on disk: the raw JSON ({@value #DUMP_FILE}) and a small metadata file
 * ({@value #META_FILE}: when it was fetched, from which URL, its size and SHA-256), each written
 * atomically (temp file in the same folder, fsync, atomic rename). The checksum ties the two together:
 * a dump that does not match its metadata (a crash between the two renames, a hand edit, a disk
 * error) is treated as absent, with a warning naming the file, and left in place until a good fetch
 * replaces it. The service owners ask not to be called repeatedly: hence a TTL of a day by default.
 */
public final class CertHelperCache {
    private static final Logger LOG = LoggerFactory.getLogger(CertHelperCache.class);
    static final String DUMP_FILE = "allRunsRefRuns.json";
    static final String META_FILE = "allRunsRefRuns.meta";
    /** Default time to live: the service owners ask not to be called repeatedly. */
    public static final Duration DEFAULT_TTL = Duration.ofHours(24);

    /**
     * A cached answer.
     *
     * @param json      the raw bytes as the server sent them
     * @param fetchedAt when they were fetched
     * @param url       where from
     * @param file      the dump file
     */
    public record Entry(byte[] json, Instant fetchedAt, String url, Path file) {
        public Entry {
            Objects.requireNonNull(json, "json");
            Objects.requireNonNull(fetchedAt, "fetchedAt");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(file, "file");
        }
    }

    private final Path directory;
    private final Duration ttl;
    private final Clock clock;

    public CertHelperCache(Path directory, Duration ttl, Clock clock) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must not be negative, got " + ttl);
        }
    }

    /** A cache in {@link #defaultDirectory(Function)} with a 24 h TTL. */
    public static CertHelperCache inDefaultDirectory(Function<String, String> env, Clock clock) {
        return new CertHelperCache(defaultDirectory(env), DEFAULT_TTL, clock);
    }

    /** {@code $XDG_CACHE_HOME/runops/certhelper}, else {@code $HOME/.cache/runops/certhelper} ({@code env} e.g. System::getenv). */
    public static Path defaultDirectory(Function<String, String> env) {
        return CacheDirectories.of(env, "certhelper").orElseThrow(() -> new CertHelperException(
                "neither XDG_CACHE_HOME nor HOME is set: give the Certhelper cache directory explicitly"));
    }

    public Path directory() {
        return directory;
    }

    public Duration ttl() {
        return ttl;
    }

    /** The dump file (whether or not it exists). */
    public Path file() {
        return directory.resolve(DUMP_FILE);
    }

    /** The cached answer, or empty when there is none or it is unusable (logged as a warning naming the file). */
    public Optional<Entry> read() {
        Path dump = file();
        Path meta = directory.resolve(META_FILE);
        Properties p = new Properties();
        byte[] json;
        try {
            String metaText = RegularFiles.readString(meta);
            try (Reader r = new StringReader(metaText)) {
                p.load(r);
            }
            json = RegularFiles.readAllBytes(dump);
        } catch (NoSuchFileException e) {
            if (Files.exists(dump) || Files.exists(meta)) {
                LOG.warn("Certhelper cache {} is incomplete ({} missing): ignored until the next good fetch", dump, e.getFile());
            }
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Certhelper cache {} cannot be read ({}): ignored until the next good fetch", dump, e.getMessage());
            return Optional.empty();
        }
        String problem = check(p, json);
        if (problem != null) {
            LOG.warn("Certhelper cache {} is corrupt ({}): ignored until the next good fetch", dump, problem);
            return Optional.empty();
        }
        return Optional.of(new Entry(json, Instant.parse(p.getProperty("fetchedAt")), p.getProperty("url"), dump));
    }

    private static String check(Properties p, byte[] json) {
        String fetchedAt = p.getProperty("fetchedAt");
        String url = p.getProperty("url");
        String size = p.getProperty("size");
        String sha = p.getProperty("sha256");
        if (fetchedAt == null || url == null || size == null || sha == null) {
            return "metadata lacks fetchedAt, url, size or sha256";
        }
        try {
            Instant.parse(fetchedAt);
        } catch (DateTimeParseException e) {
            return "fetchedAt " + fetchedAt + " is not an instant";
        }
        if (!size.equals(Long.toString(json.length))) {
            return "dump has " + json.length + " bytes, metadata says " + size;
        }
        if (!sha.equalsIgnoreCase(sha256(json))) {
            return "dump does not match its SHA-256 in the metadata";
        }
        return null;
    }

    /** How old {@code entry} is now. */
    public Duration age(Entry entry) {
        return Duration.between(entry.fetchedAt(), now());
    }

    /** The cache's clock's current instant. */
    Instant now() {
        return clock.instant();
    }

    /**
     * Younger than the TTL. An entry stamped in the future (the clock was set back) is not fresh: one
     * fetch more is better than trusting it for ever.
     */
    public boolean isFresh(Entry entry) {
        Duration age = age(entry);
        return !age.isNegative() && age.compareTo(ttl) < 0;
    }

    /** Stores {@code json} fetched from {@code url} now: dump first, then the metadata that vouches for it. */
    public Entry write(byte[] json, String url) {
        Instant now = clock.instant();
        Properties p = new Properties();
        p.setProperty("fetchedAt", now.toString());
        p.setProperty("url", url);
        p.setProperty("size", Long.toString(json.length));
        p.setProperty("sha256", sha256(json));
        StringWriter meta = new StringWriter();
        try {
            p.store(meta, "runops Certhelper cache: the last good answer in " + DUMP_FILE);
        } catch (IOException e) {
            throw new IllegalStateException("a StringWriter does not fail", e);
        }
        try {
            AtomicFiles.write(file(), json);
            AtomicFiles.write(directory.resolve(META_FILE), meta.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CertHelperException("cannot write the Certhelper cache " + file() + ": " + e.getMessage(), e);
        }
        return new Entry(json, now, url, file());
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    @Override
    public String toString() {
        return "CertHelperCache[" + file() + ", ttl " + ttl + "]";
    }
}
