package org.runops.calo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.runops.calo.CatalogSeed.path;
import static org.runops.calo.TagSelectionPolicy.CAMPAIGN_START;
import static org.runops.calo.TagSelectionPolicy.RUN_LATEST_FILE;

import java.sql.SQLException;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.runops.calo.internal.FileCatalogRunCatalog;
import org.runops.core.run.RunRecord;

/**
 * The FileCatalog contract, one body for every backend ({@link H2FileCatalogTest}, {@link PostgresFileCatalogTest}):
 * real SQL on a fresh database per test.
 */
abstract class FileCatalogContract {
    static final RunType RUNS = new RunType("run3auau", 68001, 68010);
    CatalogDatabase db;
    CatalogSeed seed;

    abstract CatalogDatabase open() throws SQLException;

    @BeforeEach
    void createTables() throws SQLException {
        db = open();
        db.tables().createTables();
        seed = new CatalogSeed(db.tables());
    }

    @AfterEach
    void drop() throws SQLException {
        if (db != null) { // null when the backend is skipped
            db.close();
        }
    }

    List<CatalogFile> query(FileCatalogSettings.Builder settings, TagSelectionPolicy policy, OptionalLong minEvents) {
        try (FileCatalog fc = FileCatalog.jdbc(settings.build())) {
            return fc.winningFiles(new CatalogQuery(RUNS, policy, minEvents));
        }
    }

    List<CatalogFile> query(TagSelectionPolicy policy) {
        return query(db.settings(), policy, OptionalLong.empty());
    }

    @Test
    void competingTags_thePoliciesDisagreeOnAReRegisteredRun() throws SQLException {
        // campaign v007 starts day 0 and covers 68001-68002; v008 starts day 30 and covers both too;
        // v007's files of 68002 were registered again on day 60 (an upsert refreshes files.time)
        seed.hist(68001, 0, "v007", 0).hist(68001, 1, "v007", 0).hist(68002, 0, "v007", 60)
                .hist(68001, 0, "v008", 30).hist(68002, 0, "v008", 31).hist(68002, 1, "v008", 31);
        assertThat(query(RUN_LATEST_FILE)).extracting(CatalogFile::run, CatalogFile::tag, CatalogFile::path).containsExactly(
                tuple(68001L, "v008", path("gpfs", "v008", 68001, 0)),
                tuple(68002L, "v007", path("gpfs", "v007", 68002, 0)));
        assertThat(query(CAMPAIGN_START)).extracting(CatalogFile::run, CatalogFile::tag, CatalogFile::segment).containsExactly(
                tuple(68001L, "v008", 0), tuple(68002L, "v008", 0), tuple(68002L, "v008", 1));
        CatalogFile f = query(CAMPAIGN_START).get(0);
        assertThat(f.dstType()).isEqualTo("HIST_CALOQA");
        assertThat(f.registered()).isEqualTo(CatalogSeed.day(30));
        assertThat(f.events()).isEmpty();
    }

    @Test
    void campaignStartCountsOnlyTheRunRange_aTagsFilesOfAnotherRunTypeDoNotChangeTheWinner() throws SQLException {
        // tags are not per run type: v009 was registered (day 1) on run 68050 of another run type; in this range it
        // starts on day 9, after v010 (day 5), so it wins, as the pandas rule over the range's rows chose
        seed.hist(68050, 0, "v009", 1).hist(68003, 0, "v009", 9).hist(68003, 0, "v010", 5);
        assertThat(query(CAMPAIGN_START)).extracting(CatalogFile::tag).containsExactly("v009");
        assertThat(query(RUN_LATEST_FILE)).extracting(CatalogFile::tag).containsExactly("v009");
    }

    @Test
    void tiesGoToTheGreatestTag() throws SQLException {
        seed.hist(68004, 0, "ana509_2024p022_v001", 3).hist(68004, 0, "ana509_2024p022_v002", 3).hist(68004, 0, "ana446_2024p007", 3);
        for (TagSelectionPolicy p : TagSelectionPolicy.values()) {
            assertThat(query(p)).as(p.name()).extracting(CatalogFile::tag).containsExactly("ana509_2024p022_v002");
        }
    }

    @Test
    void skimmedSegment9999AndRowsWithoutTagAreIgnored() throws SQLException {
        seed.hist(68005, 0, "v007", 0).hist(68005, 1, "v007", 0)
                .hist("HIST_CALOQASKIMMED", 68005, 0, "v099", 90) // newest, but skimmed: never wins, never listed
                .hist(68005, 9999, "v007", 0)
                .hist(68005, 2, null, 99).hist(68005, 3, "", 99)
                .hist("DST_CALO", 68005, 4, "v098", 99); // not a HIST file
        for (TagSelectionPolicy p : TagSelectionPolicy.values()) {
            assertThat(query(p)).as(p.name()).extracting(CatalogFile::tag, CatalogFile::segment)
                    .containsExactly(tuple("v007", 0), tuple("v007", 1));
        }
    }

