package org.runops.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.core.SharedData;

class RunLedgerTest {

    @TempDir
    Path tmp;

    @Test
    void realLedgersAreReadAndRewrittenByteForByte() throws IOException {
        for (String name : List.of("analyzedruns.txt", "failedruns.txt")) {
            Path real = SharedData.require("strip/SiStripCronJob/" + name);
            RunLedger ledger = RunLedger.open(real);
            List<String> lines = Files.readAllLines(real);
            assertThat(ledger.entries()).hasSize(lines.size());
            assertThat(ledger.problems()).isEmpty();
            assertThat(ledger.runs()).hasSize(new LinkedHashSet<>(lines.stream().map(l -> l.split(" ")[0]).toList()).size());

            RunLedger copy = RunLedger.open(tmp.resolve(name));
            for (LedgerEntry e : ledger.entries()) {
                copy.append(e.run(), e.fields().toArray(String[]::new));
            }
            assertThat(Files.readAllBytes(tmp.resolve(name))).isEqualTo(Files.readAllBytes(real));
        }
    }

    @Test
    void realFailedLedgerHasTheFourChecks() {
        RunLedger failed = RunLedger.open(SharedData.require("strip/SiStripCronJob/failedruns.txt"));
        assertThat(failed.entries()).allSatisfy(e -> assertThat(e.fields()).hasSize(4).allMatch(f -> f.equals("True") || f.equals("False")));
        assertThat(failed.contains(294236)).isTrue();
    }

    @Test
    void duplicatesBlankLinesSpacesAndGarbageAreTolerated() throws IOException {
        Path f = Files.writeString(tmp.resolve("analyzedruns.txt"), "run1\n\n  run2  \nrun1\nrunX\nhello world\nrun3 True False\n");
        RunLedger ledger = RunLedger.open(f);
        assertThat(ledger.runs()).containsExactly(1L, 2L, 3L);
        assertThat(ledger.entries()).extracting(LedgerEntry::line).containsExactly("run1", "run2", "run1", "run3 True False");
        assertThat(ledger.problems()).hasSize(2).anySatisfy(p -> assertThat(p).contains(":5:").contains("runX"));
    }

    @Test
    void aTornLastLineIsNotARunAndIsSetAsideBeforeTheNextAppend() throws IOException {
        // a writer killed after "run3248" of "run324879\n"
        Path f = Files.writeString(tmp.resolve("analyzedruns.txt"), "run1\nrun2\nrun3248");
        RunLedger ledger = RunLedger.open(f);
        assertThat(ledger.runs()).containsExactly(1L, 2L);
        assertThat(ledger.problems()).singleElement().satisfies(p -> assertThat(p).contains("torn last line"));

        ledger.append(324879);
        assertThat(f).hasContent("run1\nrun2\nrun324879");
        assertThat(Files.readString(f)).endsWith("run324879\n");
        assertThat(tmp.resolve("analyzedruns.txt.torn")).hasContent("run3248");
        assertThat(RunLedger.open(f).runs()).containsExactly(1L, 2L, 324879L);
    }

    @Test
    void appendsFromManyThreadsAndLedgerInstancesNeverInterleave() throws Exception {
        Path f = tmp.resolve("shared.txt");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                try (RunLedger own = RunLedger.open(f)) { // one instance per thread: the file lock serialises them
                    for (int i = 0; i < 100; i++) {
                        own.append(thread * 1000L + i, "True", "False", "True", "True");
                    }
                }
            }));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        for (java.util.concurrent.Future<?> d : done) {
            d.get(); // a failed append fails the test
        }
        RunLedger all = RunLedger.open(f);
        assertThat(all.problems()).isEmpty();
        assertThat(all.entries()).hasSize(800);
        Set<Long> runs = all.runs();
        assertThat(runs).hasSize(800);
    }

    @Test
    void refreshReadsWhatOthersAppendedAndRereadsARewrittenFile() throws IOException {
        Path f = tmp.resolve("analyzedruns.txt");
        RunLedger mine = RunLedger.open(f);
        RunLedger other = RunLedger.open(f);
        other.append(1);
        other.append(2);
        assertThat(mine.contains(2)).isFalse();
        mine.refresh();
        assertThat(mine.runs()).containsExactly(1L, 2L);
        mine.append(3);
        assertThat(mine.entries()).extracting(LedgerEntry::line).containsExactly("run1", "run2", "run3");
        Files.writeString(f, "run9\n"); // rewritten by hand: shorter than what was read
        mine.refresh();
        assertThat(mine.runs()).containsExactly(9L);
    }

    @Test
    void missingFileIsEmptyAndCreatedOnFirstAppend() {
        Path f = tmp.resolve("sub/dir/failedruns.txt");
        RunLedger ledger = RunLedger.open(f);
        assertThat(ledger.runs()).isEmpty();
        ledger.append(5, "True", "False", "False", "False");
        assertThat(f).hasContent("run5 True False False False");
        assertThat(ledger.contains(5)).isTrue();
    }

    @Test
    void fieldsMustBeSingleWords() {
        RunLedger ledger = RunLedger.open(tmp.resolve("x.txt"));
        assertThatThrownBy(() -> ledger.append(1, "two words")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ledger.append(1, "")).isInstanceOf(IllegalArgumentException.class);
        assertThat(tmp.resolve("x.txt")).doesNotExist();
    }
}
