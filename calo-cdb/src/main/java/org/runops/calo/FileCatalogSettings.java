package org.runops.calo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.runops.core.Durations;

/**
 * How to reach a FileCatalog and read it.
 *
 * <pre>{@code
 * FileCatalogSettings s = FileCatalogSettings.fromEnvironment(System::getenv);       // PGHOST, PGPORT, PGUSER, PGPASSWORD
 * FileCatalogSettings s2 = FileCatalogSettings.builder("jdbc:postgresql://db:5432/FileCatalog")
 *         .user("phnxrc").passwordFile(Path.of("/etc/runops/fc.pw")).tagColumn("dataset").build();
 * }</pre>
 *
 * @param url              JDBC URL: {@code jdbc:postgresql:} (pgJDBC) or {@code jdbc:h2:} (PostgreSQL mode); never holds the password
 * @param user             the database user, when not in the URL
 * @param password         the password, when one is needed (from the environment or a file, never a command-line argument)
 * @param tagColumn        the {@code datasets} column holding the production tag: {@code tag} today, {@code dataset} in
 *                         the 2024-era catalogue (whose {@code dsttype} carried the run type, {@code HIST_CALOQA_run2pp}:
 *                         the {@code LIKE 'HIST_CALOQA%'} filters match it unchanged)
 * @param queryTimeout     how long one statement may run (1 s .. 1 h)
 * @param loginTimeout     how long connecting may take (1 s .. 10 min)
 * @param includeFittingQa whether the winning tag's {@code HIST_CALOFITTINGQA} files (the ZS cross-calibration input) are returned too
 * @param runTypes         the run-type table: names and run ranges
 */
