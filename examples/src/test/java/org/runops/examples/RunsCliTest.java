package org.runops.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.runops.examples.Launcher.runops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.oms.OmsJson;
import org.runops.oms.OmsPage;
import org.runops.oms.OmsRecord;
import org.runops.oms.OmsRun;
import org.runops.strip.EmbeddedRunDatabase;
import org.runops.testing.FffRunDirectoryWriter;
import org.runops.testing.SharedData;

/** {@code runops runs list} end to end, one test per backend: fff folders, the RUN database (embedded H2), OMS (loopback). */
class RunsCliTest {
    @TempDir
    Path tmp;

    @Test
    void helpExplainsEveryCatalogue() {
        Launcher.Run r = runops("runs", "list", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("fff:DIR", "rundb[:CONFIG]", "oms", "RUNOPS_OMS_CLIENT_ID", "--format", "never a partial list");
        assertThat(runops("--help").out()).contains("runs");
    }

    private Path fff() {
        Path root = tmp.resolve("fff");
        FffRunDirectoryWriter.create(root, 338999).lumiSection(1, 1000, 500).lumiSection(2, 250).write();
        FffRunDirectoryWriter.create(root, 339000).write();
        FffRunDirectoryWriter.create(root, 339001).lumiSection(1, 10).endOfRun(false).openDirectory(true).write();
        return root;
    }

    @Test
    void fffFoldersAsATableCsvAndJson() throws IOException {
        Path root = fff();
        Files.createDirectories(root.resolve("lost+found"));
        Launcher.Run table = runops("runs", "list", "--catalog", "fff:" + root, "--from", "338000", "--to", "339000");
        assertThat(table.exitCode()).as(table.err()).isZero();
        List<String> lines = table.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("run_number  start_time  end_time").contains("directory", "state", "events");
        assertThat(lines.get(1)).startsWith("    338999").contains("closed").endsWith("1750");
        assertThat(lines.get(2)).startsWith("    339000").endsWith("0");

        Launcher.Run csv = runops("runs", "list", "--catalog", "fff:" + root, "--from", "1", "--to", "999999", "--format", "csv");
        assertThat(csv.out().lines().toList()).containsExactly("run_number,start_time,end_time,directory,state,events",
                "338999,,%s,%s,closed,1750".formatted(csv.out().lines().toList().get(1).split(",")[2], root.resolve("run338999")),
                "339000,,%s,%s,closed,0".formatted(csv.out().lines().toList().get(2).split(",")[2], root.resolve("run339000")),
                "339001,,,%s,open,10".formatted(root.resolve("run339001")));

        Launcher.Run json = runops("runs", "list", "--catalog", "fff:" + root, "--from", "339001", "--to", "339001", "--format", "json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        assertThat(json.out()).contains("\"run_number\" : 339001", "\"start_time\" : null", "\"state\" : \"open\"", "\"events\" : \"10\"");
    }

    @Test
    void theSharedStorageRoot() {
        Path fff = SharedData.require("strip/fff");
        Launcher.Run r = runops("runs", "list", "--catalog", "fff:" + fff, "--from", "1", "--to", "999999", "--format", "csv");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines().skip(1).map(l -> l.split(",")[0] + " " + l.substring(l.lastIndexOf(',') + 1)))
                .containsExactly("338999 1750", "339000 0"); // the 'variants' folder is not a run
    }

    private Path rundb() throws IOException {
        Path ledgers = Files.createDirectories(tmp.resolve("ledgers"));
        EmbeddedRunDatabase.inFile(ledgers.resolve("rundb"))
                .partition(1, "TI_27-JAN-2010_2").partition(2, "TM_09-JUN-2009_1")
                .run(338999, 1, 2, LocalDateTime.of(2024, 5, 1, 10, 0), LocalDateTime.of(2024, 5, 1, 11, 30))
                .run(339001, 1, 15, LocalDateTime.of(2024, 5, 2, 10, 0), null)
                .run(339001, 2, 15, LocalDateTime.of(2024, 5, 2, 10, 0), LocalDateTime.of(2024, 5, 2, 10, 40));
        return Files.writeString(tmp.resolve("strip.properties"), "ledger.dir=" + ledgers + "\ndb.zone=UTC\n");
    }

    @Test
    void theRunDatabaseOnEmbeddedH2() throws IOException {
        Path config = rundb();
        Launcher.Run r = runops("runs", "list", "--catalog", "rundb:" + config, "--from", "338000", "--to", "340000", "--format", "csv");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines().toList()).containsExactly("run_number,start_time,end_time,partitions,run_mode,run_type",
                "338999,2024-05-01T10:00:00Z,2024-05-01T11:30:00Z,TI_27-JAN-2010_2,2,PEDESTAL",
                "339001,2024-05-02T10:00:00Z,,TI_27-JAN-2010_2;TM_09-JUN-2009_1,15,SCOPE");

