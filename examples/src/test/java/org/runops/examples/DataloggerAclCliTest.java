package org.runops.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.runops.examples.Launcher.runops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.datalogger.DataFileReader;
import org.runops.datalogger.DataFiles;

/** {@code runops datalogger grab-params} and {@code grab-events} against a loopback ACL CGI speaking the real answer shapes. */
class DataloggerAclCliTest {
    /** 2020-03-11 00:00:00 CDT. */
    private static final long STOP = 1583902800L;

    @TempDir
    Path tmp;

    private final List<String> targets = new CopyOnWriteArrayList<>();

    private MockWebServer acl() throws IOException {
        MockWebServer server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String target = request.getTarget();
                targets.add(target);
                String body;
                if (target.endsWith("/event=02")) {
                    return new MockResponse.Builder().code(500).body("<html><title>Server Error</title></html>").build();
                } else if (target.contains("event_log/")) {
                    body = "No occurrences of event in the requested time range";
                } else if (target.endsWith("+B:GONE")) {
                    return new MockResponse.Builder().code(500).body("<html><title>Server Error</title></html>").build();
                } else if (target.endsWith("+B:ERRDEV")) {
                    body = "B:ERRDEV - DIO_NO_SUCH";
                } else if (target.endsWith("+B:VIMAX")) {
                    body = "No values";
                } else {
                    StringBuilder b = new StringBuilder();
                    for (long t = STOP - 10; t < STOP; t++) {
                        b.append(t).append(".048 ").append(100 + (t - STOP)).append('\n');
                    }
                    body = b.toString();
                }
                return new MockResponse.Builder().code(200).body("<html><body><pre>" + body + "</pre></body></html>").build();
            }
        });
        server.start();
        return server;
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void grabParamsKeepsTheGoodDevicesReportsTheFailingOneAndExitsWithOne() throws IOException {
        Path params = Files.writeString(tmp.resolve("ParamList.txt"), "MLrn B:VIMIN\nMLrn B:ERRDEV \nMLrn B:VIMAX\n");
        Path out = tmp.resolve("out");
        try (MockWebServer server = acl()) {
            Launcher.Run r = runops("datalogger", "grab-params", "--url", server.url("/cgi-bin/acl.pl").toString(), "--paramfile", params.toString(),
                    "--stopat", "2020-03-11 00:00:00", "--seconds", "10", "--draftdir", tmp.resolve("draft").toString(), "--outdir", out.toString());
            assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
            assertThat(r.out()).containsPattern("B:VIMIN +OK +10 samples").containsPattern("B:ERRDEV +ERROR +0 samples.*DIO_NO_SUCH")
                    .containsPattern("B:VIMAX +EMPTY +0 samples");
        }
        // local Chicago window strings, device characters sent raw; devices are fetched in parallel, in any order
        assertThat(targets).containsExactlyInAnyOrder(
                "/cgi-bin/acl.pl?acl=logger_get/date_format=%27utc_seconds%27/ignore_db_format/start=%222020-03-10+23:59:50%22"
                        + "/end=%222020-03-11+00:00:00%22/node=MLrn+B:VIMIN",
                "/cgi-bin/acl.pl?acl=logger_get/date_format=%27utc_seconds%27/ignore_db_format/start=%222020-03-10+23:59:50%22"
                        + "/end=%222020-03-11+00:00:00%22/node=MLrn+B:ERRDEV",
                "/cgi-bin/acl.pl?acl=logger_get/date_format=%27utc_seconds%27/ignore_db_format/start=%222020-03-10+23:59:50%22"
                        + "/end=%222020-03-11+00:00:00%22/node=MLrn+B:VIMAX");
        assertThat(files(out)).singleElement().satisfies(f -> assertThat(f.getFileName().toString())
                .matches("MLParamData_\\d+\\.\\d+_From_MLrn_2020-03-10\\+23:59:50_to_2020-03-11\\+00:00:00\\.h5"));
        try (DataFileReader f = DataFiles.open(files(out).get(0))) {
            assertThat(f.attributes()).containsEntry("backend", "acl");
            assertThat(f.keys()).containsExactly("B:VIMIN", "B:ERRDEV", "B:VIMAX");
            double[] first = new double[2];
            f.scan("B:VIMIN", (t, v, n) -> {
                first[0] = t[0];
                first[1] = v[0];
            });
            assertThat(first).containsExactly(STOP - 10 + 0.048, 90.0);
        }
    }

    @Test
    void grabParamsPublishesNothingWhenADeviceCouldNotBeFetchedAndSaysARerunFetchesOnlyThat() throws IOException {
        Path params = Files.writeString(tmp.resolve("ParamList.txt"), "MLrn B:VIMIN\nMLrn B:GONE\n");
        Path out = tmp.resolve("out");
        Path draft = tmp.resolve("draft");
        try (MockWebServer server = acl()) {
            String[] args = {"datalogger", "grab-params", "--url", server.url("/cgi-bin/acl.pl").toString(), "--paramfile", params.toString(),
                "--stopat", "2020-03-11 00:00:00", "--seconds", "10", "--draftdir", draft.toString(), "--outdir", out.toString(),
                "--retries", "1"};
            Launcher.Run r = runops(args);
            assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
            assertThat(r.out()).containsPattern("B:GONE +ERROR +0 samples.*every chunk failed").contains("no file written");
            assertThat(r.err()).contains("incomplete, nothing published", "B:GONE", "a rerun fetches only the missing ones");
            assertThat(out).doesNotExist();
            assertThat(files(draft)).singleElement().satisfies(f -> assertThat(f.toString()).contains(".checkpoint-", "VIMIN"));

            targets.clear();
            String[] publish = java.util.Arrays.copyOf(args, args.length + 1);
            publish[args.length] = "--publish-incomplete";
            Launcher.Run p = runops(publish);
            assertThat(p.exitCode()).as(p.err()).isEqualTo(1);
            assertThat(targets).noneMatch(t -> t.endsWith("+B:VIMIN")); // kept from the first run
            assertThat(files(out)).singleElement();
            try (DataFileReader f = DataFiles.open(files(out).get(0))) {
                assertThat(f.keyAttributes("B:GONE").get("status")).startsWith("ERROR (every chunk failed");
            }
        }
    }

    @Test
    void grabEventsPublishesNothingWhenAnEventRequestFailedAndExitsWithOne() throws IOException {
        Path out = tmp.resolve("out");
        try (MockWebServer server = acl()) {
            String[] args = {"datalogger", "grab-events", "--url", server.url("/cgi-bin/acl.pl").toString(), "--maxEvt", "3",
                "--stopat", "2020-03-11 00:00:00", "--seconds", "10", "--draftdir", tmp.resolve("draft").toString(), "--outdir", out.toString()};
            Launcher.Run r = runops(args);
            assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
            assertThat(r.out()).containsPattern("Event02 +ERROR +0 samples").contains("no file written");
            assertThat(r.err()).contains("incomplete, nothing published", "Event02");
            assertThat(out).doesNotExist();

            String[] publish = java.util.Arrays.copyOf(args, args.length + 1);
            publish[args.length] = "--publish-incomplete";
            Launcher.Run p = runops(publish);
            assertThat(p.exitCode()).as(p.err()).isEqualTo(1);
            try (DataFileReader f = DataFiles.open(files(out).get(0))) {
                assertThat(f.keys()).containsExactly("Event02");
                assertThat(f.keyAttributes("Event02").get("status")).startsWith("ERROR (");
            }
        }
    }
}
