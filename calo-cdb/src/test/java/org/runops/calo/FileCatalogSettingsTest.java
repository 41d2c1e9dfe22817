package org.runops.calo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings: the libpq-style environment, validation, and no password in any text. */
class FileCatalogSettingsTest {
    @TempDir
    Path tmp;

    @Test
    void thePgEnvironmentAsLibpqWouldReadIt() {
        FileCatalogSettings s = FileCatalogSettings.fromEnvironment(Map.of("PGHOST", "db.sdcc.bnl.gov", "PGPORT", "5433",
                "PGUSER", "phnxrc", "PGPASSWORD", "s3cret")::get);
        assertThat(s.url()).isEqualTo("jdbc:postgresql://db.sdcc.bnl.gov:5433/FileCatalog");
        assertThat(s.user()).hasValue("phnxrc");
        assertThat(s.password()).hasValue("s3cret");
        assertThat(s.toString()).doesNotContain("s3cret").contains("password=***", "tagColumn=tag", "queryTimeout=1m");

        FileCatalogSettings defaults = FileCatalogSettings.fromEnvironment(Map.<String, String>of()::get);
        assertThat(defaults.url()).isEqualTo("jdbc:postgresql://localhost:5432/FileCatalog");
        assertThat(defaults.user()).isEmpty();
        assertThat(defaults.password()).isEmpty();
        assertThat(defaults.queryTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(defaults.runTypes()).isEqualTo(RunType.DEFAULTS);
        // a socket directory is this host (pgJDBC speaks TCP only)
        assertThat(FileCatalogSettings.fromEnvironment(Map.of("PGHOST", "/var/run/postgresql")::get).url())
                .isEqualTo("jdbc:postgresql://localhost:5432/FileCatalog");
        assertThatThrownBy(() -> FileCatalogSettings.fromEnvironment(Map.of("PGPORT", "54x")::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PGPORT").hasMessageContaining("54x");
        assertThatThrownBy(() -> FileCatalogSettings.fromEnvironment(Map.of("PGHOST", "h/FileCatalog?x=")::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PGHOST");
    }

    @Test
    void aPasswordFileNotTheCommandLine() throws IOException {
        Path file = Files.writeString(tmp.resolve("fc.pw"), "pa:ss word\nignored\n");
        assertThat(FileCatalogSettings.builder("jdbc:postgresql://h/FileCatalog").passwordFile(file).build().password()).hasValue("pa:ss word");
        Path empty = Files.writeString(tmp.resolve("empty.pw"), "");
        assertThatThrownBy(() -> FileCatalogSettings.builder("jdbc:postgresql://h/FileCatalog").passwordFile(empty))
                .isInstanceOf(CaloException.class).hasMessageContaining(empty.toString()).hasMessageContaining("empty");
        assertThatThrownBy(() -> FileCatalogSettings.builder("jdbc:postgresql://h/FileCatalog").passwordFile(tmp.resolve("none")))
                .isInstanceOf(CaloException.class).hasMessageContaining(tmp.resolve("none").toString());
        assertThatThrownBy(() -> FileCatalogSettings.builder("jdbc:postgresql://h/FileCatalog?user=u&password=pw").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("password=***").hasMessageNotContaining("=pw");
    }

    @Test
    void validation() {
        assertThatThrownBy(() -> FileCatalogSettings.builder("jdbc:mysql://h/FileCatalog").build()).hasMessageContaining("jdbc:postgresql:");
        assertThatThrownBy(() -> FileCatalogSettings.builder("jdbc:h2:mem:x").tagColumn("1tag").build()).hasMessageContaining("identifier");
        assertThatThrownBy(() -> FileCatalogSettings.builder("jdbc:h2:mem:x").tagColumn("tag'--").build()).hasMessageContaining("identifier");
        assertThatThrownBy(() -> FileCatalogSettings.builder("jdbc:h2:mem:x").queryTimeout(Duration.ofMillis(10)).build())
                .hasMessageContaining("query timeout must be 1 s");
        assertThatThrownBy(() -> FileCatalogSettings.builder("jdbc:h2:mem:x").queryTimeout(Duration.ofHours(2)).build())
                .hasMessageContaining("query timeout");
        assertThatThrownBy(() -> FileCatalogSettings.builder("jdbc:h2:mem:x").loginTimeout(Duration.ZERO).build())
                .hasMessageContaining("login timeout");
        RunType a = new RunType("run3auau", 1, 2);
        assertThatThrownBy(() -> FileCatalogSettings.builder("jdbc:h2:mem:x").runTypes(List.of(a, a)).build())
                .hasMessageContaining("distinct");
        FileCatalogSettings s = FileCatalogSettings.builder("jdbc:h2:mem:x").runTypes(List.of(a)).build();
        assertThat(s.runType("run3auau")).isEqualTo(a);
        assertThatThrownBy(() -> s.runType("run2pp")).hasMessageContaining("unknown run type 'run2pp'").hasMessageContaining("run3auau");
    }

    @Test
    void redaction() {
        assertThat(FileCatalogSettings.redact("jdbc:postgresql://u:pw@h:5432/FileCatalog?user=u&password=pw&ssl=true"))
                .isEqualTo("jdbc:postgresql://***@h:5432/FileCatalog?user=u&password=***&ssl=true");
        assertThat(FileCatalogSettings.redact("jdbc:h2:mem:x;PASSWORD=pw;MODE=PostgreSQL")).isEqualTo("jdbc:h2:mem:x;PASSWORD=***;MODE=PostgreSQL");
    }

    @Test
    void aPropertiesFile() throws IOException {
        Files.writeString(tmp.resolve("fc.pw"), "from-file\n");
        Path config = Files.writeString(tmp.resolve("fc.properties"), String.join("\n", "other.key=ignored",
                "filecatalog.url=jdbc:postgresql://fc.example:5432/FileCatalog", "filecatalog.user=phnxrc",
                "filecatalog.password.file=fc.pw", "filecatalog.tag.column=dataset", "filecatalog.query.timeout=90s",
                "filecatalog.login.timeout=5s", "filecatalog.fitting.qa=true"));
        FileCatalogSettings s = FileCatalogSettings.load(config, Map.<String, String>of()::get);
        assertThat(s).isEqualTo(FileCatalogSettings.builder("jdbc:postgresql://fc.example:5432/FileCatalog").user("phnxrc")
                .password("from-file").tagColumn("dataset").queryTimeout(Duration.ofSeconds(90)).loginTimeout(Duration.ofSeconds(5))
                .includeFittingQa(true).build());

        // without a URL: the PG* environment; the password from a named variable
        Path env = Files.writeString(tmp.resolve("env.properties"), "filecatalog.password.env=FC_PASSWORD\n");
        FileCatalogSettings e = FileCatalogSettings.load(env, Map.of("PGHOST", "dbhost", "PGUSER", "reader", "FC_PASSWORD", "pw")::get);
        assertThat(e.url()).isEqualTo("jdbc:postgresql://dbhost:5432/FileCatalog");
        assertThat(e.user()).hasValue("reader");
        assertThat(e.password()).hasValue("pw");
        assertThatThrownBy(() -> FileCatalogSettings.load(env, Map.<String, String>of()::get))
                .isInstanceOf(CaloException.class).hasMessageContaining("FC_PASSWORD, which is not set");

        Path typo = Files.writeString(tmp.resolve("typo.properties"), "filecatalog.tag.colum=dataset\n");
        assertThatThrownBy(() -> FileCatalogSettings.load(typo, Map.<String, String>of()::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown key filecatalog.tag.colum");
        Path bool = Files.writeString(tmp.resolve("bool.properties"), "filecatalog.fitting.qa=yes\n");
        assertThatThrownBy(() -> FileCatalogSettings.load(bool, Map.<String, String>of()::get)).hasMessageContaining("true or false");
        assertThatThrownBy(() -> FileCatalogSettings.load(tmp.resolve("absent.properties"), Map.<String, String>of()::get))
                .isInstanceOf(CaloException.class).hasMessageContaining("absent.properties");
    }
}
