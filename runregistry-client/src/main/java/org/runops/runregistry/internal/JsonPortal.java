package org.runops.runregistry.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Consumer;
import org.runops.core.Durations;
import org.runops.core.http.HttpException;
import org.runops.core.http.HttpFetcher;
import org.runops.core.http.Sleeper;
import org.runops.runregistry.GoldenJson;
import org.runops.runregistry.JobProgress;
import org.runops.runregistry.JsonPortalOptions;
import org.runops.runregistry.RunRegistryException;

/**
 * The JSON portal (rrb controllers/queue_json_creation.js; rrc {@code create_json}): submit
 * {@code json_portal/generate {json_logic, dataset_name_filter}} once, then poll {@code json_portal/json {id_json}}:
 * 200 done ({@code final_json.generated_json}), 202 running ({@code progress}), 203 queued, 500 failed. Waits go
 * through the injected sleeper, time through the injected clock; the whole job ends by the options' deadline. Polls are
 * not retried with backoff: a 500 fails the job at once, and up to three transient failures in a row wait for the next poll.
 */
public final class JsonPortal {
    static final String GENERATE = "json_portal/generate";
    static final String POLL = "json_portal/json";
    /** Poll failures that may pass (no answer, overload, a proxy in between), tolerated this many times in a row. */
    private static final Set<Integer> TRANSIENT = Set.of(0, 429, 502, 503, 504);
    private static final int MAX_POLL_FAILURES = 3;

    private final RrHttp http;
    private final Clock clock;
    private final Sleeper sleeper;

    public JsonPortal(RrHttp http, Clock clock, Sleeper sleeper) {
        this.http = http;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    public GoldenJson generate(String jsonLogic, String datasetNameFilter, JsonPortalOptions options, Consumer<JobProgress> progress) {
        requireLogic(jsonLogic);
        if (datasetNameFilter == null || datasetNameFilter.isBlank()) {
            throw new IllegalArgumentException("dataset name filter (SQL SIMILAR TO, e.g. /PromptReco/Collisions2018_/DQM) must not be blank");
        }
        Instant started = clock.instant();
        Instant deadline = started.plus(options.deadline());
        ObjectNode request = RrJson.MAPPER.createObjectNode();
        request.put("json_logic", jsonLogic); // the server takes the logic as a JSON string, as the Python client sends it
        request.put("dataset_name_filter", datasetNameFilter);
        JsonNode submitted = http.json(http.postOnce(GENERATE, request, left(deadline, started, options, "submitting", null)), GENERATE);
        JsonNode idNode = submitted.get("id");
        if (idNode == null || !idNode.isValueNode() || idNode.isNull() || idNode.asText().isBlank()) {
            throw new RunRegistryException("Run Registry " + http.url(GENERATE) + ": expected a job {\"id\": ...}, got "
                    + RrRecords.describe(submitted));
        }
        String id = idNode.asText();
        ObjectNode poll = RrJson.MAPPER.createObjectNode();
        poll.set("id_json", idNode);
        JobProgress.State last = JobProgress.State.QUEUED;
        int failures = 0;
        while (true) {
            HttpFetcher.Answer answer = null;
            Duration left = left(deadline, started, options, "polling", id);
            try {
                answer = http.postNoRetry(POLL, poll, left); // polled again after the interval anyway: no backoff retries
                failures = 0;
            } catch (RunRegistryException e) {
                int status = e.getCause() instanceof HttpException h ? h.status() : -1;
                if (status == 500) { // the portal's answer for a failed job
                    throw new RunRegistryException("JSON portal job " + id + " failed: " + e.getMessage(), e.serverMessage(), e);
                }
                if (!TRANSIENT.contains(status) || ++failures > MAX_POLL_FAILURES) {
                    throw new RunRegistryException("JSON portal job " + id + " could not be polled (" + failures + " failure"
                            + (failures == 1 ? "" : "s") + " in a row): " + e.getMessage(), e.serverMessage(), e);
                }
            }
            Duration elapsed = Duration.between(started, clock.instant());
            switch (answer == null ? 0 : answer.status()) {
                case 0 -> { } // a transient poll failure: ask again after the interval
                case 200 -> {
                    GoldenJson golden = result(http.json(answer, POLL), id);
                    progress.accept(new JobProgress(id, JobProgress.State.DONE, OptionalDouble.of(1), elapsed));
                    return golden;
                }
                case 202 -> {
                    last = JobProgress.State.RUNNING;
                    progress.accept(new JobProgress(id, last, fraction(answer), elapsed));
                }
                case 203 -> {
                    last = JobProgress.State.QUEUED;
                    progress.accept(new JobProgress(id, last, OptionalDouble.empty(), elapsed));
                }
                default -> throw new RunRegistryException("Run Registry " + http.url(POLL) + ": job " + id + " answered HTTP "
                        + answer.status() + " (expected 200 done, 202 running or 203 queued)");
            }
            if (!clock.instant().plus(options.pollInterval()).isBefore(deadline)) { // the next poll would come too late
                throw new RunRegistryException("JSON portal job " + id + " did not finish within " + Durations.describe(options.deadline())
                        + " (last seen " + last.name().toLowerCase(java.util.Locale.ROOT) + "); it may still finish on the server");
            }
            try {
                sleeper.sleep(options.pollInterval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RunRegistryException("interrupted while waiting for JSON portal job " + id, e);
            }
        }
    }

    private Duration left(Instant deadline, Instant started, JsonPortalOptions options, String doing, String id) {
        Duration left = Duration.between(clock.instant(), deadline);
        if (left.isNegative() || left.isZero()) {
            throw new RunRegistryException("JSON portal job " + (id == null ? "" : id + " ") + "ran out of time while " + doing
                    + " (deadline " + Durations.describe(options.deadline()) + " after " + started + ")");
        }
        return left;
    }

    /** {@code final_json.generated_json}: an object, or that object as a JSON string. */
    private GoldenJson result(JsonNode answer, String id) {
        String where = "Run Registry " + http.url(POLL) + " job " + id;
        JsonNode finalJson = answer.path("final_json");
        if (finalJson.isTextual()) {
            finalJson = RrJson.tree(finalJson.asText().getBytes(java.nio.charset.StandardCharsets.UTF_8), where + " final_json");
        }
        JsonNode generated = finalJson.path("generated_json");
        if (!generated.isObject()) {
            throw new RunRegistryException(where + ": expected final_json.generated_json {\"<run>\": [[first, last], ...]}, got "
                    + RrRecords.describe(generated.isMissingNode() ? null : generated));
        }
        return GoldenJsonFormat.parse(generated, where + " final_json.generated_json");
    }

    private static OptionalDouble fraction(HttpFetcher.Answer answer) {
        try {
            JsonNode p = RrJson.MAPPER.readTree(answer.body()).path("progress");
            return p.isNumber() ? OptionalDouble.of(p.asDouble()) : OptionalDouble.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalDouble.empty(); // progress is only shown, never decided on
        }
    }

    private static void requireLogic(String jsonLogic) {
        JsonNode logic;
        try {
            logic = jsonLogic == null ? null : RrJson.MAPPER.readTree(jsonLogic);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("json_logic is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (logic == null || !logic.isObject()) {
            throw new IllegalArgumentException("json_logic must be a JSON object such as {\"and\": [...]}, got " + jsonLogic);
        }
    }
}
