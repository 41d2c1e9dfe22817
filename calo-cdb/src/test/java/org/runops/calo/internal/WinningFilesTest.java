package org.runops.calo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.runops.calo.TagSelectionPolicy.CAMPAIGN_START;
import static org.runops.calo.TagSelectionPolicy.RUN_LATEST_FILE;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.runops.calo.CatalogFile;

/** The decide step over gathered rows: threshold before the tag choice, replicas, HIST_CALOFITTINGQA. */
class WinningFilesTest {
    private static final Instant T1 = Instant.parse("2025-07-01T00:00:00Z");
    private static final Instant T2 = Instant.parse("2025-08-01T00:00:00Z");

    private static CatalogRow row(long run, int seg, String tag, String type, String host, Instant t, Long events) {
        String lfn = type + "_run3auau_" + tag + "-" + run + "-" + seg + ".root";
        return new CatalogRow(run, seg, tag, type, lfn, host, "/" + host + "/" + lfn, t,
                events == null ? OptionalLong.empty() : OptionalLong.of(events));
    }

    private static List<String> paths(List<CatalogFile> files) {
        return files.stream().map(CatalogFile::path).toList();
    }

    @Test
    void theThresholdDropsAShortNewerTagBeforeTheChoice() {
        List<CatalogRow> rows = List.of(row(1, 0, "old", "HIST_CALOQA", "gpfs", T1, 600L),
                row(1, 0, "new", "HIST_CALOQA", "gpfs", T2, 100L));
        assertThat(WinningFiles.select(rows, RUN_LATEST_FILE, OptionalLong.empty())).extracting(CatalogFile::tag)
                .containsExactly("new");
        assertThat(WinningFiles.select(rows, RUN_LATEST_FILE, OptionalLong.of(500))).extracting(CatalogFile::tag)
                .containsExactly("old");
        // '>' keeps, '==' and '<' drop (the original's second filter kept '==' in neither list)
        assertThat(WinningFiles.select(rows, RUN_LATEST_FILE, OptionalLong.of(599))).hasSize(1);
        assertThat(WinningFiles.select(rows, RUN_LATEST_FILE, OptionalLong.of(600))).isEmpty();
    }

    @Test
    void eventsCountEachSegmentOnceAndUnknownSegmentsAsNone() {
        List<CatalogRow> rows = List.of(row(1, 0, "t", "HIST_CALOQA", "gpfs", T1, 300L),
                row(1, 0, "t", "HIST_CALOFITTINGQA", "gpfs", T1, 300L), row(1, 1, "t", "HIST_CALOQA", "gpfs", T1, null));
        assertThat(WinningFiles.segmentEvents(rows, CatalogRow::segment, CatalogRow::events)).hasValue(300);
        assertThat(WinningFiles.select(rows, RUN_LATEST_FILE, OptionalLong.of(299))).hasSize(3);
        assertThat(WinningFiles.segmentEvents(rows.subList(2, 3), CatalogRow::segment, CatalogRow::events)).isEmpty();
    }

    @Test
    void oneReplicaPerLfnNotHpssFirstThenHostThenPath() {
        List<CatalogRow> rows = List.of(row(1, 0, "t", "HIST_CALOQA", "hpss", T1, null), row(1, 0, "t", "HIST_CALOQA", "lustre", T1, null),
                row(1, 0, "t", "HIST_CALOQA", "gpfs", T1, null), row(1, 1, "t", "HIST_CALOQA", "hpss", T1, null));
        assertThat(paths(WinningFiles.select(rows, RUN_LATEST_FILE, OptionalLong.empty())))
                .containsExactly("/gpfs/HIST_CALOQA_run3auau_t-1-0.root", "/hpss/HIST_CALOQA_run3auau_t-1-1.root");
        assertThat(paths(WinningFiles.select(reversed(rows), RUN_LATEST_FILE, OptionalLong.empty())))
                .containsExactly("/gpfs/HIST_CALOQA_run3auau_t-1-0.root", "/hpss/HIST_CALOQA_run3auau_t-1-1.root");
    }

    @Test
    void fittingQaFilesComeWithTheWinnerButNeverDecide() {
        List<CatalogRow> rows = List.of(row(1, 0, "a", "HIST_CALOQA", "gpfs", T1, null), row(1, 0, "a", "HIST_CALOFITTINGQA", "gpfs", T1, null),
                row(1, 0, "b", "HIST_CALOFITTINGQA", "gpfs", T2, null));
        List<CatalogFile> files = WinningFiles.select(rows, CAMPAIGN_START, OptionalLong.empty());
        assertThat(files).extracting(CatalogFile::tag, CatalogFile::dstType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", "HIST_CALOFITTINGQA"), org.assertj.core.groups.Tuple.tuple("a", "HIST_CALOQA"));
    }

    @Test
    void aCampaignStartCountsOnlyTheKeptRunTagsNotOnesTheThresholdDropped() {
        // "a" started (T1) on run 1, which is short of events; among the kept pairs "a" starts at T3, after "b" (T2)
        Instant t3 = Instant.parse("2025-09-01T00:00:00Z");
        List<CatalogRow> rows = List.of(row(1, 0, "a", "HIST_CALOQA", "gpfs", T1, 10L),
                row(2, 0, "a", "HIST_CALOQA", "gpfs", t3, 1000L), row(2, 0, "b", "HIST_CALOQA", "gpfs", T2, 1000L));
        assertThat(WinningFiles.select(rows, CAMPAIGN_START, OptionalLong.of(100))).extracting(CatalogFile::tag).containsExactly("a");
        assertThat(WinningFiles.select(rows, CAMPAIGN_START, OptionalLong.empty())).extracting(CatalogFile::run, CatalogFile::tag)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "a"), org.assertj.core.groups.Tuple.tuple(2L, "b"));
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new java.util.ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
