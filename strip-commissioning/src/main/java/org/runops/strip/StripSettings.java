package org.runops.strip;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.runops.core.Durations;
import org.runops.core.RegularFiles;

/**
 * A {@link StripConfig} and its database, read from a properties file. Keys (all optional):
 * {@code host, storage.root, data.dir, ledger.dir, analysis.command, analysis.timeout, end.delay,
 * frequency, modes, partitions, partitions.<host>, delete.raw, lease.ttl, db.zone, db.url, db.user,
 * db.password.file, db.timeout}.
 * Durations as {@code 2h}, {@code 30m}, {@code 45s} or ISO-8601 ({@code PT2H}); {@code modes} as
 * {@code default}, {@code default,calibration} or RUNMODE codes; {@code partitions} as {@code TI,TM}.
 * The password comes from {@code RUNOPS_STRIP_DB_PASSWORD} or the file named by {@code db.password.file},
 * never from the command line, and is never logged. Without {@code db.url}, the embedded H2 database in
 * the ledger directory is used. {@code db.timeout} (default 2 min) bounds every connect and query.
 *
 * @param dataSource      the database, every connection and statement under {@code databaseTimeout}
 * @param databaseTimeout how long a connect or query may wait for the database
 */
public record StripSettings(StripConfig config, String databaseUrl, DataSource dataSource, boolean embedded, Duration databaseTimeout) {

    /** The embedded RUN database's name in the ledger directory. */
    private static final String EMBEDDED_DATABASE = "rundb";
    public static final String PASSWORD_VARIABLE = "RUNOPS_STRIP_DB_PASSWORD";

    public StripSettings {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(databaseUrl, "databaseUrl");
        dataSource = TimedDataSource.of(dataSource, databaseTimeout);
    }

    /**
     * Reads {@code file} (may be null: defaults only); {@code environment} is consulted for the password.
     *
     * @throws StripConfigException when a value is not valid (naming the key, the value and the file)
     */
    public static StripSettings load(Path file, Map<String, String> environment) {
        return load(file, Map.of(), environment);
    }

    /**
     * Reads {@code file} (may be null), then applies {@code overrides} (the command line's
     * {@code --set key=value}; {@code db.password} cannot be set there).
     */
    public static StripSettings load(Path file, Map<String, String> overrides, Map<String, String> environment) {
        Properties p = new Properties();
        if (file != null) {
            try (Reader in = RegularFiles.newBufferedReader(file)) {
                p.load(in);
            } catch (IOException e) {
                throw new StripConfigException("configuration " + file + ": " + RegularFiles.reason(e), e);
            }
        }
        for (Map.Entry<String, String> o : overrides.entrySet()) {
            if (o.getKey().startsWith("db.password") && !o.getKey().equals("db.password.file")) {
                throw new StripConfigException("the DB password is never taken from the command line: use "
                        + PASSWORD_VARIABLE + " or db.password.file");
            }
            p.setProperty(o.getKey(), o.getValue());
        }
        String where = (file == null ? "defaults" : file.toString()) + (overrides.isEmpty() ? "" : " + --set " + overrides.keySet());
        StripConfig d = StripConfig.defaults(p.getProperty("host", localHost()));
        // One file for both hosts: partitions.<host> wins over partitions.
        String hostPartitions = p.getProperty("partitions." + d.host());
        if (hostPartitions != null) {
            p.setProperty("partitions", hostPartitions);
        }
        Path ledgers = path(p, "ledger.dir", d.ledgerDirectory());
        StripConfig config = config(p, where, d, ledgers);
        Duration timeout = get(p, where, "db.timeout", s -> TimedDataSource.requirePositive(Durations.parse(s)),
                RunDatabase.DEFAULT_TIMEOUT);
        String url = p.getProperty("db.url");
        if (url == null || url.isBlank()) {
            // AUTO_SERVER: while another process has the file open, this one is an H2 TCP client of it
            JdbcDataSource embedded = EmbeddedRunDatabase.fileDataSource(ledgers.resolve(EMBEDDED_DATABASE));
            embedded.setURL(TimedDataSource.h2Url(embedded.getURL(), timeout));
            return new StripSettings(config, embedded.getURL(), embedded, true, timeout);
        }
        String user = p.getProperty("db.user", "");
        String password = password(p, environment, where);
        return new StripSettings(config, url, dataSource(url, user, password, timeout, where), false, timeout);
    }

