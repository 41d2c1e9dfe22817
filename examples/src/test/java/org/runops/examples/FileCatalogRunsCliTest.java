package org.runops.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.runops.examples.Launcher.runops;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.calo.internal.DemoFileCatalog;
import org.runops.calo.internal.FileCatalogTables;

/** {@code runops runs list --catalog filecatalog...}: the demo catalogue, a configured H2 and PostgreSQL catalogue, a dead one. */
class FileCatalogRunsCliTest {
    @TempDir
    Path tmp;

    @Test
    void helpExplainsTheFileCatalog() {
        Launcher.Run r = runops("runs", "list", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("filecatalog[:CONFIG|:demo]", "PGHOST", "filecatalog.password.file", "filecatalog:demo", "--tag-policy",
                "CAMPAIGN_START");
    }

    @Test
    void theDemoCatalogueUnderBothPolicies() {
        Launcher.Run r = runops("runs", "list", "--catalog", "filecatalog:demo", "--from", "68000", "--to", "68010", "--format", "csv");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines().toList()).containsExactly("run_number,start_time,end_time,run_type,tag,files,events",
                "68001,,,run3auau,new_newcdbtag_v008,3,900000",
                "68002,,,run3auau,new_newcdbtag_v008,4,1200000",
                "68003,,,run3auau,new_newcdbtag_v008,3,900000",
                "68004,,,run3auau,new_newcdbtag_v008,3,900000",
                "68005,,,run3auau,new_newcdbtag_v008,3,900000",
                "68006,,,run3auau,new_newcdbtag_v007,2,500000",
                "68007,,,run3auau,new_newcdbtag_v007,2,600000",
                "68008,,,run3auau,new_newcdbtag_v007,2,2000");
        // a tag's campaign start is its first file in the range asked (the pandas rule): over the whole demo range the
        // new tag started later and wins 68007; asked for 68007 alone, the old tag's files there are the later ones
        Launcher.Run campaign = runops("runs", "list", "--catalog", "filecatalog:demo", "--tag-policy", "CAMPAIGN_START",
                "--from", "68001", "--to", "68008");
        assertThat(campaign.exitCode()).as(campaign.err()).isZero();
        assertThat(campaign.out().lines().filter(l -> l.startsWith("     68007")).toList()).singleElement()
                .satisfies(l -> assertThat(l).contains("new_newcdbtag_v008"));
        Launcher.Run alone = runops("runs", "list", "--catalog", "filecatalog:demo", "--tag-policy", "CAMPAIGN_START",
                "--from", "68007", "--to", "68007");
        assertThat(alone.out().lines().toList().get(1)).startsWith("     68007").contains("new_newcdbtag_v007");
    }

    private static void seed(Connection c) throws SQLException {
        Instant t = Instant.parse("2025-07-01T00:00:00Z");
        FileCatalogTables.on(c).createTables()
                .file("HIST_CALOQA_run3auau_v1-00070000-00000.root", "gpfs", "/gpfs/a0.root", t, 10)
                .dataset("HIST_CALOQA_run3auau_v1-00070000-00000.root", 70000, 0, "run3auau", "HIST_CALOQA", null, "v1")
                .dataset("DST_CALO_run3auau_v1-00070000-00000.root", 70000, 0, "run3auau", "DST_CALO", 4242L, "v1")
                .file("HIST_CALOQA_run2pp_v1-00050000-00000.root", "lustre", "/lustre/b0.root", t, 10)
                .dataset("HIST_CALOQA_run2pp_v1-00050000-00000.root", 50000, 0, "run2pp", "HIST_CALOQA", null, "v1");
    }

    @Test
    void aCatalogueNamedInAPropertiesFile() throws IOException, SQLException {
        String url = "jdbc:h2:file:" + tmp.resolve("fc") + DemoFileCatalog.H2_POSTGRESQL_MODE;
        try (Connection c = DriverManager.getConnection(url)) {
            seed(c);
        }
        Path config = Files.writeString(tmp.resolve("fc.properties"), "filecatalog.url=" + url + "\nfilecatalog.query.timeout=30s\n");
        Launcher.Run r = runops("runs", "list", "--catalog", "filecatalog:" + config, "--from", "1", "--to", "99999999", "--format", "csv");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines().toList()).containsExactly("run_number,start_time,end_time,run_type,tag,files,events",
                "50000,,,run2pp,v1,1,", "70000,,,run3auau,v1,1,4242");
    }

    @Test
    void theRealPostgreSql() throws IOException, SQLException {
        String base = System.getenv("RUNOPS_TEST_PG_URL");
        assumeTrue(base != null && !base.isBlank(), "RUNOPS_TEST_PG_URL is not set: no PostgreSQL");
        String schema = "runops_cli_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(base); Statement s = admin.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
            try {
                String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
                try (Connection c = DriverManager.getConnection(url)) {
                    seed(c);
                }
                Path config = Files.writeString(tmp.resolve("pg.properties"), "filecatalog.url=" + url + "\n");
                Launcher.Run r = runops("runs", "list", "--catalog", "filecatalog:" + config, "--from", "69000", "--to", "71000",
                        "--format", "json");
                assertThat(r.exitCode()).as(r.err()).isZero();
                assertThat(r.out()).contains("\"run_number\" : 70000", "\"tag\" : \"v1\"", "\"files\" : \"1\"", "\"events\" : \"4242\"",
                        "\"run_type\" : \"run3auau\"").doesNotContain("50000");
            } finally {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @Test
    void aCatalogueThatIsDownFailsTheCommandNamingIt() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path config = Files.writeString(tmp.resolve("down.properties"), "filecatalog.url=jdbc:postgresql://127.0.0.1:" + port
                + "/FileCatalog\nfilecatalog.login.timeout=2s\n");
        Launcher.Run r = runops("runs", "list", "--catalog", "filecatalog:" + config, "--from", "1", "--to", "2");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--catalog filecatalog:" + config, "FileCatalog jdbc:postgresql://127.0.0.1:" + port + "/FileCatalog",
                "cannot read the HIST_CALOQA files of listed runs 1..2", "SQL state 08001");
        Path typo = Files.writeString(tmp.resolve("typo.properties"), "filecatalog.urll=x\n");
        assertThat(runops("runs", "list", "--catalog", "filecatalog:" + typo, "--from", "1", "--to", "2").err())
                .contains("unknown key filecatalog.urll");
    }
}
