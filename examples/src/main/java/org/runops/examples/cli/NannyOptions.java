package org.runops.examples.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * What names and places the data nanny's chunk files, shared by {@code nanny}, {@code nanny-day} and
 * {@code backfill} (whose jobs run {@code nanny-day} with the same options): a picocli mixin.
 */
final class NannyOptions {
    @Option(names = "--paramfile", defaultValue = "ParamList.txt", paramLabel = "FILE", description = "Parameter list (default: ${DEFAULT-VALUE}).")
    private Path paramFile;

    @Option(names = "--duration", defaultValue = "1h", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Chunk length; nanny-day and backfill need one that divides 24 h (default: ${DEFAULT-VALUE}).")
    private Duration duration;

    @Option(names = "--list-version", defaultValue = "1.0.0", paramLabel = "V",
            description = "Request-list version in the file names, dots become underscores (default: ${DEFAULT-VALUE}).")
    private String listVersion;

    @Option(names = "--outdir", required = true, paramLabel = "DIR", description = "Archive folder (YYYYMM/DD/ below it).")
    private Path outDir;

    @Option(names = "--draftdir", paramLabel = "DIR",
            description = "Folder chunks are built in (default: the current folder; for backfill, the state folder's drafts/).")
    private Path draftDir;

    Path paramFile() {
        return paramFile;
    }

    Duration duration() {
        return duration;
    }

    String listVersion() {
        return listVersion;
    }

    Path outDir() {
        return outDir;
    }

    /** The draft folder given, or {@code otherwise}. */
    Path draftDir(Path otherwise) {
        return draftDir != null ? draftDir : otherwise;
    }

    /** These options as arguments for another runops command run elsewhere (a batch job): every folder absolute. */
    List<String> args(Path defaultDraftDir) {
        return List.of("--paramfile", paramFile.toAbsolutePath().toString(), "--duration", duration.toString(), "--list-version", listVersion,
                "--outdir", outDir.toAbsolutePath().toString(), "--draftdir", draftDir(defaultDraftDir).toAbsolutePath().toString());
    }
}