    private static StripConfig config(Properties p, String where, StripConfig d, Path ledgers) {
        try {
            return new StripConfig(d.host(),
                    path(p, "storage.root", d.storageRoot()),
                    path(p, "data.dir", d.dataDirectory()),
                    ledgers,
                    p.getProperty("analysis.command", d.analysisCommand()),
                    get(p, where, "analysis.timeout", Durations::parse, d.analysisTimeout()),
                    get(p, where, "end.delay", Durations::parse, d.endDelay()),
                    get(p, where, "frequency", Durations::parse, d.frequency()),
                    get(p, where, "modes", StripSettings::modes, d.analysedModes()),
                    get(p, where, "partitions", StripSettings::partitions, d.partitions()),
                    get(p, where, "delete.raw", StripSettings::bool, d.deleteRaw()),
                    get(p, where, "lease.ttl", Durations::parse, d.leaseTtl()),
                    get(p, where, "db.zone", ZoneId::of, d.databaseZone()));
        } catch (IllegalArgumentException e) { // values that parse but do not fit together, e.g. frequency=0s
            throw new StripConfigException(where + ": " + e.getMessage(), e);
        }
    }

    /** The file of the embedded RUN database when no {@code db.url} is given (H2 adds {@code .mv.db}). */
    public Path embeddedDatabaseFile() {
        return config.ledgerDirectory().resolve(EMBEDDED_DATABASE);
    }

    /** The RUN database; the embedded one is opened (and its schema created) only now. */
    public RunDatabase database() {
        if (embedded) {
            EmbeddedRunDatabase.on(dataSource);
        }
        return RunDatabase.jdbc(dataSource, databaseTimeout);
    }

    private static DataSource dataSource(String url, String user, String password, Duration timeout, String where) {
        if (url.startsWith("jdbc:h2:")) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(TimedDataSource.h2Url(url, timeout));
            h2.setUser(user);
            h2.setPassword(password);
            return h2;
        }
        if (url.startsWith("jdbc:oracle:")) {
            try {
                oracle.jdbc.datasource.impl.OracleDataSource ora = new oracle.jdbc.datasource.impl.OracleDataSource();
                ora.setURL(url);
                ora.setUser(user);
                ora.setPassword(password);
                ora.setConnectionProperties(TimedDataSource.oracleProperties(timeout));
                ora.setLoginTimeout((int) Math.max(1, timeout.toSeconds())); // per data source, not DriverManager's JVM-wide one
                return ora;
            } catch (java.sql.SQLException e) {
                throw new RunDatabaseException("cannot set up the Oracle data source for " + TimedDataSource.redact(url), e);
            }
        }
        throw new StripConfigException(where + ": db.url must be a jdbc:oracle: or jdbc:h2: URL, got " + TimedDataSource.redact(url));
    }

    private static String password(Properties p, Map<String, String> environment, String where) {
        String fromEnv = environment.get(PASSWORD_VARIABLE);
        if (fromEnv != null) {
            return fromEnv;
        }
        String file = p.getProperty("db.password.file");
        if (file == null) {
            return "";
        }
        try {
            return RegularFiles.readString(Path.of(file)).strip();
        } catch (IOException e) {
            throw new StripConfigException(where + ": db.password.file " + file + ": " + RegularFiles.reason(e), e);
        }
    }

    private static <T> T get(Properties p, String where, String key, Function<String, T> parse, T fallback) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return parse.apply(value.strip());
        } catch (RuntimeException e) {
            throw new StripConfigException(where + ": " + key + "=" + value + " is not valid: " + e.getMessage(), e);
        }
    }

    private static Path path(Properties p, String key, Path fallback) {
        String value = p.getProperty(key);
        return value == null || value.isBlank() ? fallback : Path.of(value.strip());
    }

    static Set<RunMode> modes(String s) {
        Set<RunMode> modes = EnumSet.noneOf(RunMode.class);
        for (String part : s.split(",")) {
            String t = part.strip();
            if (t.equals("default")) {
                modes.addAll(RunMode.analysedByDefault());
            } else if (t.equals("calibration")) {
                modes.addAll(RunMode.calibration());
            } else {
                int code = Integer.parseInt(t);
                modes.add(RunMode.ofCode(code).orElseThrow(() -> new IllegalArgumentException("unknown RUNMODE " + code)));
            }
        }
        return modes;
    }

    static Set<Partition> partitions(String s) {
        Set<Partition> set = EnumSet.noneOf(Partition.class);
        for (String part : s.split(",")) {
            set.add(Partition.valueOf(part.strip().toUpperCase(java.util.Locale.ROOT)));
        }
        return set;
    }

    static Boolean bool(String s) {
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(s);
        }
        throw new IllegalArgumentException("use true or false");
    }

    private static String localHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    /** The settings without secrets, for {@code runops strip status}. */
    public String describe() {
        return "host " + config.host() + ", storage " + config.storageRoot() + ", data " + config.dataDirectory() + ", ledgers "
                + config.ledgerDirectory() + ", partitions " + config.partitions() + ", database "
                + TimedDataSource.redact(databaseUrl) + " (timeout " + Durations.describe(databaseTimeout) + ")"
                + ", deleteRaw " + config.deleteRaw();
    }
}