    @Test
    void segment9999NeverMakesItsTagWin() throws SQLException {
        seed.hist(68006, 0, "v007", 0).hist(68006, 9999, "v008", 50);
        assertThat(query(RUN_LATEST_FILE)).extracting(CatalogFile::tag).containsExactly("v007");
        assertThat(query(CAMPAIGN_START)).extracting(CatalogFile::tag).containsExactly("v007");
    }

    @Test
    void theThresholdKeepsMoreThanItDropsEqualAndLess() throws SQLException {
        // events come from the DST_CALO% rows of the same tag, run and segment; DST_CALO and DST_CALOFITTING of one segment count once
        seed.hist(68001, 0, "t", 0).hist(68001, 1, "t", 0).dst("DST_CALO", 68001, 0, "t", 300).dst("DST_CALOFITTING", 68001, 0, "t", 300)
                .dst("DST_CALO", 68001, 1, "t", 200)
                .hist(68002, 0, "t", 0).dst("DST_CALO", 68002, 0, "t", 501)
                .hist(68003, 0, "t", 0).dst("DST_CALO", 68003, 0, "t", 499)
                .hist(68004, 0, "t", 0).dst("DST_CALO", 68004, 0, "other", 10_000) // another tag's DST: no events for t
                .dst("DST_CALO", 68003, 7, "t", 10_000); // a segment without HIST file does not count
        List<CatalogFile> kept = query(db.settings(), RUN_LATEST_FILE, OptionalLong.of(500));
        assertThat(kept).extracting(CatalogFile::run, CatalogFile::segment, CatalogFile::events).containsExactly(
                tuple(68002L, 0, OptionalLong.of(501)));
        assertThat(query(db.settings(), RUN_LATEST_FILE, OptionalLong.of(499))).extracting(CatalogFile::run)
                .containsExactly(68001L, 68001L, 68002L);
        assertThat(query(db.settings(), CAMPAIGN_START, OptionalLong.of(0))).extracting(CatalogFile::run)
                .containsExactly(68001L, 68001L, 68002L, 68003L);
        assertThat(query(RUN_LATEST_FILE)).extracting(CatalogFile::run, CatalogFile::events).contains(
                tuple(68001L, OptionalLong.of(300)), tuple(68004L, OptionalLong.empty()));
    }

    @Test
    void theThresholdAppliesBeforeTheTagChoice() throws SQLException {
        seed.hist(68001, 0, "old", 0).dst("DST_CALO", 68001, 0, "old", 1_000_000)
                .hist(68001, 0, "new", 40).dst("DST_CALO", 68001, 0, "new", 10);
        assertThat(query(db.settings(), RUN_LATEST_FILE, OptionalLong.of(500_000))).extracting(CatalogFile::tag).containsExactly("old");
        assertThat(query(RUN_LATEST_FILE)).extracting(CatalogFile::tag).containsExactly("new");
    }

    @Test
    void theRunRangeIsInclusive() throws SQLException {
        seed.hist(68000, 0, "t", 0).hist(68001, 0, "t", 0).hist(68010, 0, "t", 0).hist(68011, 0, "t", 0);
        assertThat(query(CAMPAIGN_START)).extracting(CatalogFile::run).containsExactly(68001L, 68010L);
    }

    @Test
    void oneReplicaPerFileNotHpssFirst() throws SQLException {
        seed.hist(68007, 0, "t", 0).replica(68007, 0, "t", "hpss", 0).replica(68007, 0, "t", "lustre", 1)
                .hist(68007, 1, "t", 0);
        // segment 2 exists only on tape
        db.tables().file(CatalogSeed.lfn("HIST_CALOQA", "t", 68007, 2), "hpss", path("hpss", "t", 68007, 2), CatalogSeed.day(0), 1000)
                .dataset(CatalogSeed.lfn("HIST_CALOQA", "t", 68007, 2), 68007, 2, "run3auau", "HIST_CALOQA", null, "t");
        assertThat(query(RUN_LATEST_FILE)).extracting(CatalogFile::path).containsExactly(
                "/gpfs/calocalib/t/" + CatalogSeed.lfn("HIST_CALOQA", "t", 68007, 0),
                "/gpfs/calocalib/t/" + CatalogSeed.lfn("HIST_CALOQA", "t", 68007, 1),
                path("hpss", "t", 68007, 2));
    }

