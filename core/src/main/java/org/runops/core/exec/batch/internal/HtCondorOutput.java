package org.runops.core.exec.batch.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.runops.core.exec.batch.BatchException;
import org.runops.core.exec.batch.BatchRefusedException;
import org.runops.core.exec.batch.BatchJobState;
import org.runops.core.exec.batch.BatchJobState.Status;

/** Reads what {@code condor_submit} and {@code condor_q/condor_history -json} print. */
final class HtCondorOutput {
    /** The line condor_submit prints per cluster (printf {@code "%d job(s) submitted to cluster %d.\n"} in submit.cpp). */
    private static final Pattern SUBMITTED = Pattern.compile("^(\\d+) job\\(s\\) submitted to cluster (\\d+)\\.$",
            Pattern.MULTILINE);
    private static final ObjectMapper JSON = new ObjectMapper();

    private HtCondorOutput() {}

    /** What condor_submit reported: how many jobs, in which cluster. */
    record Submitted(int jobs, String cluster) {}

    /**
     * The {@code N job(s) submitted to cluster C.} line of a successful condor_submit.
     *
     * @throws BatchException when the call failed or printed no such line (with its error line)
     */
    static Submitted submitted(ToolRunner.Output out) {
        Matcher m = SUBMITTED.matcher(out.stdout().replace("\r", ""));
        if (out.exitCode() != 0) { // condor_submit queues in one transaction: an error aborts it whole
            throw new BatchRefusedException(out.describe() + " failed (exit code " + out.exitCode() + "): " + out.errorLine());
        }
        if (!m.find()) {
            throw new BatchException(out.describe() + " failed (exit code 0): " + out.errorLine()
                    + "; stdout had no 'N job(s) submitted to cluster C.' line: '" + ToolRunner.abbreviate(out.stdout()) + "'");
        }
        try {
            return new Submitted(Integer.parseInt(m.group(1)), m.group(2));
        } catch (NumberFormatException e) {
            throw new BatchException(out.describe() + " reported an impossible job count '" + m.group(1) + "'", e);
        }
    }

    /**
     * The states of the jobs in a {@code -json} answer, keyed by {@code <ClusterId>.<ProcId>}. Empty output
     * means no jobs (condor_q prints nothing then).
     *
     * @throws BatchException when the output is not an array of job ads with ClusterId, ProcId and JobStatus
     */
    static Map<String, BatchJobState> jobStates(ToolRunner.Output out) {
        Map<String, BatchJobState> states = new HashMap<>();
        if (out.stdout().isBlank()) {
            return states;
        }
        try {
            JsonNode ads = JSON.readTree(out.stdout());
            if (!ads.isArray()) {
                throw new BatchException("expected a JSON array of job ads");
            }
            for (JsonNode ad : ads) {
                String id = integer(ad, "ClusterId") + "." + integer(ad, "ProcId");
                states.put(id, state(id, ad));
            }
            return states;
        } catch (JsonProcessingException e) {
            throw unreadable(out, e.getOriginalMessage(), e);
        } catch (BatchException e) {
            throw unreadable(out, e.getMessage(), e);
        }
    }

    private static BatchException unreadable(ToolRunner.Output out, String why, Exception cause) {
        return new BatchException(out.describe() + " printed no readable job ads (" + why + "): '"
                + ToolRunner.abbreviate(out.stdout()) + "'", cause);
    }

    /**
     * One job ad's state. JobStatus 1 idle, 5 held and 7 suspended are QUEUED (a held job stays in the queue
     * and may be released, so it is not final; the hold reason is the detail), 2 running and 6 transferring
     * output RUNNING, 3 removed CANCELLED, 4 completed COMPLETED on exit code 0 and FAILED otherwise.
     *
     * @throws BatchException for another JobStatus (e.g. of a later HTCondor): such a job may well be running, so
     *                        its state is undecided, never UNKNOWN (which would let it be resubmitted)
     */
    static BatchJobState state(String id, JsonNode ad) {
        int status = integer(ad, "JobStatus");
        return switch (status) {
            case 1 -> BatchJobState.of(id, Status.QUEUED);
            case 2 -> BatchJobState.of(id, Status.RUNNING);
            case 3 -> new BatchJobState(id, Status.CANCELLED, OptionalInt.empty(), "removed" + reason(ad, "RemoveReason"));
            case 4 -> completed(id, ad);
            case 5 -> new BatchJobState(id, Status.QUEUED, OptionalInt.empty(), "held" + reason(ad, "HoldReason"));
            case 6 -> new BatchJobState(id, Status.RUNNING, OptionalInt.empty(), "transferring output");
            case 7 -> new BatchJobState(id, Status.QUEUED, OptionalInt.empty(), "suspended");
            default -> throw new BatchException("HTCondor job " + id + " has JobStatus " + status
                    + ", a status runops does not know; its state is undecided");
        };
    }

    private static BatchJobState completed(String id, JsonNode ad) {
        if (ad.path("ExitBySignal").asBoolean(false)) {
            return new BatchJobState(id, Status.FAILED, OptionalInt.empty(),
                    "killed by signal " + ad.path("ExitSignal").asText("?"));
        }
        if (!ad.path("ExitCode").canConvertToInt()) {
            return new BatchJobState(id, Status.FAILED, OptionalInt.empty(), "completed without an ExitCode");
        }
        int code = ad.path("ExitCode").intValue();
        return code == 0 ? new BatchJobState(id, Status.COMPLETED, OptionalInt.of(0), "")
                : new BatchJobState(id, Status.FAILED, OptionalInt.of(code), "exit code " + code);
    }

    private static String reason(JsonNode ad, String attribute) {
        String text = ad.path(attribute).asText("");
        return text.isEmpty() ? "" : ": " + text;
    }

    private static int integer(JsonNode ad, String attribute) {
        JsonNode n = ad.path(attribute);
        if (!n.isInt()) {
            throw new BatchException("job ad without integer " + attribute + ": " + ad);
        }
        return n.intValue();
    }
}
