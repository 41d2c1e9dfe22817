package org.runops.dqm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A plain-HTTP {@link ArchiveSource} for the crawl tests, asking a {@code FakeDqmGui} the way the GUI is asked
 * (jsonfairy archive URL, stateless samples endpoint), until the real {@code DqmGuiClient} is wired in here.
 */
final class LoopbackArchive implements ArchiveSource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final OkHttpClient http = new OkHttpClient();
    private final HttpUrl base;

    LoopbackArchive(HttpUrl base) {
        this.base = base;
    }

    @Override
    public Optional<byte[]> archiveJson(long run, String dataset, String mePath) {
        HttpUrl url = base.newBuilder().addPathSegments("jsonfairy/archive/" + run + dataset + "/" + mePath.replaceFirst("^/", "")).build();
        byte[] body = get(url);
        try {
            JsonNode hist = JSON.readTree(body).path("hist");
            return hist.isTextual() && hist.asText().equals("unsupported type") ? Optional.empty() : Optional.of(body);
        } catch (IOException e) {
            throw new DqmException(url + ": not JSON: " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> datasetNames(long run) {
        HttpUrl url = base.newBuilder().addPathSegments("data/json/samples").addQueryParameter("match", ".*")
                .addQueryParameter("run", Long.toString(run)).build();
        try {
            List<String> names = new ArrayList<>();
            for (JsonNode sample : JSON.readTree(get(url)).path("samples")) {
                sample.path("items").forEach(i -> names.add(i.path("dataset").asText()));
            }
            return names;
        } catch (IOException e) {
            throw new DqmException(url + ": not JSON: " + e.getMessage(), e);
        }
    }

    private byte[] get(HttpUrl url) {
        try (Response r = http.newCall(new Request.Builder().url(url).build()).execute()) {
            if (r.code() != 200) {
                throw new DqmException(url + ": HTTP " + r.code() + ": " + r.body().string());
            }
            return r.body().bytes();
        } catch (IOException e) {
            throw new DqmException(url + ": " + e.getMessage(), e);
        }
    }
}
