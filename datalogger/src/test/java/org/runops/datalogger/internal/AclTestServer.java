package org.runops.datalogger.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.runops.core.http.RetryPolicy;
import org.runops.datalogger.AclClient;

/** A loopback ACL CGI: answers chosen per request by a function, every raw request target recorded. */
final class AclTestServer implements AutoCloseable {
    final MockWebServer server = new MockWebServer();
    final List<String> targets = new CopyOnWriteArrayList<>();

    AclTestServer(Function<RecordedRequest, MockResponse> answer) throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                targets.add(request.getTarget());
                return answer.apply(request);
            }
        });
        server.start();
    }

    String url() {
        return server.url("/cgi-bin/acl.pl").toString();
    }

    /** The builder of a client of this server: 5 s per call, commands retried 3 times without waiting. */
    AclClient.Builder client() {
        return AclClient.builder(url()).callTimeout(Duration.ofSeconds(5))
                .commandRetry(new RetryPolicy(3, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO));
    }

    /** The raw request target of an ACL command, as it must appear on the wire. */
    static String target(String command) {
        return "/cgi-bin/acl.pl?acl=" + command;
    }

    static MockResponse text(String body) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html").body(body).build();
    }

    static MockResponse status(int code) {
        return new MockResponse.Builder().code(code).body("<html><title>Server Error</title></html>").build();
    }

    @Override
    public void close() {
        server.close();
    }
}