    @Test
    void fittingQaFilesOnlyWhenAskedAndTheyNeverDecide() throws SQLException {
        seed.hist(68008, 0, "a", 0).hist("HIST_CALOFITTINGQA", 68008, 0, "a", 0).hist("HIST_CALOFITTINGQA", 68008, 0, "b", 50);
        assertThat(query(RUN_LATEST_FILE)).extracting(CatalogFile::dstType).containsExactly("HIST_CALOQA");
        assertThat(query(db.settings().includeFittingQa(true), RUN_LATEST_FILE, OptionalLong.empty()))
                .extracting(CatalogFile::tag, CatalogFile::dstType).containsExactly(tuple("a", "HIST_CALOFITTINGQA"), tuple("a", "HIST_CALOQA"));
    }

    @Test
    void the2024CatalogueKeptTheTagInTheDatasetColumn() throws SQLException {
        // 2024 era: datasets.dataset = production tag, dsttype carries the run type, tag empty
        for (String[] r : new String[][] {{"ana446_2024p007", "0"}, {"ana446_2024p007", "1"}, {"ana437_2024p007", "0"}}) {
            String lfn = "HIST_CALOQA_run2pp_" + r[0] + "-00068009-0000" + r[1] + ".root";
            db.tables().file(lfn, "gpfs", "/gpfs/" + lfn, CatalogSeed.day(r[0].startsWith("ana446") ? 10 : 5), 100)
                    .dataset(lfn, 68009, Integer.parseInt(r[1]), r[0], "HIST_CALOQA_run2pp", null, null)
                    .dataset("DST_CALO_run2pp_" + r[0] + "-" + r[1], 68009, Integer.parseInt(r[1]), r[0], "DST_CALO_run2pp", 7L, null);
        }
        db.tables().dataset("HIST_CALOQASKIMMED_run2pp_x-00068009-00000.root", 68009, 0, "zzz", "HIST_CALOQASKIMMED_run2pp", null, null);
        assertThat(query(RUN_LATEST_FILE)).isEmpty(); // the tag column is empty in that era
        List<CatalogFile> files = query(db.settings().tagColumn("dataset"), CAMPAIGN_START, OptionalLong.of(13));
        assertThat(files).extracting(CatalogFile::tag, CatalogFile::segment, CatalogFile::dstType).containsExactly(
                tuple("ana446_2024p007", 0, "HIST_CALOQA_run2pp"), tuple("ana446_2024p007", 1, "HIST_CALOQA_run2pp"));
    }

    @Test
    void aCatalogueWithoutTheTablesIsAnErrorNamingItAndTheSqlState() throws SQLException {
        try (CatalogDatabase empty = open(); FileCatalog fc = FileCatalog.jdbc(empty.settings().build())) {
            assertThatThrownBy(() -> fc.winningFiles(new CatalogQuery(RUNS, RUN_LATEST_FILE, OptionalLong.empty())))
                    .isInstanceOf(CaloException.class)
                    .hasMessageContaining("FileCatalog " + FileCatalogSettings.redact(empty.url()))
                    .hasMessageContaining("run3auau runs 68001..68010")
                    .hasMessageMatching("(?s).*SQL state (42P01|42S02|42S04)\\).*");
        }
    }

    @Test
    void aBadTagColumnIsAnSqlErrorNotInjection() throws SQLException {
        seed.hist(68001, 0, "t", 0);
        assertThatThrownBy(() -> query(db.settings().tagColumn("no_such_column"), RUN_LATEST_FILE, OptionalLong.empty()))
                .isInstanceOf(CaloException.class).hasMessageContaining("SQL state 42");
        assertThatThrownBy(() -> db.settings().tagColumn("tag; DROP TABLE files").build()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void asARunCatalog() throws SQLException {
        seed.hist(68001, 0, "v007", 0).hist(68001, 1, "v007", 0).dst("DST_CALO", 68001, 0, "v007", 100).dst("DST_CALO", 68001, 1, "v007", 23)
                .hist(68003, 0, "v008", 1).hist(70000, 0, "v008", 1);
        try (FileCatalog fc = FileCatalog.jdbc(db.settings().build())) {
            List<RunRecord> runs = fc.runCatalog(RUN_LATEST_FILE, RunType.DEFAULTS).runs(68000, 68005);
            assertThat(runs).extracting(RunRecord::run, RunRecord::attributes).containsExactly(
                    tuple(68001L, java.util.Map.of("run_type", "run3auau", FileCatalogRunCatalog.TAG, "v007", FileCatalogRunCatalog.FILES, "2",
                            "events", "123")),
                    tuple(68003L, java.util.Map.of("run_type", "run3auau", "tag", "v008", "files", "1")));
            assertThat(runs.get(0).events()).hasValue(123);
            assertThat(runs.get(0).startTime()).isEmpty();
            assertThat(fc.runCatalog(RUN_LATEST_FILE, List.of()).run(70000)).hasValueSatisfying(
                    r -> assertThat(r.attributes()).containsOnlyKeys("tag", "files"));
        }
    }
}
