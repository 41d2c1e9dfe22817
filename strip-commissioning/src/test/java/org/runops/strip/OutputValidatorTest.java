package org.runops.strip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.testing.FffRunDirectoryWriter;
import org.runops.testing.RootFileWriter.Damage;
import org.runops.testing.RootFileWriter;

class OutputValidatorTest {

    @TempDir
    Path tmp;

    private StorageArea storage;
    private OutputValidator validator;
    private final List<AnalysisRow> complete = List.of(new AnalysisRow(12L, 1L, 1L, "PEDESTALS", "TI_27-JAN-2010_2"));

    @BeforeEach
    void setUp() throws IOException {
        storage = new StorageArea(Files.createDirectories(tmp.resolve("fff")), Files.createDirectories(tmp.resolve("Data")));
        validator = new OutputValidator(storage);
    }

    private void outputs(long run, String... names) throws IOException {
        Path dir = Files.createDirectories(storage.outputDirectory(run));
        for (String n : names) {
            Files.write(dir.resolve(n), new byte[] {1});
        }
    }

    @Test
    void aCompleteRunPassesEveryCheck() throws IOException {
        FffRunDirectoryWriter.create(tmp.resolve("fff"), 338999).lumiSection(1, 1000, 500).lumiSection(2, 250).write();
        RootFileWriter.create().tree("Events", 1750).write(storage.edmFile(338999));
        outputs(338999, "SiStripCommissioningClient_00338999.root", "SiStripCommissioningSource_00338999_010.176.028.104_01234.root");
        Validation v = validator.validate(338999, Optional.empty(), complete);
        assertThat(v).extracting(Validation::hasEdm, Validation::hasComm, Validation::dbValid).containsExactly(true, true, true);
        assertThat(v.edmDetail()).startsWith("MATCH");
    }

    @Test
    void eachCheckFailsForItsOwnReason() throws IOException {
        FffRunDirectoryWriter.create(tmp.resolve("fff"), 338999).lumiSection(1, 1000).write();
        RootFileWriter.create().tree("Events", 1000).damage(Damage.NEVER_CLOSED).write(storage.edmFile(338999));
        outputs(338999, "SiStripCommissioningClient_00338999.root", "SiStripCommissioningSource_00338990.root");
        Validation v = validator.validate(338999, Optional.empty(), List.of(new AnalysisRow(12L, null, 1L, "PEDESTALS", "TI_x")));
        assertThat(v.hasEdm()).isFalse();
        assertThat(v.edmDetail()).startsWith("OUTPUT_RECOVERED");
        assertThat(v.hasComm()).as("the source file is another run's").isFalse();
        assertThat(v.dbValid()).as("a NULL version ID is not a complete ANALYSIS row").isFalse();
    }

    @Test
    void scopeRunsCheckThePartitionsOwnFilesAndRow() throws IOException {
        FffRunDirectoryWriter.create(tmp.resolve("fff"), 339001).lumiSection(1, 10).write();
        RootFileWriter.create().tree("Events", 10).write(storage.edmFile(339001));
        outputs(339001, "SiStripCommissioningClient_TI_27-JAN-2010_2_00339001.root",
                "SiStripCommissioningSource_TI_27-JAN-2010_2_00339001_010.176.028.104_01234.root");
        List<AnalysisRow> rows = List.of(new AnalysisRow(20L, 1L, 0L, "DAQ_SCOPE_MODE", "TM_09-JUN-2009_1"),
                new AnalysisRow(19L, 1L, 0L, "DAQ_SCOPE_MODE", "TI_27-JAN-2010_2"));
        Validation ti = validator.validate(339001, Optional.of("TI_27-JAN-2010_2"), rows);
        assertThat(ti.hasComm()).isTrue();
        assertThat(ti.dbValid()).isTrue();
        Validation to = validator.validate(339001, Optional.of("TO_30-JUN-2009_1"), rows);
        assertThat(to.hasComm()).isFalse();
        assertThat(to.dbValid()).isFalse();
    }

    @Test
    void anOutputFolderThatCannotBeListedIsAnErrorNotMissingFiles() throws IOException {
        FffRunDirectoryWriter.create(tmp.resolve("fff"), 338999).lumiSection(1, 10).write();
        RootFileWriter.create().tree("Events", 10).write(storage.edmFile(338999));
        Files.writeString(storage.outputDirectory(338999), "not a folder"); // listing it fails with ENOTDIR, not "absent"
        assertThatThrownBy(() -> validator.validate(338999, Optional.empty(), complete))
                .isInstanceOf(java.io.UncheckedIOException.class).hasMessageContaining("cannot list " + storage.outputDirectory(338999));
        Files.delete(storage.outputDirectory(338999));
        assertThat(validator.validate(338999, Optional.empty(), complete).hasComm()).as("a folder that is not there: no files").isFalse();
    }

    @Test
    void lockFilesOfBothNames() throws IOException {
        Files.writeString(tmp.resolve("Data/lock_TI_27-JAN-2010_2_338999.txt"), "Running analysis script ...");
        Files.writeString(tmp.resolve("Data/lock_TM_09-JUN-2009_1_338999"), "");
        assertThat(storage.locks(338999, List.of("TI_27-JAN-2010_2", "TM_09-JUN-2009_1", "TO_30-JUN-2009_1")))
                .extracting(p -> p.getFileName().toString())
                .containsExactly("lock_TI_27-JAN-2010_2_338999.txt", "lock_TM_09-JUN-2009_1_338999");
        assertThat(storage.locks(338998, List.of("TI_27-JAN-2010_2"))).isEmpty();
    }
}
