package org.runops.core.root;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.runops.core.SharedData;

/**
 * Conformance over every row of {@code shared/data/root/MANIFEST.csv}: zombie and recovered flags and
 * entry counts as ROOT (or, for synthetic files, ROOT's source) says. Rows marked {@code unverified}
 * must match as well. Skips when {@code ../shared} is absent.
 */
class RootFileManifestTest {

    static Stream<Arguments> rows() throws IOException {
        if (!SharedData.available()) {
            return Stream.of(Arguments.of("(shared data absent)", Map.of()));
        }
        Path manifest = SharedData.require("root/MANIFEST.csv");
        List<String> lines = Files.readAllLines(manifest);
        List<String> header = Csv.parse(lines.get(0));
        List<Arguments> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            List<String> cells = Csv.parse(line);
            Map<String, String> row = new java.util.HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), i < cells.size() ? cells.get(i) : "");
            }
            rows.add(Arguments.of(row.get("file") + " " + row.get("tree") + " [" + row.get("status") + "]", row));
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

    /** RFC 4180 fields: quoted fields may hold commas and doubled quotes. */
    static final class Csv {
        static List<String> parse(String line) {
            List<String> out = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        cell.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    out.add(cell.toString());
                    cell.setLength(0);
                } else {
                    cell.append(c);
                }
            }
            out.add(cell.toString());
            return out;
        }
    }
}
