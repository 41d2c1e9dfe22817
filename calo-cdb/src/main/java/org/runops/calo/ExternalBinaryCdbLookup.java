package org.runops.calo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.runops.calo.internal.FilterDatasetsFiles;
import org.runops.core.exec.ExecException;
import org.runops.core.exec.ProcessResult;
import org.runops.core.exec.ProcessRunner;
import org.runops.core.exec.ProcessSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link CdbLookup#externalBinary}: the {@code CaloCDB-FilterDatasets} contract (spec §1.5). Writes
 * {@code <outdir>/<stem>.csv} (header {@code runnumber,tag}), runs {@code <binary> <csv> <outdir>} (no shell)
 * with a timeout, logs its stdout at DEBUG and its stderr at ERROR, and reads {@code <outdir>/<stem>-process.csv}.
 * A run listed there needs maps — every calibration is {@link CalibrationVerdict.Kind#NEEDED}, since the binary
 * does not say which — and a run not listed is up to date. Unlike the original, a non-zero exit, a timeout, a
 * missing or malformed answer, or a listed run that was not asked for fails the check with a
 * {@link CaloException}: an answer the binary did not finish is not an answer. The binary checks its own
 * calibration list; the one given to {@link #check} only names the verdicts. Its output stays in
 * {@code <outdir>/<stem>-filter-datasets.log} and {@code .err}.
 */
public final class ExternalBinaryCdbLookup implements CdbLookup {
    private static final Logger LOG = LoggerFactory.getLogger(ExternalBinaryCdbLookup.class);
    private static final Pattern STEM = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");
    public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(1);

    private final Path binary;
    private final Path outputDirectory;
    private final String stem;
    private final Duration timeout;
    private final ProcessRunner runner;

    private ExternalBinaryCdbLookup(Builder b) {
        this.binary = b.binary;
        this.outputDirectory = b.outputDirectory;
        this.stem = b.stem;
        this.timeout = b.timeout;
        this.runner = b.runner;
    }

    /** A builder for {@code binary} (e.g. {@code $OFFLINE_MAIN/bin/CaloCDB-FilterDatasets}) writing into {@code outputDirectory}. */
    public static Builder builder(Path binary, Path outputDirectory) {
        return new Builder(binary, outputDirectory);
    }

    @Override
    public List<RunCdbState> check(List<RunTag> runs, List<CalibrationSpec> calibrations) {
        List<RunTag> asked = List.copyOf(runs);
        List<CalibrationSpec> specs = List.copyOf(calibrations);
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("no calibrations to check");
        }
        if (asked.isEmpty()) {
            return List.of();
        }
        if (!Files.isRegularFile(binary) || !Files.isExecutable(binary)) {
            throw new CaloException("FilterDatasets binary " + binary + " is not an executable file");
        }
        Path csv = outputDirectory.resolve(stem + ".csv");
        Path answer = outputDirectory.resolve(FilterDatasetsFiles.processFileName(stem));
        Path log = outputDirectory.resolve(stem + "-filter-datasets.log");
        Path err = outputDirectory.resolve(stem + "-filter-datasets.err");
        try {
            Files.createDirectories(outputDirectory);
            // yesterday's answer must never pass for today's
            for (Path stale : List.of(answer, log, err)) {
                Files.deleteIfExists(stale);
            }
        } catch (IOException e) {
            throw new CaloException("cannot prepare " + outputDirectory + " for " + binary + ": " + e.getMessage(), e);
        }
        FilterDatasetsFiles.writeRuns(csv, asked);
        ProcessSpec spec = ProcessSpec.of(List.of(binary.toString(), csv.toString(), outputDirectory.toString()),
                outputDirectory, timeout, log);
        LOG.info("Executing command: '{}'", String.join(" ", spec.command()));
        ProcessResult result;
        try {
            result = runner.run(spec, err);
        } catch (ExecException e) {
            throw new CaloException(e.getMessage(), e);
        }
        logOutput(log, err);
        LOG.info("{}", result.summary());
        if (!result.succeeded()) {
            throw new CaloException(result.summary() + "; its answer " + answer + " is not used" + stderrTail(err));
        }
        if (!Files.isRegularFile(answer)) {
            throw new CaloException(binary + " exited 0 but wrote no " + answer);
        }
        Set<Long> needed = new HashSet<>(FilterDatasetsFiles.readProcessRuns(answer));
        Set<Long> known = new HashSet<>();
        asked.forEach(r -> known.add(r.run()));
        needed.stream().filter(r -> !known.contains(r)).findFirst().ifPresent(r -> {
            throw new CaloException(answer + " lists run " + r + ", which was not in " + csv);
        });
        return asked.stream().map(r -> state(r, specs, needed.contains(r.run()), answer)).toList();
    }

    private static RunCdbState state(RunTag r, List<CalibrationSpec> specs, boolean listed, Path answer) {
        CalibrationVerdict v = listed
                ? new CalibrationVerdict(CalibrationVerdict.Kind.NEEDED, Optional.empty(), "listed in " + answer
                        + " (the binary does not say which calibration)")
                : new CalibrationVerdict(CalibrationVerdict.Kind.UP_TO_DATE, Optional.empty(), "not listed in " + answer);
        Map<String, CalibrationVerdict> verdicts = new LinkedHashMap<>();
        specs.forEach(s -> verdicts.put(s.payloadType(), v));
        return RunCdbState.decided(r, verdicts);
    }

    private static void logOutput(Path log, Path err) {
        lines(log).forEach(l -> LOG.debug("{}", l));
        lines(err).forEach(l -> LOG.error("{}", l));
    }

    private static String stderrTail(Path err) {
        List<String> lines = lines(err);
        return lines.isEmpty() ? "" : "; stderr ends: " + String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    }

    private static List<String> lines(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            LOG.warn("cannot read {}: {}", file, e.getMessage());
            return List.of();
        }
    }

    @Override
    public String describe() {
        return "external binary " + binary + " in " + outputDirectory + " (" + stem + ".csv)";
    }

    @Override
    public void close() {
        // nothing held between checks
    }

    /** Builds an {@link ExternalBinaryCdbLookup}. */
    public static final class Builder {
        private final Path binary;
        private final Path outputDirectory;
        private String stem;
        private Duration timeout = DEFAULT_TIMEOUT;
        private ProcessRunner runner = ProcessRunner.create();

        private Builder(Path binary, Path outputDirectory) {
            this.binary = Objects.requireNonNull(binary, "binary").toAbsolutePath();
            this.outputDirectory = Objects.requireNonNull(outputDirectory, "outputDirectory").toAbsolutePath();
        }

        /** The input CSV's name without {@code .csv}: the run type, e.g. {@code run3auau} (required). */
        public Builder csvStem(String name) {
            Objects.requireNonNull(name, "name");
            if (!STEM.matcher(name).matches()) {
                throw new IllegalArgumentException("CSV stem must be letters, digits, '_', '.' or '-', got '" + name + "'");
            }
            this.stem = name;
            return this;
        }

        /** The longest the binary may run (default 1 h); then its process tree is stopped and the check fails. */
        public Builder timeout(Duration t) {
            Objects.requireNonNull(t, "timeout");
            if (t.isNegative() || t.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, got " + t);
            }
            this.timeout = t;
            return this;
        }

        public Builder processRunner(ProcessRunner r) {
            this.runner = Objects.requireNonNull(r, "runner");
            return this;
        }

        public ExternalBinaryCdbLookup build() {
            if (stem == null) {
                throw new IllegalStateException("an external-binary CDB lookup needs csvStem(...): the run type, e.g. run3auau");
            }
            return new ExternalBinaryCdbLookup(this);
        }
    }
}