        Path empty = Files.writeString(tmp.resolve("empty.properties"), "ledger.dir=" + tmp.resolve("nowhere") + "\n");
        Launcher.Run missing = runops("runs", "list", "--catalog", "rundb:" + empty, "--from", "1", "--to", "2");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("--catalog rundb:" + empty, "no embedded RUN database at " + tmp.resolve("nowhere"));
        assertThat(Files.exists(tmp.resolve("nowhere"))).isFalse();
    }

    @Test
    void fffJoinedWithTheRunDatabase() throws IOException {
        Path config = rundb();
        Launcher.Run r = runops("runs", "list", "--catalog", "fff:" + fff(), "--catalog", "rundb:" + config, "--from", "1",
                "--to", "999999", "--format", "csv");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("run_number,start_time,end_time,directory,state,events,partitions,run_mode,run_type");
        assertThat(lines).hasSize(4); // the fff folders decide: 339000 is not in the RUN database but is listed
        assertThat(lines.get(1)).startsWith("338999,2024-05-01T10:00:00Z,").endsWith(",closed,1750,TI_27-JAN-2010_2,2,PEDESTAL");
        assertThat(lines.get(2)).startsWith("339000,,").endsWith(",closed,0,,,");
        assertThat(lines.get(3)).endsWith(",open,10,TI_27-JAN-2010_2;TM_09-JUN-2009_1,15,SCOPE");
    }

    @Test
    void omsReplayingTheReal2024Page() throws IOException, InterruptedException {
        byte[] file = Files.readAllBytes(SharedData.require("oms/runs_377254-377296_int0185_2024-03.json"));
        List<OmsRecord> all = OmsPage.parse(file, "2024").records();
        try (MockWebServer oms = new MockWebServer()) {
            oms.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    HttpUrl u = request.getUrl();
                    long ge = Long.parseLong(u.queryParameter("filter[run_number][GE]"));
                    long le = Long.parseLong(u.queryParameter("filter[run_number][LE]"));
                    List<OmsRecord> rows = all.stream().filter(x -> OmsRun.from(x).runNumber() >= ge && OmsRun.from(x).runNumber() <= le).toList();
                    return new MockResponse.Builder().code(200).body(new String(OmsJson.page(rows), StandardCharsets.UTF_8)).build();
                }
            });
            oms.start();
            String url = oms.url("/agg/api/v1").toString();
            Launcher.Run r = runops("runs", "list", "--catalog", "oms", "--oms-instance", "p5", "--oms-url", url,
                    "--from", "377254", "--to", "377260", "--format", "json");
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out()).contains("\"run_number\" : 377254", "\"start_time\" : \"2024-02-29T22:39:23Z\"",
                    "\"components\" : \"CSC;DAQ;DCS;DQM;DT;ECAL;ES;GEM;HCAL;PIXEL;TCDS;TRACKER;TRG\"",
                    "\"init_lumi_unit\" : \"10^{33}cm^{-2}s^{-1}\"", "\"run_type\" : \"cosmics\"");

            Launcher.Run joined = runops("runs", "list", "--catalog", "fff:" + fff(), "--catalog", "oms", "--oms-instance", "p5",
                    "--oms-url", url, "--from", "1", "--to", "999999");
            assertThat(joined.exitCode()).as(joined.err()).isZero(); // OMS asked for 338999..339001 only, knows none of them
            assertThat(oms.takeRequest().getUrl().queryParameter("filter[run_number][GE]")).isEqualTo("377254");
            assertThat(oms.takeRequest().getUrl().queryParameter("filter[run_number][GE]")).isEqualTo("338999");
        }
    }

    @Test
    void badInputsAndFailingCataloguesExitTwoNamingThem() throws IOException {
        assertThat(runops("runs", "list", "--catalog", "xyz", "--from", "1", "--to", "2").err()).contains("'xyz'", "fff:DIR");
        assertThat(runops("runs", "list", "--catalog", "fff:" + tmp.resolve("none"), "--from", "1", "--to", "2").err())
                .contains("no such directory " + tmp.resolve("none"));
        assertThat(runops("runs", "list", "--catalog", "fff:" + tmp, "--from", "5", "--to", "1").err()).contains("--from");
        assertThat(runops("runs", "list", "--catalog", "fff:" + tmp, "--from", "1", "--to", "2", "--format", "xml").exitCode()).isEqualTo(2);
        try (MockWebServer down = new MockWebServer()) {
            down.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return new MockResponse.Builder().code(404).body("no").build();
                }
            });
            down.start();
            Launcher.Run r = runops("runs", "list", "--catalog", "fff:" + fff(), "--catalog", "oms", "--oms-instance", "p5",
                    "--oms-url", down.url("/agg/api/v1").toString(), "--from", "1", "--to", "999999");
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).contains("catalogue 2 of 2", "--catalog oms", down.url("/agg/api/v1").toString(), "404");
            assertThat(r.out()).isEmpty();
        }
    }
}