public record FileCatalogSettings(String url, Optional<String> user, Optional<String> password, String tagColumn,
        Duration queryTimeout, Duration loginTimeout, boolean includeFittingQa, List<RunType> runTypes) {
    /** The database name the original connects to ({@code postgresql+psycopg2:///FileCatalog}). */
    public static final String DATABASE = "FileCatalog";
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_LOGIN_TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    public FileCatalogSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(tagColumn, "tagColumn");
        if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:")) {
            throw new IllegalArgumentException("FileCatalog URL must start with jdbc:postgresql: or jdbc:h2:, got '" + redact(url) + "'");
        }
        if (url.matches("(?i).*[?&;]password=.*")) {
            throw new IllegalArgumentException("FileCatalog URL " + redact(url) + " holds a password: give it through PGPASSWORD or a password file");
        }
        // the one value spliced into SQL text: an identifier, never anything else
        if (!IDENTIFIER.matcher(tagColumn).matches()) {
            throw new IllegalArgumentException("tag column must be an SQL identifier (letters, digits, '_'), got '" + tagColumn + "'");
        }
        requireWithin("query timeout", queryTimeout, Duration.ofHours(1));
        requireWithin("login timeout", loginTimeout, Duration.ofMinutes(10));
        runTypes = List.copyOf(runTypes);
        if (runTypes.stream().map(RunType::name).distinct().count() != runTypes.size()) {
            throw new IllegalArgumentException("run types must have distinct names, got " + runTypes.stream().map(RunType::name).toList());
        }
    }

    private static void requireWithin(String what, Duration d, Duration max) {
        Objects.requireNonNull(d, what);
        if (d.compareTo(Duration.ofSeconds(1)) < 0 || d.compareTo(max) > 0) {
            throw new IllegalArgumentException(what + " must be 1 s .. " + Durations.describe(max) + ", got " + Durations.describe(d));
        }
    }

    /** A builder with the defaults: no user or password, tag column {@code tag}, 60 s queries, 10 s login, no HIST_CALOFITTINGQA, {@link RunType#DEFAULTS}. */
    public static Builder builder(String url) {
        return new Builder(url);
    }

    /**
     * What the original's libpq URL {@code postgresql:///FileCatalog} resolves to, from {@code PGHOST}
     * (default {@code localhost}; a socket directory such as {@code /var/run/postgresql} also means this
     * host, reached over TCP: pgJDBC has no Unix sockets), {@code PGPORT} (5432), {@code PGUSER} and
     * {@code PGPASSWORD}. pgJDBC ignores these variables, hence this method. Without a password pgJDBC
     * itself reads {@code PGPASSFILE} or {@code ~/.pgpass}.
     */
    public static FileCatalogSettings fromEnvironment(Function<String, String> env) {
        String host = nonBlank(env.apply("PGHOST")).filter(h -> !h.startsWith("/")).orElse("localhost");
        String port = nonBlank(env.apply("PGPORT")).orElse("5432");
        if (!port.matches("\\d{1,5}")) {
            throw new IllegalArgumentException("PGPORT must be a port number, got '" + port + "'");
        }
        if (!host.matches("[A-Za-z0-9.:\\[\\]_-]+")) {
            throw new IllegalArgumentException("PGHOST must be a host name or address, got '" + host + "'");
        }
        Builder b = builder("jdbc:postgresql://" + host + ":" + port + "/" + DATABASE);
        nonBlank(env.apply("PGUSER")).ifPresent(b::user);
        nonBlank(env.apply("PGPASSWORD")).ifPresent(b::password);
        return b.build();
    }

    /** The keys {@link #load} reads. */
    public static final List<String> PROPERTY_KEYS = List.of("filecatalog.url", "filecatalog.user", "filecatalog.password.file",
            "filecatalog.password.env", "filecatalog.tag.column", "filecatalog.query.timeout", "filecatalog.login.timeout",
            "filecatalog.fitting.qa");

    /**
     * Settings from a properties file: {@code filecatalog.url} (absent: {@link #fromEnvironment} — PGHOST,
     * PGPORT, PGUSER, PGPASSWORD), {@code filecatalog.user}, the password from {@code filecatalog.password.file}
     * (its first line) or {@code filecatalog.password.env} (the name of an environment variable),
     * {@code filecatalog.tag.column}, {@code filecatalog.query.timeout} and {@code .login.timeout} (e.g.
     * {@code 90s}, {@code 2m}), {@code filecatalog.fitting.qa} ({@code true|false}). Other {@code filecatalog.*}
     * keys are an error (a typo must not fall back to a default silently); keys of other prefixes are ignored.
     */
    public static FileCatalogSettings load(Path file, Function<String, String> env) {
        java.util.Properties p = new java.util.Properties();
        try (java.io.Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new CaloException("cannot read the FileCatalog settings " + file + ": " + e, e);
        }
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("filecatalog.") && !PROPERTY_KEYS.contains(key)) {
                throw new IllegalArgumentException(file + ": unknown key " + key + "; known: " + PROPERTY_KEYS);
            }
        }
        Optional<String> url = nonBlank(p.getProperty("filecatalog.url"));
        Builder b;
        if (url.isPresent()) {
            b = builder(url.get());
        } else {
            FileCatalogSettings pg = fromEnvironment(env);
            b = builder(pg.url());
            pg.user().ifPresent(b::user);
            pg.password().ifPresent(b::password);
        }
        nonBlank(p.getProperty("filecatalog.user")).ifPresent(b::user);
        nonBlank(p.getProperty("filecatalog.password.file")).ifPresent(f -> b.passwordFile(file.toAbsolutePath().resolveSibling(f)));
        nonBlank(p.getProperty("filecatalog.password.env")).ifPresent(name -> b.password(nonBlank(env.apply(name)).orElseThrow(
                () -> new CaloException(file + ": filecatalog.password.env names " + name + ", which is not set"))));
        nonBlank(p.getProperty("filecatalog.tag.column")).ifPresent(b::tagColumn);
        nonBlank(p.getProperty("filecatalog.query.timeout")).ifPresent(t -> b.queryTimeout(Durations.parse(t)));
        nonBlank(p.getProperty("filecatalog.login.timeout")).ifPresent(t -> b.loginTimeout(Durations.parse(t)));
        nonBlank(p.getProperty("filecatalog.fitting.qa")).ifPresent(v -> {
            if (!v.equals("true") && !v.equals("false")) {
                throw new IllegalArgumentException(file + ": filecatalog.fitting.qa must be true or false, got '" + v + "'");
            }
            b.includeFittingQa(Boolean.parseBoolean(v));
        });
        return b.build();
    }

    private static Optional<String> nonBlank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }

    /** The run type called {@code name} in this table. */
    public RunType runType(String name) {
        return runTypes.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown run type '" + name + "'; known: "
                        + runTypes.stream().map(RunType::name).toList()));
    }

    /** The URL fit for messages: user-info and password parameters starred. */
    public static String redact(String url) {
        return url.replaceAll("(?i)(?<=[?&;]password=)[^&;]*", "***").replaceAll("(?<=//)[^/@]*@", "***@");
    }

    /** Never the password. */
    @Override
    public String toString() {
        return "FileCatalogSettings[url=" + redact(url) + ", user=" + user.orElse("(default)") + ", password="
                + (password.isPresent() ? "***" : "(none)") + ", tagColumn=" + tagColumn + ", queryTimeout="
                + Durations.describe(queryTimeout) + ", loginTimeout=" + Durations.describe(loginTimeout)
                + ", includeFittingQa=" + includeFittingQa + ", runTypes=" + runTypes.stream().map(RunType::name).toList() + "]";
    }

    /** Builds {@link FileCatalogSettings}. */
    public static final class Builder {
        private final String url;
        private String user;
        private String password;
        private String tagColumn = "tag";
        private Duration queryTimeout = DEFAULT_QUERY_TIMEOUT;
        private Duration loginTimeout = DEFAULT_LOGIN_TIMEOUT;
        private boolean includeFittingQa;
        private List<RunType> runTypes = RunType.DEFAULTS;

        private Builder(String url) {
            this.url = Objects.requireNonNull(url, "url");
        }

        public Builder user(String user) {
            this.user = Objects.requireNonNull(user, "user");
            return this;
        }

        /** The password itself, e.g. from an environment variable. */
        public Builder password(String password) {
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /** The password from the first line of {@code file} (a CaloException naming it when it cannot be read). */
        public Builder passwordFile(Path file) {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                String first = text.lines().findFirst().orElse("");
                if (first.isEmpty()) {
                    throw new CaloException("password file " + file + " is empty: expected the password on its first line");
                }
                this.password = first;
                return this;
            } catch (IOException e) {
                throw new CaloException("cannot read the FileCatalog password file " + file + ": " + e, e);
            }
        }

        public Builder tagColumn(String tagColumn) {
            this.tagColumn = tagColumn;
            return this;
        }

        public Builder queryTimeout(Duration queryTimeout) {
            this.queryTimeout = queryTimeout;
            return this;
        }

        public Builder loginTimeout(Duration loginTimeout) {
            this.loginTimeout = loginTimeout;
            return this;
        }

        public Builder includeFittingQa(boolean includeFittingQa) {
            this.includeFittingQa = includeFittingQa;
            return this;
        }

        public Builder runTypes(List<RunType> runTypes) {
            this.runTypes = runTypes;
            return this;
        }

        public FileCatalogSettings build() {
            return new FileCatalogSettings(url, Optional.ofNullable(user), Optional.ofNullable(password), tagColumn,
                    queryTimeout, loginTimeout, includeFittingQa, runTypes);
        }
    }
}
