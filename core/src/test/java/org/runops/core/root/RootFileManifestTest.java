package org.runops.core.root;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.runops.core.SharedData;
import org.runops.core.csv.CsvReader;

/**
 * Conformance over every row of {@code shared/data/root/MANIFEST.csv}: zombie and recovered flags and
 * entry counts as ROOT (or, for synthetic files, ROOT's source) says. Rows marked {@code unverified}
 * must match as well. Skips when {@code ../shared} is absent.
 */
class RootFileManifestTest {

    static Stream<Arguments> rows() {
        if (!SharedData.available()) {
            return Stream.of(Arguments.of("(shared data absent)", Map.of()));
        }
        List<Arguments> rows = new ArrayList<>();
        try (CsvReader csv = CsvReader.open(SharedData.require("root/MANIFEST.csv"))) {
            List<String> header = csv.header();
            while (csv.next()) {
                Map<String, String> row = new java.util.HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), csv.field(i));
                }
                rows.add(Arguments.of(row.get("file") + " " + row.get("tree") + " [" + row.get("status") + "]", row));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void matchesManifest(String label, Map<String, String> row) {
        Path file = SharedData.require("root/" + row.get("file"));
        try (RootFile f = RootFile.open(file)) {
            assertThat(f.isZombie()).as("zombie of %s (%s)", label, f.zombieReason().orElse("-"))
                    .isEqualTo(row.get("expect_zombie").equals("1"));
            assertThat(f.isRecovered()).as("recovered of %s", label).isEqualTo(row.get("expect_recovered").equals("1"));
            String tree = row.get("tree");
            String entries = row.get("entries");
            if (tree.isEmpty()) {
                return;
            }
            if (entries.equals("UNREADABLE")) {
                assertThatThrownBy(() -> f.entries(tree)).isInstanceOf(RootFormatException.class);
            } else {
                assertThat(f.entries(tree)).as("entries of %s", label).hasValue(Long.parseLong(entries));
            }
        }
    }

    /**
     * FAST mode agrees with FULL on every row, except where ROOT's only objection is a StreamerInfo
     * record that lies in the file but does not decompress (FAST does not decompress it).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void fastModeDiffersOnlyOnUndecompressibleStreamerInfo(String label, Map<String, String> row) {
        Path file = SharedData.require("root/" + row.get("file"));
        try (RootFile full = RootFile.open(file); RootFile fast = RootFile.open(file, RootFile.Verification.FAST)) {
            boolean onlyStreamerInfo = full.zombieReason().map(r -> r.startsWith("StreamerInfo") && r.contains("cannot be read")).orElse(false);
            if (onlyStreamerInfo) {
                assertThat(fast.isZombie()).isFalse();
                return;
            }
            assertThat(fast.isZombie()).isEqualTo(full.isZombie());
            assertThat(fast.isRecovered()).isEqualTo(full.isRecovered());
            assertThat(fast.keys()).isEqualTo(full.keys());
        }
    }
}
