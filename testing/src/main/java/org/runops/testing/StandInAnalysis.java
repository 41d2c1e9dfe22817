package org.runops.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A shell script that stands in for the SiStrip analysis ({@code run_analysis_CC7.sh RUN HWUPLOAD
 * ANALYSISUPLOAD PARTITION ...}) and is run as a real process: it puts a prepared EDM file
 * ({@code <prepared>/run<N>.root}, exit 2 when there is none) into the run's fff folder, writes the
 * client and source files the real analysis writes into its working directory, and can upload an
 * ANALYSIS row through H2's shell, as the real one uploads to the analysis database.
 *
 * <pre>{@code
 * Path script = StandInAnalysis.create(prepared, storage).upload(dbUrl, classPath, "PEDESTALS").write(dir.resolve("standin.sh"));
 * config.withAnalysisCommand(StandInAnalysis.command(script), Duration.ofMinutes(2));
 * }</pre>
 */
public final class StandInAnalysis {
    private final Path prepared;
    private final Path storage;
    private Path callLog;
    private boolean partitionInNames;
    private String dbUrl;
    private String classPath;
    private String analysisType;
    private java.time.Duration duration = java.time.Duration.ZERO;

    private StandInAnalysis(Path prepared, Path storage) {
        this.prepared = prepared.toAbsolutePath();
        this.storage = storage.toAbsolutePath();
    }

    /** Copies {@code prepared/run<N>.root} into {@code storage/run<NNNNNN>/}. */
    public static StandInAnalysis create(Path prepared, Path storage) {
        return new StandInAnalysis(Objects.requireNonNull(prepared, "prepared"), Objects.requireNonNull(storage, "storage"));
    }

    /** The command template the strip job runs, with the original's fixed arguments. */
    public static String command(Path script) {
        return "sh " + script.toAbsolutePath() + " {run} False True {partition} False False True True";
    }

    /** Appends {@code "<run> <partition>"} to this file on every call, so tests can see what was run. */
    public StandInAnalysis callLog(Path file) {
        this.callLog = file.toAbsolutePath();
        return this;
    }

    /** Works this long (a {@code sleep}) before making its outputs, as a real analysis takes its time. */
    public StandInAnalysis duration(java.time.Duration work) {
        this.duration = Objects.requireNonNull(work, "work");
        return this;
    }

    /**
     * Names the client and source files with the partition, as the real analysis does in scope mode
     * (DAQ_SCOPE_MODE); otherwise they carry the run only.
     */
    public StandInAnalysis partitionInFileNames(boolean withPartition) {
        this.partitionInNames = withPartition;
        return this;
    }

    /**
     * Uploads one ANALYSIS row per call (id {@code run * 10 + partition id}) to this H2 database, with
     * H2's shell from {@code classPath} (entries made absolute: the script runs in the output folder).
     */
    public StandInAnalysis upload(String h2Url, String classPath, String analysisType) {
        this.dbUrl = Objects.requireNonNull(h2Url, "h2Url");
        this.classPath = Arrays.stream(classPath.split(File.pathSeparator))
                .map(e -> Path.of(e).toAbsolutePath().toString()).collect(Collectors.joining(File.pathSeparator));
        this.analysisType = Objects.requireNonNull(analysisType, "analysisType");
        return this;
    }

    /** Writes the script and returns its path. */
    public Path write(Path script) {
        String part = partitionInNames ? "${part}_" : "";
        StringBuilder s = new StringBuilder()
                .append("#!/bin/sh\n")
                .append("# runops stand-in for run_analysis_CC7.sh RUN HWUPLOAD ANALYSISUPLOAD PARTITION ...\n")
                .append("run=$1; part=$4\n")
                .append("echo \"stand-in analysis of run $run partition $part\"\n");
        if (callLog != null) {
            s.append("echo \"$run $part\" >> '").append(callLog).append("'\n");
        }
        if (!duration.isZero()) {
            s.append(String.format(java.util.Locale.ROOT, "sleep %.3f\n", duration.toMillis() / 1000.0));
        }
        s.append("[ -f '").append(prepared).append("'/run$run.root ] || { echo 'no EDM could be made' >&2; exit 2; }\n")
                .append("cp '").append(prepared).append("'/run$run.root '").append(storage)
                .append("'/run$(printf %06d $run)/run$run.root\n")
                .append("touch SiStripCommissioningClient_").append(part).append("$(printf %08d $run).root")
                .append(" SiStripCommissioningSource_").append(part).append("$(printf %08d $run)_010.176.028.104_01234.root\n");
        if (dbUrl != null) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            s.append("'").append(java).append("' -cp '").append(classPath).append("' org.h2.tools.Shell -url '").append(dbUrl)
                    .append("' -sql \"insert into ANALYSIS (ANALYSISID, RUNNUMBER, PARTITIONID, ANALYSISTYPE, VERSIONMAJORID, VERSIONMINORID)")
                    .append(" select $run * 10 + PARTITIONID, $run, PARTITIONID, '").append(analysisType)
                    .append("', 1, 0 from PARTITION where PARTITIONNAME = '$part'\"\n");
        }
        try {
            return Files.writeString(script, s.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the stand-in analysis " + script, e);
        }
    }
}
