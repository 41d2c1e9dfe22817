package org.runops.strip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StripSettingsTest {

    @TempDir
    Path tmp;

    @Test
    void propertiesOverrideTheOriginalsDefaults() throws Exception {
        Path file = Files.writeString(tmp.resolve("strip.properties"), String.join("\n",
                "host=srv-s2b17-29-01", "storage.root=" + tmp.resolve("fff"), "ledger.dir=" + tmp.resolve("ledgers"),
                "partitions=TI, TM", "modes=default,calibration", "end.delay=90m", "analysis.timeout=PT3H", "delete.raw=true",
                "db.url=jdbc:h2:mem:settings;MODE=Oracle", "db.user=cms_trk_r", "db.password.file=" + tmp.resolve("pw")));
        Files.writeString(tmp.resolve("pw"), "from-file\n");
        StripSettings s = StripSettings.load(file, Map.of());
        assertThat(s.config().host()).isEqualTo("srv-s2b17-29-01");
        assertThat(s.config().partitions()).containsExactlyInAnyOrder(Partition.TI, Partition.TM);
        assertThat(s.config().analysedModes()).hasSize(16).contains(RunMode.CALIBRATION_DECO);
        assertThat(s.config().endDelay()).isEqualTo(Duration.ofMinutes(90));
        assertThat(s.config().analysisTimeout()).isEqualTo(Duration.ofHours(3));
        assertThat(s.config().deleteRaw()).isTrue();
        assertThat(s.config().frequency()).isEqualTo(Duration.ofHours(1));
        assertThat(s.dataSource().unwrap(org.h2.jdbcx.JdbcDataSource.class).getPassword()).isEqualTo("from-file");
        assertThat(StripSettings.load(file, Map.of(StripSettings.PASSWORD_VARIABLE, "from-env")).dataSource())
                .satisfies(d -> assertThat(d.unwrap(org.h2.jdbcx.JdbcDataSource.class).getPassword()).isEqualTo("from-env"));
        assertThat(s.describe()).doesNotContain("from-file");
    }

    @Test
    void oneFileForTwoHostsAndCommandLineOverrides() throws IOException {
        Path file = Files.writeString(tmp.resolve("shared.properties"), String.join("\n", "ledger.dir=" + tmp,
                "partitions.srv-s2b17-29-01=TI,TM", "partitions.srv-s2b17-30-01=TO,TP", "end.delay=2h"));
        StripSettings first = StripSettings.load(file, Map.of("host", "srv-s2b17-29-01"), Map.of());
        StripSettings second = StripSettings.load(file, Map.of("host", "srv-s2b17-30-01", "end.delay", "30m"), Map.of());
        assertThat(first.config().partitions()).containsExactlyInAnyOrder(Partition.TI, Partition.TM);
        assertThat(second.config().partitions()).containsExactlyInAnyOrder(Partition.TO, Partition.TP);
        assertThat(second.config().endDelay()).isEqualTo(Duration.ofMinutes(30));
        assertThatThrownBy(() -> StripSettings.load(file, Map.of("db.password", "x"), Map.of()))
                .hasMessageContaining("never taken from the command line");
    }

    @Test
    void withoutADatabaseUrlTheEmbeddedDatabaseIsUsed() {
        Path file = tmp.resolve("none.properties");
        StripSettings s = StripSettings.load(null, Map.of());
        assertThat(s.config().storageRoot()).isEqualTo(Path.of("/raid/fff"));
        assertThat(s.config().deleteRaw()).as("never deletes unless asked").isFalse();
        assertThat(file).doesNotExist();
    }

    @Test
    void partitionsAndModesPrintInDeclarationOrderOnEveryStart() throws IOException {
        // Set.copyOf iterated in an order salted per JVM: the status line changed from one start to the next.
        Path file = Files.writeString(tmp.resolve("order.properties"), "ledger.dir=" + tmp + "\npartitions=TP,TO,TM,TI\n");
        StripSettings s = StripSettings.load(file, Map.of());
        assertThat(s.describe()).contains("partitions [TI, TM, TO, TP]");
        assertThat(List.copyOf(s.config().analysedModes())).isSortedAccordingTo(Comparator.naturalOrder());
    }

    @Test
    @org.junit.jupiter.api.Timeout(10)
    void aSettingsFileThatIsNotARegularFileIsNamed() {
        Path fifo = org.runops.testing.Fifos.create(tmp.resolve("fifo.properties"));
        assertThatThrownBy(() -> StripSettings.load(fifo, Map.of())).isInstanceOf(StripConfigException.class)
                .hasMessageContaining("fifo.properties").hasMessageContaining("FIFO");
    }

    @Test
    void badValuesNameTheKeyAndTheFile() throws IOException {
        Path file = Files.writeString(tmp.resolve("bad.properties"), "ledger.dir=" + tmp + "\nend.delay=soon\n");
        assertThatThrownBy(() -> StripSettings.load(file, Map.of())).isInstanceOf(StripConfigException.class)
                .hasMessageContaining("bad.properties").hasMessageContaining("end.delay=soon");
        Path modes = Files.writeString(tmp.resolve("modes.properties"), "ledger.dir=" + tmp + "\nmodes=2,9\n");
        assertThatThrownBy(() -> StripSettings.load(modes, Map.of())).isInstanceOf(StripConfigException.class)
                .hasMessageContaining("unknown RUNMODE 9");
        Path zero = Files.writeString(tmp.resolve("zero.properties"), "ledger.dir=" + tmp + "\nfrequency=0s\n");
        assertThatThrownBy(() -> StripSettings.load(zero, Map.of())).isInstanceOf(StripConfigException.class)
                .hasMessageContaining("zero.properties").hasMessageContaining("frequency");
    }
}
