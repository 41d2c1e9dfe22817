package org.runops.calo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo catalogue: what it holds, and that its files are on disk for the file check. */
class DemoFileCatalogTest {
    private static final RunType RUN3AUAU = RunType.named("run3auau");

    @TempDir
    Path tmp;

    private static Map<Long, String> tags(List<CatalogFile> files) {
        return files.stream().collect(Collectors.toMap(CatalogFile::run, CatalogFile::tag, (a, b) -> a, java.util.TreeMap::new));
    }

    @Test
    void eightRunsTwoCompetingTagsFilesOnDisk() throws IOException {
        try (FileCatalog demo = FileCatalog.demo(tmp)) {
            assertThat(demo.describe()).startsWith("demo FileCatalog").contains(tmp.toString());
            List<CatalogFile> latest = demo.winningFiles(new CatalogQuery(RUN3AUAU, TagSelectionPolicy.RUN_LATEST_FILE, OptionalLong.empty()));
            assertThat(tags(latest)).containsExactly(Map.entry(68001L, "new_newcdbtag_v008"), Map.entry(68002L, "new_newcdbtag_v008"),
                    Map.entry(68003L, "new_newcdbtag_v008"), Map.entry(68004L, "new_newcdbtag_v008"), Map.entry(68005L, "new_newcdbtag_v008"),
                    Map.entry(68006L, "new_newcdbtag_v007"), Map.entry(68007L, "new_newcdbtag_v007"), Map.entry(68008L, "new_newcdbtag_v007"));
            assertThat(latest).hasSize(22).allSatisfy(f -> {
                assertThat(f.path()).startsWith(tmp.toString()).contains("/calocalib/" + f.tag() + "/run_00068000_00068100/");
                assertThat(f.dstType()).isEqualTo("HIST_CALOQA");
                assertThat(f.segment()).isBetween(0, 3);
            });
            List<CatalogFile> campaign = demo.winningFiles(new CatalogQuery(RUN3AUAU, TagSelectionPolicy.CAMPAIGN_START, OptionalLong.empty()));
            assertThat(tags(campaign)).containsEntry(68007L, "new_newcdbtag_v008").containsEntry(68006L, "new_newcdbtag_v007");

            FileValidation v = FileValidator.defaults().validate(latest);
            assertThat(v.missing()).extracting(p -> p.file().run(), p -> p.file().segment(), FileValidation.Problem::reason)
                    .containsExactly(tuple(68005L, 2, "absent"), tuple(68006L, 1, "empty"));
            assertThat(v.undecided()).isEmpty();
            assertThat(Files.readString(Path.of(v.valid().get(0).path()))).startsWith("runops demo placeholder for HIST_CALOQA_run3auau_new_newcdbtag_v008-00068001-00000.root")
                    .contains("not a ROOT file");

            // 500,000 events: 68006 has exactly that many (dropped: '>' only), 68008 far fewer
            List<CatalogFile> enough = demo.winningFiles(new CatalogQuery(RUN3AUAU, TagSelectionPolicy.RUN_LATEST_FILE, OptionalLong.of(500_000)));
            assertThat(tags(enough)).containsOnlyKeys(68001L, 68002L, 68003L, 68004L, 68005L, 68007L);
            assertThat(demo.runCatalog(TagSelectionPolicy.RUN_LATEST_FILE, RunType.DEFAULTS).run(68002))
                    .hasValueSatisfying(r -> assertThat(r.attributes()).containsExactly(Map.entry("run_type", "run3auau"),
                            Map.entry("tag", "new_newcdbtag_v008"), Map.entry("files", "4"), Map.entry("events", "1200000")));
        }
    }

    @Test
    void closingDropsTheDatabaseNotTheFiles() {
        FileCatalog demo = FileCatalog.demo(tmp);
        CatalogFile first = demo.winningFiles(new CatalogQuery(RUN3AUAU, TagSelectionPolicy.RUN_LATEST_FILE, OptionalLong.empty())).get(0);
        demo.close();
        assertThat(Path.of(first.path())).isRegularFile();
        assertThatThrownBy(() -> demo.winningFiles(new CatalogQuery(RUN3AUAU, TagSelectionPolicy.RUN_LATEST_FILE, OptionalLong.empty())))
                .isInstanceOf(CaloException.class).hasMessageContaining("runops-demo-filecatalog");
        // two demos side by side do not share a database
        try (FileCatalog a = FileCatalog.demo(tmp.resolve("a")); FileCatalog b = FileCatalog.demo(tmp.resolve("b"))) {
            assertThat(a.winningFiles(new CatalogQuery(RUN3AUAU, TagSelectionPolicy.RUN_LATEST_FILE, OptionalLong.empty())).get(0).path())
                    .startsWith(tmp.resolve("a").toString());
            assertThat(b.winningFiles(new CatalogQuery(RUN3AUAU, TagSelectionPolicy.RUN_LATEST_FILE, OptionalLong.empty())).get(0).path())
                    .startsWith(tmp.resolve("b").toString());
        }
    }

    @Test
    void aPlannerOnTheDemoCatalogueIsADemoPlannerWithoutBeingTold() {
        try (FileCatalog demo = FileCatalog.demo(tmp.resolve("catalog"));
                org.runops.core.exec.batch.BatchSystem batch = org.runops.core.exec.batch.BatchSystem.local(1)) {
            assertThat(demo.isDemo()).isTrue();
            CdbMapPlanner planner = CdbMapPlanner.builder().catalog(demo).cdb(new MapCdb()).batch(batch).output(tmp.resolve("out")).build();
            assertThat(planner.stateStore()).isEqualTo(tmp.resolve("out/submissions-DEMO-DATA.json").toAbsolutePath());
            assertThat(planner.plan(PlanOptions.of(RunType.named("run3auau"))).demo()).isTrue();
        }
    }
}
