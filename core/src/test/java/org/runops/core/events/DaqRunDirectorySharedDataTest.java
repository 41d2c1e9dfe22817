package org.runops.core.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.runops.core.SharedData;

/** The real and reconstructed DAQ samples in {@code shared/data/strip} (skipped when absent). */
class DaqRunDirectorySharedDataTest {

    @Test
    void runWithThreeIndexFilesCountsFromEndOfRun() {
        Path run = SharedData.require("strip/fff/run338999");
        DaqRunSummary s = DaqRunDirectory.scan(run);
        assertThat(s.endOfRunEvents()).hasValue(1750);
        assertThat(s.indexEvents()).isEqualTo(1750);
        assertThat(s.indexFiles()).isEqualTo(3);
        assertThat(s.problems()).isEmpty();
        assertThat(s.runNumber()).hasValue(338999);
        EventCount c = s.toEventCount();
        assertThat(c.status()).isEqualTo(CountStatus.OK);
        assertThat(c.events()).hasValue(1750);
        assertThat(s.isZeroEventRun()).isFalse();
    }

    @Test
    void zeroEventRunIsRecognised() {
        DaqRunSummary s = DaqRunDirectory.scan(SharedData.require("strip/fff/run339000"));
        assertThat(s.isZeroEventRun()).isTrue();
        assertThat(s.expectedEvents()).hasValue(0);
        assertThat(s.problems()).isEmpty();
    }

    @Test
    void definitionsWrittenWithTheBuPathAreFoundInTheRunDirectory() {
        Path run = SharedData.require("strip/fff/run338999");
        assertThat(JsdDefinition.locate(run, "/raid/fff/run338999/jsd/EoR.jsd")).hasValue(run.resolve("jsd/EoR.jsd").normalize());
        JsdDefinition eols = JsdDefinition.read(run.resolve("jsd/EoLS.jsd"));
        assertThat(eols.names()).containsExactly("NEvents", "NFiles", "TotalEvents", "NLostEvents", "NBytes");
    }

    @Test
    void cmsswBudefUsesTheDataLabel() {
        JsdDefinition budef = JsdDefinition.read(SharedData.require("strip/cmssw/budef.jsd"));
        assertThat(budef.names()).containsExactly("NEvents", "NBytes");
    }

    @Test
    void variants() {
        DataPointFile fakeBu = DataPointFile.read(SharedData.require("strip/fff/variants/cmssw_fakebu_run000001_ls0001_index000000.jsn"));
        assertThat(fakeBu.longAt(0, "NEvents")).isEqualTo(1000);
        assertThat(fakeBu.source()).isEqualTo("buhost_12345");
        DataPointFile old = DataPointFile.read(SharedData.require("strip/fff/variants/old2013_EoR_1380000000.jsn"));
        assertThat(old.data()).containsExactly("1750", "3", "2");

        DataPointFile na = DataPointFile.read(SharedData.require("strip/fff/variants/na_value.jsn"));
        assertThatThrownBy(() -> na.longAt(0, "NEvents")).isInstanceOf(JsnFormatException.class)
                .hasMessageContaining("na_value.jsn").hasMessageContaining("\"N/A\"");
        assertThatThrownBy(() -> DataPointFile.read(SharedData.require("strip/fff/variants/truncated_index.jsn")))
                .isInstanceOf(JsnFormatException.class).hasMessageContaining("truncated_index.jsn");
        assertThatThrownBy(() -> DataPointFile.read(SharedData.require("strip/fff/variants/run338998_ls0000_EoR.jsn")))
                .isInstanceOf(JsnFormatException.class).hasMessageContaining("empty file");
    }
}
