package org.runops.datalogger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.testing.SharedData;

class ParamListTest {
    @TempDir
    Path dir;

    @Test
    void theRealWorkflowListHas47DevicesOnMLrn() {
        ParamList list = ParamList.read(SharedData.require("datalogger/workflow/ParamList.txt"));
        assertThat(list.devices()).hasSize(47);
        assertThat(list.problems()).isEmpty();
        assertThat(list.devices()).extracting(d -> d.node().name()).containsOnly("MLrn");
        assertThat(list.devices().get(0)).isEqualTo(DeviceRequest.of("MLrn", "B:VIMIN"));
        assertThat(list.devices().get(46)).isEqualTo(DeviceRequest.of("MLrn", "B|GMPSSC"));
    }

    @Test
    void theMsdRefillsListKeepsItsOwnNode() {
        ParamList list = ParamList.read(SharedData.require("datalogger/workflow/MSD_Refills_ParamList.txt"));
        assertThat(list.devices()).containsExactly(DeviceRequest.of("NuMI2", "E:DURL01"));
        assertThat(list.withNode(LoggerNode.MLRN).devices()).containsExactly(DeviceRequest.of("MLrn", "E:DURL01"));
    }

    @Test
    void badLinesAreReportedWithTheirNumberAndSkipped() throws IOException {
        Path f = Files.writeString(dir.resolve("list.txt"),
                "MLrn B:VIMIN   \n\n  MLrn\tB|GMPSSC\nB:VIMAX\nMLrn B:X extra\nMLrn notadevice\nNuMI2 E:DURL01\n");
        ParamList list = ParamList.read(f);
        assertThat(list.devices()).extracting(DeviceRequest::toString).containsExactly("MLrn B:VIMIN", "MLrn B|GMPSSC", "NuMI2 E:DURL01");
        assertThat(list.problems()).extracting(ParamList.Problem::line).containsExactly(4, 5, 6);
        assertThat(list.problems().get(0).toString()).isEqualTo("line 4: \"B:VIMAX\": expected 2 tokens NODE DEVICE, found 1");
        assertThat(list.problems().get(2).reason()).contains("not an ACNET device name");
        assertThat(list.first(2).devices()).hasSize(2);
        assertThat(list.first(10).devices()).hasSize(3);
    }

    @Test
    void theExportersModeTakesDeviceOnlyLinesOnTheGivenNodeAndSkipsTheRestAsGrabDoes() throws IOException {
        Path f = Files.writeString(dir.resolve("list.txt"), "MLrn B:VIMIN\nB:VIMAX \nMLrn B:X extra\nNuMI2 E:DURL01\n");
        ParamList list = ParamList.readAllowingDeviceOnlyLines(f, LoggerNode.MLRN);
        assertThat(list.devices()).extracting(DeviceRequest::toString).containsExactly("MLrn B:VIMIN", "MLrn B:VIMAX", "NuMI2 E:DURL01");
        assertThat(list.problems()).extracting(ParamList.Problem::line).containsExactly(3);
        // the grabbers still skip the device-only line
        assertThat(ParamList.read(f).problems()).extracting(ParamList.Problem::line).containsExactly(2, 3);
    }

    @Test
    void aMissingFileIsAClearError() {
        Path missing = dir.resolve("ParamList.txt");
        assertThatThrownBy(() -> ParamList.read(missing)).isInstanceOf(DataLoggerException.class)
                .hasMessageContaining("cannot read parameter list " + missing);
    }
}
