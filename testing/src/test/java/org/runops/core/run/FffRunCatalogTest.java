package org.runops.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.testing.FffRunDirectoryWriter;
import org.runops.testing.SharedData;

class FffRunCatalogTest {
    @TempDir
    Path root;

    @Test
    void runFoldersWithTheirEventsStateAndEndOfRunTime() throws IOException {
        Path closed = FffRunDirectoryWriter.create(root, 338999).lumiSection(1, 1000, 500).lumiSection(2, 250).write();
        Instant stopped = Instant.parse("2024-05-01T12:00:00Z");
        Files.setLastModifiedTime(closed.resolve("run338999_ls0000_EoR.jsn"), FileTime.from(stopped));
        FffRunDirectoryWriter.create(root, 339000).write(); // zero events
        FffRunDirectoryWriter.create(root, 339001).lumiSection(1, 10).endOfRun(false).openDirectory(true).write();
        FffRunDirectoryWriter.create(root, 339002).lumiSection(1, 10).emptyEndOfRun().write();
        FffRunDirectoryWriter.create(root, 339003).lumiSection(1, 10).endOfRun(false).write();

        FffRunCatalog catalog = RunCatalog.fff(root);
        List<RunRecord> runs = catalog.runs(1, Long.MAX_VALUE);
        assertThat(runs).extracting(RunRecord::run).containsExactly(338999L, 339000L, 339001L, 339002L, 339003L);
        RunRecord r = runs.get(0);
        assertThat(r.attributes()).containsOnlyKeys("directory", "state", "events");
        assertThat(r.attribute("directory")).hasValue(closed.toString());
        assertThat(r.attribute("state")).hasValue("closed");
        assertThat(r.events()).hasValue(1750);
        assertThat(r.end()).isEqualTo(stopped);
        assertThat(r.start()).isNull();
        assertThat(runs.get(1).events()).hasValue(0);
        assertThat(runs.get(2).attribute("state")).hasValue("open");
        assertThat(runs.get(2).end()).isNull();
        assertThat(runs.get(3).attribute("state")).as("an empty EoR closes the run").hasValue("closed");
        assertThat(runs.get(3).end()).as("but its time is the cleanup's, not the run's end").isNull();
        assertThat(runs.get(3).events()).hasValue(10); // index files instead
        assertThat(runs.get(4).attribute("state")).hasValue("unknown");
        assertThat(catalog.runs(339000, 339001)).extracting(RunRecord::run).containsExactly(339000L, 339001L);
        assertThat(catalog.run(339002)).isPresent();
        assertThat(catalog.run(4)).isEmpty();
    }

    @Test
    void anEndOfRunFileWithMoreZerosIsTheOneTheDaqScanFound() throws IOException {
        Path dir = FffRunDirectoryWriter.create(root, 338999).lumiSection(1, 10).write();
        Instant stopped = Instant.parse("2024-05-01T12:00:00Z");
        Path eor = Files.move(dir.resolve("run338999_ls0000_EoR.jsn"), dir.resolve("run338999_ls00000_EoR.jsn"));
        Files.setLastModifiedTime(eor, FileTime.from(stopped));
        RunRecord r = RunCatalog.fff(root).run(338999).orElseThrow();
        assertThat(r.attribute("state")).hasValue("closed");
        assertThat(r.end()).as("the time of the EoR file the scan read, not of a name made again").isEqualTo(stopped);
    }

    /** Moved from StorageArea.list: which entries count as runs, and the ones that do not. */
    @Test
    void onlyRunDigitsFoldersAreRunsInAscendingOrder() throws IOException {
        Files.createDirectories(root.resolve("run338999"));
        Files.createDirectories(root.resolve("run1000000"));
        Files.createDirectories(root.resolve("run000042"));
        Files.createDirectories(root.resolve("runX"));
        Files.createDirectories(root.resolve("lost+found"));
        Files.createDirectories(root.resolve("run000000"));
        Files.writeString(root.resolve("run339000"), "a file, not a directory");
        FffRunCatalog catalog = RunCatalog.fff(root);
        FffRunCatalog.Listing listing = catalog.list();
        assertThat(listing.runs()).containsOnlyKeys(42L, 338999L, 1000000L);
        assertThat(listing.ignored()).containsExactlyInAnyOrder("runX", "lost+found", "run339000", "run000000");
        assertThat(catalog.runNumbers(1, Long.MAX_VALUE)).containsExactly(42L, 338999L, 1000000L);
        assertThat(catalog.runNumbers(43, 999999)).containsExactly(338999L);
    }

    @Test
    void anUnreadableRootIsACatalogExceptionNamingIt() {
        Path missing = root.resolve("no-such-fff");
        assertThatThrownBy(() -> RunCatalog.fff(missing).runs(1, 10)).isInstanceOf(CatalogException.class)
                .hasMessageContaining(missing.toString());
        assertThatThrownBy(() -> RunCatalog.fff(root).runs(10, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSharedStorageRoot() {
        Path fff = SharedData.require("strip/fff");
        FffRunCatalog catalog = RunCatalog.fff(fff);
        assertThat(catalog.list().ignored()).containsExactly("variants");
        List<RunRecord> runs = catalog.runs(1, Long.MAX_VALUE);
        assertThat(runs).extracting(RunRecord::run).containsExactly(338999L, 339000L);
        assertThat(runs.get(0).events()).hasValue(1750); // EoR NEvents = 1000 + 500 + 250
        assertThat(runs.get(0).attribute("state")).hasValue("closed");
        assertThat(runs.get(1).events()).hasValue(0);
    }
}
