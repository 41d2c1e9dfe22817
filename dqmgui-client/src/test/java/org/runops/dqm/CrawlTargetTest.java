package org.runops.dqm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.core.refrun.Reconstruction;

/** dqmcrawlr's {@code dqmcrawl} input: one {@code <run> <reconstruction>} per line (its example/runs.txt, minus the bad line). */
class CrawlTargetTest {
    @TempDir
    Path tmp;

    private Path file(String text) throws IOException {
        Path p = tmp.resolve("runs.txt");
        Files.writeString(p, text);
        return p;
    }

    @Test
    void readsDqmcrawlrsExampleSpellingsCommentsAndBlankLines() throws IOException {
        Path runs = file("\uFEFF# tracker study 2018\n321012 Express\n\n321012 reReco\r\n   306631\tPrompt  \n327244 online\n315642 rereco UL\n321012 Express\n");

        assertThat(CrawlTarget.readDqmcrawl(runs)).containsExactly(
                new CrawlTarget(321012, Reconstruction.EXPRESS),
                new CrawlTarget(321012, Reconstruction.RERECO),
                new CrawlTarget(306631, Reconstruction.PROMPT),
                new CrawlTarget(327244, Reconstruction.ONLINE),
                new CrawlTarget(315642, Reconstruction.RERECOUL),
                new CrawlTarget(321012, Reconstruction.EXPRESS));
    }

    @Test
    void anEmptyFileIsNoTargets() throws IOException {
        assertThat(CrawlTarget.readDqmcrawl(file("# nothing yet\n\n"))).isEmpty();
    }

    @Test
    void aBadLineIsAnErrorNamingFileAndLine() throws IOException {
        Path unknownReco = file("321012 Express\n325310 SomethingWrong\n");
        assertThatThrownBy(() -> CrawlTarget.readDqmcrawl(unknownReco)).isInstanceOf(DqmException.class)
                .hasMessage(unknownReco + " line 2: unknown reconstruction 'SomethingWrong' (expected Express, Prompt, reReco, reRecoUL or Online)");

        Path runOnly = file("# header\n321012\n");
        assertThatThrownBy(() -> CrawlTarget.readDqmcrawl(runOnly)).isInstanceOf(DqmException.class)
                .hasMessage(runOnly + " line 2: expected '<run> <reconstruction>' (e.g. '321012 Express'), got '321012'");

        for (String bad : List.of("32101x Express", "-5 Express", "0 Prompt", "99999999999999999999 Prompt")) {
            Path p = file(bad + "\n");
            assertThatThrownBy(() -> CrawlTarget.readDqmcrawl(p)).isInstanceOf(DqmException.class)
                    .hasMessageStartingWith(p + " line 1: run number must be a positive integer, got '" + bad.split(" ")[0] + "'");
        }
    }

    @Test
    void aMissingFileIsAnErrorNamingIt() {
        Path absent = tmp.resolve("absent.txt");
        assertThatThrownBy(() -> CrawlTarget.readDqmcrawl(absent)).isInstanceOf(DqmException.class)
                .hasMessageStartingWith("cannot read runs file " + absent);
    }

    @Test
    void targetsAreValidated() {
        assertThatThrownBy(() -> new CrawlTarget(0, Reconstruction.EXPRESS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CrawlTarget(1, Reconstruction.UNKNOWN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CrawlTarget(1, null)).isInstanceOf(NullPointerException.class);
    }
}
