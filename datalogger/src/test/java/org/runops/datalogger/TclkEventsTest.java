package org.runops.datalogger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.testing.SharedData;

class TclkEventsTest {
    @TempDir
    Path dir;

    @Test
    void theWorkflowListReadsWithTabsTrailingBlanksAndQuotes() {
        TclkEvents events = TclkEvents.read(SharedData.require("datalogger/workflow/TCLK_Events.txt"));

        assertThat(events.all()).hasSize(46);
        assertThat(events.get(0x0C)).contains(new TclkEvents.Event(0x0C, "CLK", "15 Hz; synchronized to GMPS BMIN Delayed"));
        assertThat(events.get(0x00).orElseThrow().description()).isEqualTo("Super Cycle and Master Clock Reset Marks start of supercycle");
        assertThat(events.get(0x93).orElseThrow().description()).isEqualTo("Muon Reset #1 for 8 GeV Protons from RR to Muon Target");
        assertThat(events.get(0x8E).orElseThrow().machine()).isEqualTo("MUON/MI");
        assertThat(events.get(0x01)).isEmpty();
    }

    @Test
    void badLinesAndDuplicatesNameFileAndLine() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.txt"), "$00,CLK Reset\n\n0C,CLK 15 Hz\n");
        assertThatThrownBy(() -> TclkEvents.read(bad)).isInstanceOf(DataLoggerException.class)
                .hasMessageContaining(bad.toString()).hasMessageContaining("line 3").hasMessageContaining("\"0C,CLK 15 Hz\"");
        Path twice = Files.writeString(dir.resolve("twice.txt"), "$0c,CLK a\n$0C,CLK b\n");
        assertThatThrownBy(() -> TclkEvents.read(twice)).isInstanceOf(DataLoggerException.class)
                .hasMessageContaining("line 2").hasMessageContaining("twice");
        assertThatThrownBy(() -> TclkEvents.read(dir.resolve("absent.txt"))).isInstanceOf(DataLoggerException.class)
                .hasMessageContaining("absent.txt");
    }
}
