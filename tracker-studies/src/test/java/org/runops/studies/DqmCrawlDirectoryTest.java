package org.runops.studies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.core.refrun.Reconstruction;
import org.runops.dqm.CrawlLayout;

/** The crawl directory of FullStudyTableTest (the real 321012 maps, read in place from the shared data). */
class DqmCrawlDirectoryTest {
    @TempDir
    Path tmp;

    @Test
    void referenceMapsAreCachedAndARowsOwnMapIsReadEachTime() throws IOException {
        DqmCrawlDirectory crawl = new DqmCrawlDirectory(FullStudyTableTest.crawlDirectory(tmp));
        Path file = CrawlLayout.file(crawl.root(), DqmFeatures.TRACKING_MAP, 321011, Reconstruction.EXPRESS);
        double[][] reference = crawl.referenceMap(DqmFeatures.TRACKING_MAP, 321011, Reconstruction.EXPRESS).orElseThrow();
        assertThat(reference).hasNumberOfRows(32);
        Files.delete(file);
        assertThat(crawl.referenceMap(DqmFeatures.TRACKING_MAP, 321011, Reconstruction.EXPRESS)).containsSame(reference);
        assertThat(crawl.map(DqmFeatures.TRACKING_MAP, 321011, Reconstruction.EXPRESS)).isEmpty();
    }

    @Test
    void aFileIsNotACrawlDirectory() throws IOException {
        Path file = Files.writeString(tmp.resolve("runs.txt"), "321012 Express\n");
        assertThatThrownBy(() -> new DqmCrawlDirectory(file)).isInstanceOf(StudyException.class)
                .hasMessage("DQM crawl directory " + file + " does not exist or is not a directory");
    }
}
