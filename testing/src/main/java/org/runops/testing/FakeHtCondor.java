package org.runops.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Stand-in {@code condor_submit}, {@code condor_q} and {@code condor_history} executables (shell scripts in
 * {@link #binDirectory()}), for testing an HTCondor client where no pool exists.
 *
 * <p>{@code condor_submit} insists on the call runProd.py makes: {@code condor_submit <file>.sub -queue
 * "input_run from jobs.list"} (the {@code -queue} argument last), a submit file without a {@code queue} line
 * that sets {@code executable}, {@code log}, {@code output}, {@code error} and {@code request_memory} (a
 * number with MB or GB), a log directory that exists, and a non-empty {@code jobs.list} in its working
 * directory. Anything else is refused as the real one refuses: {@code ERROR: ...} on stderr, exit code 1.
 * Accepted, it keeps a copy of the submit file ({@link #submittedFiles()}) and prints the real success
 * output ({@code Submitting job(s)...} and {@code N job(s) submitted to cluster C.}, one job per line of
 * {@code jobs.list}, clusters counting up from {@link #firstCluster(long)}). {@code condor_q} and
 * {@code condor_history} require {@code -json} and print what the test set with {@link #queue(String)} and
 * {@link #history(String)} (nothing by default, as the real ones print nothing when no job matches).
 * Every call is recorded ({@link #calls()}).
 *
 * <pre>{@code
 * FakeHtCondor condor = FakeHtCondor.install(dir).firstCluster(4711);
 * BatchSystem batch = BatchSystem.htcondor(BatchTools.onPath().inDirectory(condor.binDirectory()));
 * condor.history(FakeHtCondor.ads(FakeHtCondor.completed(4711, 0, 0)));
 * }</pre>
 */
public final class FakeHtCondor {
    private static final String SUBMIT = """
            #!/bin/sh
            # Stand-in condor_submit (runops FakeHtCondor).
            state='%1$s'
            printf 'condor_submit cwd=%%s' "$(pwd)" >> "$state/calls.log"; printf ' [%%s]' "$@" >> "$state/calls.log"; echo >> "$state/calls.log"
            fail() { echo "ERROR: $*" >&2; exit 1; }
            mode=$(cat "$state/submit.mode")
            case "$mode" in
              hang) sleep 600; exit 1 ;;
              fail) cat "$state/submit.stderr" >&2; exit 1 ;;
            esac
            [ $# -eq 3 ] || fail "expected <file>.sub -queue \\"input_run from jobs.list\\", got $# argument(s): $*"
            [ "$2" = -queue ] || fail "expected -queue as second argument, got '$2'"
            [ "$3" = "input_run from jobs.list" ] || fail "expected -queue \\"input_run from jobs.list\\", got '$3'"
            [ -f "$1" ] || fail "Can't open \\"$1\\"  with flags 00 (No such file or directory)"
            grep -qiE '^[[:space:]]*queue([[:space:]]|$)' "$1" && fail "-queue argument given, but $1 has a queue statement"
            for key in executable log output error request_memory; do
              grep -qiE "^$key[[:space:]]*=" "$1" || fail "$1 sets no $key"
            done
            grep -qiE '^request_memory[[:space:]]*=[[:space:]]*[0-9.]+(MB|GB)$' "$1" || fail "request_memory is not <n>MB or <n>GB in $1"
            log=$(sed -n 's/^log[[:space:]]*=[[:space:]]*//p' "$1")
            [ -d "$(dirname "$log")" ] || fail "cannot open the user log $log: its directory does not exist"
            [ -s jobs.list ] || fail "Can't open \\"jobs.list\\" in $(pwd) for the queue items"
            n=$(grep -c . jobs.list)
            cluster=$(cat "$state/next_cluster")
            echo $((cluster + 1)) > "$state/next_cluster"
            cp "$1" "$state/submitted/$cluster.sub"
            if [ "$mode" = print ]; then cat "$state/submit.stdout"; exit 0; fi
            dots=$(printf '%%*s' "$n" '' | tr ' ' .)
            echo "Submitting job(s)$dots"
            echo "$n job(s) submitted to cluster $cluster."
            """;
    private static final String QUERY = """
            #!/bin/sh
            # Stand-in %2$s (runops FakeHtCondor).
            state='%1$s'
            printf '%2$s' >> "$state/calls.log"; printf ' [%%s]' "$@" >> "$state/calls.log"; echo >> "$state/calls.log"
            case " $* " in *" -json "*) ;; *) echo "ERROR: this stand-in answers -json only" >&2; exit 1 ;; esac
            if [ -f "$state/%2$s.stderr" ]; then cat "$state/%2$s.stderr" >&2; exit 1; fi
            if [ -f "$state/%2$s.json" ]; then cat "$state/%2$s.json"; fi
            exit 0
            """;

    private final Path bin;
    private final Path state;

    private FakeHtCondor(Path dir) {
        this.bin = dir.resolve("bin");
        this.state = dir.resolve("state");
    }

    /** Writes the executables into {@code dir/bin} and their state into {@code dir/state}. */
    public static FakeHtCondor install(Path dir) throws IOException {
        FakeHtCondor fake = new FakeHtCondor(dir.toAbsolutePath());
        Files.createDirectories(fake.bin);
        Files.createDirectories(fake.state.resolve("submitted"));
        fake.script("condor_submit", String.format(SUBMIT, fake.state));
        for (String tool : List.of("condor_q", "condor_history")) {
            fake.script(tool, String.format(QUERY, fake.state, tool));
        }
        fake.put("submit.mode", "ok");
        return fake.firstCluster(1);
    }

    /** Where {@code condor_submit}, {@code condor_q} and {@code condor_history} are. */
    public Path binDirectory() {
        return bin;
    }

    /** The cluster id of the next accepted submission (each one counts up). */
    public FakeHtCondor firstCluster(long cluster) throws IOException {
        put("next_cluster", Long.toString(cluster));
        return this;
    }

    /** From now on condor_submit prints {@code stderr} (e.g. an {@code ERROR: ...} line) and exits 1. */
    public void submitFails(String stderr) throws IOException {
        put("submit.stderr", stderr);
        put("submit.mode", "fail");
    }

    /** From now on condor_submit checks and records as usual but prints {@code stdout} instead of its report. */
    public void submitPrints(String stdout) throws IOException {
        put("submit.stdout", stdout);
        put("submit.mode", "print");
    }

    /** From now on condor_submit never answers (sleeps ten minutes), like a schedd that does not respond. */
    public void submitHangs() throws IOException {
        put("submit.mode", "hang");
    }

    /** What condor_q prints from now on (e.g. {@link #ads}); {@code ""} for an empty queue. */
    public void queue(String json) throws IOException {
        put("condor_q.json", json);
    }

    /** What condor_history prints from now on. */
    public void history(String json) throws IOException {
        put("condor_history.json", json);
    }

    /** From now on {@code tool} (condor_q or condor_history) prints {@code stderr} and exits 1. */
    public void queryFails(String tool, String stderr) throws IOException {
        put(tool + ".stderr", stderr);
    }

    /** Every call so far, one line each: {@code condor_submit cwd=<dir> [arg] [arg]...}, {@code condor_q [arg]...}. */
    public List<String> calls() throws IOException {
        Path log = state.resolve("calls.log");
        return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
    }

    /** Copies of the submit files condor_submit accepted, oldest first. */
    public List<Path> submittedFiles() throws IOException {
        try (Stream<Path> files = Files.list(state.resolve("submitted"))) {
            return files.sorted((a, b) -> Long.compare(cluster(a), cluster(b))).toList();
        }
    }

    /** A {@code -json} answer: the ads as a JSON array, laid out as HTCondor prints it. */
    public static String ads(String... ads) {
        return Stream.of(ads).collect(Collectors.joining("\n,\n", "[\n", "\n]\n"));
    }

    /** The ad of a job in the queue with this JobStatus (1 idle, 2 running, 5 held, ...). */
    public static String queued(long cluster, int proc, int jobStatus) {
        return ad(cluster, proc, jobStatus, "");
    }

    /** The ad of a held job (JobStatus 5). */
    public static String held(long cluster, int proc, String holdReason) {
        return ad(cluster, proc, 5, ",\n  \"HoldReason\": \"" + holdReason.replace("\"", "\\\"") + "\"");
    }

    /** The ad of a job that completed (JobStatus 4) with this exit code. */
    public static String completed(long cluster, int proc, int exitCode) {
        return ad(cluster, proc, 4, ",\n  \"ExitBySignal\": false,\n  \"ExitCode\": " + exitCode);
    }

    /** The ad of a removed job (JobStatus 3). */
    public static String removed(long cluster, int proc, String removeReason) {
        return ad(cluster, proc, 3, ",\n  \"RemoveReason\": \"" + removeReason.replace("\"", "\\\"") + "\"");
    }

    private static String ad(long cluster, int proc, int jobStatus, String more) {
        return "{\n  \"ClusterId\": " + cluster + ",\n  \"JobStatus\": " + jobStatus + ",\n  \"ProcId\": " + proc + more + "\n}";
    }

    private static long cluster(Path submitted) {
        String name = submitted.getFileName().toString();
        return Long.parseLong(name.substring(0, name.indexOf('.')));
    }

    private void script(String name, String body) throws IOException {
        Path p = bin.resolve(name);
        Files.writeString(p, body, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private void put(String file, String content) throws IOException {
        Files.writeString(state.resolve(Objects.requireNonNull(file)), content, StandardCharsets.UTF_8);
    }
}
