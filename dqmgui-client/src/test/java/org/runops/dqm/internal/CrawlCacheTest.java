package org.runops.dqm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.dqm.DqmException;

class CrawlCacheTest {
    @TempDir
    Path tmp;

    @Test
    void entriesMirrorTheJsonfairyUrlAndStayInsideTheFolder() {
        CrawlCache cache = new CrawlCache(tmp);
        assertThat(cache.entry(321012, "/StreamExpress/Run2018D-Express-v1/DQMIO", "/Tracking/A/B_GenTk", ".json"))
                .isEqualTo(tmp.resolve("321012/StreamExpress/Run2018D-Express-v1/DQMIO/Tracking/A/B_GenTk.json"));
        Path odd = cache.entry(1, "/..%/A~B/DQM IO", "Pixel/size PXDisk_+1/a%b", ".json");
        assertThat(odd).isEqualTo(tmp.resolve("1/..%25/A%7EB/DQM%20IO/Pixel/size%20PXDisk_+1/a%25b.json"));
        assertThat(odd.normalize().startsWith(tmp)).isTrue();
        assertThat(CrawlCache.segment("Zähler")).isEqualTo("Z%C3%A4hler");
        assertThat(CrawlCache.segment("..")).isEqualTo("%2E%2E");
        assertThat(CrawlCache.segment("\uD83D\uDE00")).isEqualTo("%F0%9F%98%80");
    }

    @Test
    void refusesDatasetsThatAreNotThreePartsAndMePathsWithEmptySegments() {
        CrawlCache cache = new CrawlCache(tmp);
        assertThatThrownBy(() -> cache.entry(1, "/ZeroBias/Run2018A-v1", "X", ".json")).isInstanceOf(DqmException.class)
                .hasMessageStartingWith("dataset '/ZeroBias/Run2018A-v1' must have exactly three parts");
        assertThatThrownBy(() -> cache.entry(1, "/../B/C", "X", ".json")).isInstanceOf(DqmException.class);
        assertThatThrownBy(() -> cache.entry(1, "/A/B/C", "Tracking//X", ".json")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cache.entry(1, "/A/B/C", "/", ".json")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bodiesMarkersAndDatasetListsRoundTrip() throws IOException {
        CrawlCache cache = new CrawlCache(tmp);
        String ds = "/ZeroBias/Run2018D-PromptReco-v2/DQMIO";
        assertThat(cache.body(5, ds, "A/B")).isEmpty();
        assertThat(cache.isNotFound(5, ds, "A/B")).isFalse();
        assertThat(cache.datasets(5)).isEmpty();

        cache.putBody(5, ds, "A/B", new byte[] {1, 2});
        cache.putNotFound(5, ds, "A/C");
        cache.putDatasets(5, List.of(ds), Instant.parse("2026-12-01T10:00:00Z"));

        assertThat(cache.body(5, ds, "/A/B/")).hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2));
        assertThat(cache.isNotFound(5, ds, "A/C")).isTrue();
        assertThat(cache.datasets(5)).contains(new CrawlCache.DatasetList(List.of(ds), Instant.parse("2026-12-01T10:00:00Z")));
        try (var files = Files.list(tmp.resolve("5"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".tmp-"));
        }
    }

    @Test
    void theOldArrayFormIsReadAsListedWhenTheFileWasLastModified() throws IOException {
        CrawlCache cache = new CrawlCache(tmp);
        Path file = Files.createDirectories(tmp.resolve("8")).resolve("datasets.json");
        Files.writeString(file, "[\"/A/B/C\"]");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-11-30T00:00:00Z")));
        assertThat(cache.datasets(8)).contains(new CrawlCache.DatasetList(List.of("/A/B/C"), Instant.parse("2026-11-30T00:00:00Z")));
    }

    @Test
    void aDamagedDatasetListIsTreatedAsNeverListed() throws IOException {
        CrawlCache cache = new CrawlCache(tmp);
        for (String damaged : List.of("{\"not\":\"a list\"}", "[\"/A/B/C\", null]", "null", "[\"/A/B/C\"",
                "{\"listed\":\"yesterday\",\"names\":[]}", "{\"listed\":\"2026-12-01T10:00:00Z\",\"names\":[1]}")) {
            Files.createDirectories(tmp.resolve("7"));
            Files.writeString(tmp.resolve("7/datasets.json"), damaged);
            assertThat(cache.datasets(7)).as(damaged).isEmpty();
        }
    }

    @Test
    void aBodyReplacesANotFoundMarker() {
        CrawlCache cache = new CrawlCache(tmp);
        String ds = "/ZeroBias/Run2018D-PromptReco-v2/DQMIO";
        cache.putNotFound(5, ds, "A/B");
        cache.putBody(5, ds, "A/B", new byte[] {1});
        assertThat(cache.isNotFound(5, ds, "A/B")).isFalse();
        assertThat(cache.entry(5, ds, "A/B", ".notfound")).doesNotExist();
    }
}
