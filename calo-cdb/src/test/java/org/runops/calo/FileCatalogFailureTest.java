package org.runops.calo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A catalogue that cannot answer: a CaloException naming it (URL without password) and the SQL state,
 * within the timeouts. Real sockets on loopback; the {@code @Timeout}s only stop a hang, they time nothing.
 */
class FileCatalogFailureTest {
    private static final CatalogQuery QUERY = new CatalogQuery(RunType.named("run3auau"), TagSelectionPolicy.RUN_LATEST_FILE, OptionalLong.empty());

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aClosedPortIsAClearErrorNamingTheCatalogueWithoutThePassword() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        FileCatalogSettings settings = FileCatalogSettings.builder("jdbc:postgresql://127.0.0.1:" + port + "/FileCatalog")
                .user("phnxrc").password("s3cret").loginTimeout(Duration.ofSeconds(2)).build();
        try (FileCatalog fc = FileCatalog.jdbc(settings)) {
            assertThat(fc.describe()).isEqualTo("FileCatalog jdbc:postgresql://127.0.0.1:" + port + "/FileCatalog as phnxrc (tag column tag)");
            assertThatThrownBy(() -> fc.winningFiles(QUERY)).isInstanceOf(CaloException.class)
                    .hasMessageStartingWith("FileCatalog jdbc:postgresql://127.0.0.1:" + port + "/FileCatalog: cannot read the HIST_CALOQA files of run3auau runs 66457..78954")
                    .hasMessageContaining("SQL state 08001")
                    .hasMessageNotContaining("s3cret");
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aServerThatAcceptsAndNeverAnswersFailsAfterTheLoginTimeout() throws Exception {
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept()); // hold the connection open, never answer
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            }, "silent-postgres");
            acceptor.setDaemon(true);
            acceptor.start();
            FileCatalogSettings settings = FileCatalogSettings.builder("jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/FileCatalog")
                    .loginTimeout(Duration.ofSeconds(1)).queryTimeout(Duration.ofSeconds(1)).build();
            try (FileCatalog fc = FileCatalog.jdbc(settings)) {
                assertThatThrownBy(() -> fc.winningFiles(QUERY)).isInstanceOf(CaloException.class)
                        .hasMessageContaining("127.0.0.1:" + silent.getLocalPort())
                        .hasMessageContaining("timed out").hasMessageContaining("SQL state 08");
            }
        } finally {
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    @Test
    void anUnknownHostIsAnErrorToo() {
        FileCatalogSettings settings = FileCatalogSettings.builder("jdbc:postgresql://no-such-host.invalid:5432/FileCatalog")
                .loginTimeout(Duration.ofSeconds(2)).build();
        try (FileCatalog fc = FileCatalog.jdbc(settings)) {
            assertThatThrownBy(() -> fc.winningFiles(QUERY)).isInstanceOf(CaloException.class)
                    .hasMessageContaining("no-such-host.invalid").hasMessageContaining("SQL state 08");
        }
    }
}
