package org.runops.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Inputs written from code, not read from {@code ../shared}, for the CLI tests and the archive training ({@link CdsTraining}). */
final class GeneratedInputs {
    private GeneratedInputs() {}

    /** A reference-run history: Cosmics prompt runs 100..119 use 90, then 120..139 use 95; express collision runs use 50. */
    static Path refrunHistory(Path file) throws IOException {
        StringBuilder json = new StringBuilder("[");
        for (int run = 100; run < 140; run++) {
            json.append(String.format(Locale.ROOT, "{\"run_number\": %d, \"run_reconstruction_type\": \"prompt\", \"reference_run_number\": %d,"
                    + " \"reference_run_reconstruction_type\": \"prompt\", \"dataset\": \"/PromptReco/Cosmics23/DQM\"},", run, run < 120 ? 90 : 95));
            json.append(String.format(Locale.ROOT, "{\"run_number\": %d, \"run_reconstruction_type\": \"express\", \"reference_run_number\": 50,"
                    + " \"reference_run_reconstruction_type\": \"express\", \"dataset\": \"/Express/Collisions2023/DQM\"},", run));
        }
        json.setLength(json.length() - 1);
        return Files.writeString(file, json.append(']'));
    }

    /**
     * An OMS {@code runs} row for {@code run} with every attribute type of the real 2024 rows (numbers, strings, booleans,
     * lists, nulls, unit metadata, relationships), serialised.
     */
    static byte[] omsRun(long run) {
        String self = "https://cmsoms.cern.ch/agg/api/v1/runs/" + run;
        return String.format(Locale.ROOT, "{\"id\":\"%d\",\"type\":\"runs\",\"attributes\":{\"run_number\":%d,\"fill_number\":%d,"
                + "\"components\":[\"TRACKER\",\"PIXEL\",\"ECAL\"],\"components_out\":[],\"b_field\":3.8,\"energy\":6800.0,"
                + "\"init_lumi\":%.3f,\"end_lumi\":null,\"delivered_lumi\":%.4f,\"recorded_lumi\":%.4f,\"tier0_transfer\":true,"
                + "\"stable_beam\":%b,\"duration\":%d,\"sequence\":\"GLOBAL-RUN\",\"hlt_key\":\"/cdaq/physics/Run2024/2e34/v1.0.%d/HLT/V2\","
                + "\"l1_key\":\"l1_trg_collisions2024/v%d\",\"crossing_angle_stop\":null,\"cmssw_version\":\"CMSSW_14_0_%d\","
                + "\"start_time\":\"2024-03-01T10:00:00Z\",\"end_time\":\"2024-03-01T11:%02d:00Z\",\"era\":\"Run2024B\"},"
                + "\"relationships\":{\"runkeys\":{\"links\":{\"self\":\"%s/relationships/runkeys\",\"related\":\"%s/runkeys\"}}},"
                + "\"links\":{\"self\":\"%s\"},\"meta\":{\"row\":{\"init_lumi\":{\"units\":\"10^{33}cm^{-2}s^{-1}\"},"
                + "\"delivered_lumi\":{\"units\":\"pb^{-1}\"},\"recorded_lumi\":{\"units\":\"pb^{-1}\"}}}}",
                run, run, 9000 + run / 20, (run % 97) * 0.125, (run % 89) * 1.5, (run % 89) * 1.4, run % 3 != 0, 3600 + run % 600,
                run % 7, run % 11, run % 5, run % 60, self, self, self).getBytes(StandardCharsets.UTF_8);
    }
}
