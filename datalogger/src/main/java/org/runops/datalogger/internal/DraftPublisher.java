package org.runops.datalogger.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.runops.core.RegularFiles;
import org.runops.datalogger.DataFileHeader;
import org.runops.datalogger.DataFileReader;
import org.runops.datalogger.DataFiles;
import org.runops.datalogger.DataLoggerException;
import org.runops.datalogger.FetchStatus;
import org.runops.datalogger.GrabListener;
import org.runops.datalogger.GrabResult;
import org.runops.datalogger.StoredSeries;

/**
 * The grab jobs' last steps, shared: write the draft (atomically, so a draft on disk is always whole),
 * publish it to the output folder, and on a rerun find the draft a killed run left for the same window.
 */
public final class DraftPublisher {
    private DraftPublisher() {}

    /** Writes {@code series} as a draft named {@code name} in {@code draftDir} (HDF5, or CSV when the name ends in .csv) and publishes it to {@code outDir}. */
    public static Path writeAndPublish(Path draftDir, Path outDir, String name, DataFileHeader header, List<StoredSeries> series,
            GrabListener listener) {
        Path draft = draftDir.resolve(name);
        if (name.endsWith(".csv")) {
            DataFiles.writeCsv(draft, header, series);
        } else {
            DataFiles.writeHdf5(draft, header, series);
        }
        listener.draftWritten(draft);
        return publish(draft, outDir, listener);
    }

    public static Path publish(Path draft, Path outDir, GrabListener listener) {
        Path target = outDir.resolve(draft.getFileName());
        if (!draft.toAbsolutePath().normalize().equals(target.toAbsolutePath().normalize())) {
            Publishing.publish(draft, target);
        }
        listener.published(target);
        return target;
    }

    /**
     * A whole draft left in {@code draftDir} by an earlier run for the same data as {@code name}: the same
     * name but for the creation time after the first {@code _} ({@code MLParamData_<time>_From_...}),
     * newest first; unreadable leftovers are ignored.
     */
    public static Optional<Path> leftoverDraft(Path draftDir, String name) {
        String prefix = name.substring(0, name.indexOf('_') + 1);
        String suffix = name.substring(name.indexOf("_From_"));
        if (!Files.isDirectory(draftDir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(draftDir)) {
            List<Path> candidates = new ArrayList<>(files.filter(f -> {
                String n = f.getFileName().toString();
                return n.startsWith(prefix) && n.endsWith(suffix) && Files.isRegularFile(f);
            }).toList());
            candidates.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
            // drafts are written atomically: one that does not open is someone else's, leave it
            return candidates.stream().filter(DraftPublisher::isWhole).findFirst();
        } catch (IOException e) {
            throw new DataLoggerException("cannot list draft folder " + draftDir + ": " + RegularFiles.reason(e), e);
        }
    }

    /** Whether {@code file} opens as a data file. */
    public static boolean isWhole(Path file) {
        try (DataFileReader ignored = DataFiles.open(file)) {
            return true;
        } catch (DataLoggerException damaged) {
            return false;
        }
    }

    /** The outcomes recorded in a data file's series attributes (status and sample count). */
    public static List<GrabResult.Outcome> outcomesOf(Path file) {
        try (DataFileReader r = DataFiles.open(file)) {
            List<GrabResult.Outcome> out = new ArrayList<>();
            for (String key : r.keys()) {
                var attrs = r.keyAttributes(key);
                out.add(new GrabResult.Outcome(key, parseStatus(attrs.getOrDefault(DataFiles.ATTR_STATUS, "OK")),
                        Integer.parseInt(attrs.getOrDefault(DataFiles.ATTR_SAMPLES, "0"))));
            }
            return out;
        }
    }

    /** The inverse of {@link FetchStatus#toString()}: {@code KIND} or {@code KIND (detail)}. */
    static FetchStatus parseStatus(String text) {
        int paren = text.indexOf(" (");
        String kind = paren < 0 ? text : text.substring(0, paren);
        String detail = paren < 0 || !text.endsWith(")") ? "" : text.substring(paren + 2, text.length() - 1);
        try {
            return new FetchStatus(FetchStatus.Kind.valueOf(kind), detail);
        } catch (IllegalArgumentException e) {
            return FetchStatus.error("unknown status recorded: " + text);
        }
    }

    /** Deletes a fetch checkpoint folder once its data is published. */
    public static void clearCheckpoint(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new DataLoggerException("cannot remove checkpoint folder " + dir + ": " + RegularFiles.reason(e), e);
        }
    }
}
